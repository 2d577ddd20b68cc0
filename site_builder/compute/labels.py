"""Words for names: the one table of metric labels, and `where:` filters in words.

Every page, chart, the digest and the command line show a metric through these, so no
raw name (`dormant_reconnected`) or filter (`kind = conference`) reaches a reader."""

from __future__ import annotations

from collections.abc import Mapping

from site_builder.models import Where

METRIC_LABELS: Mapping[str, str] = {
    "new_contacts": "New contacts",
    "interactions": "Interactions",
    "meetings": "Meetings",
    "gives": "Gives",
    "shares": "Shares",
    "asks": "Asks",
    "introductions_made": "Introductions made",
    "dormant_reconnected": "Dormant contacts reconnected",
    "events_attended": "Events attended",
    "events_hosted": "Events hosted",
    "communities_joined": "Communities joined",
    "referrals": "Referrals",
    "opportunities": "Opportunities",
    "circle_size": "Active contacts",
    "board_filled": "Board roles filled",
    "community_activities": "Community activities",
    "reviews_done": "Reviews done",
    "relationships_deepened": "Relationships deepened",
    "strong_relationships": "Strong relationships",
}
"""Each metric of the registry (models/goals.py `MetricName`) in words."""

WORDS: Mapping[str, str] = {"linkedin": "LinkedIn"}
"""Words a series name writes in lower case that read better otherwise."""

_FILTER_WORDS: Mapping[str, str] = {
    "circle": "{} circle",
    "kind": "{}",
    "value": "{}",
    "role": "as {}",
    "tag": "tagged {}",
    "industry": "in {}",
    "seniority": "{}",
    "board_role": "board role {}",
    "influence_min": "influence {} or more",
    "accessibility_min": "accessibility {} or more",
}
"""Each `where:` key as a phrase around its value."""


def humanize_name(name: str) -> str:
    """A snake_case name in words, first letter capital: `talks_given` -> "Talks given"."""
    words = [WORDS.get(word, word) for word in name.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def metric_label(metric: str) -> str:
    """A metric's name in words: "Dormant contacts reconnected"."""
    return METRIC_LABELS.get(metric) or humanize_name(metric)


def filter_words(where: Where | None) -> list[str]:
    """The keys a filter sets, each as a phrase, in the model's order."""
    if where is None:
        return []
    return [
        _FILTER_WORDS.get(key, key + " {}").format(str(value).replace("_", " "))
        for key, value in where.model_dump().items()
        if value is not None
    ]


def describe(metric: str, where: Where | None) -> str:
    """A metric with its filter in words: "Events attended (conference)",
    "New contacts (influence 4 or more)"."""
    words = filter_words(where)
    label = metric_label(metric)
    return f"{label} ({', '.join(words)})" if words else label
