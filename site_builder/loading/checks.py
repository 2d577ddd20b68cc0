"""Checks across records: each is `check(dataset) -> list[Problem]`; adding a rule is adding
a function to `CHECKS`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from site_builder.dedupe.duplicates import duplicate_groups
from site_builder.diagnostics.problems import Loc, Problem
from site_builder.drafts.catalog import templates
from site_builder.loading.messages import did_you_mean
from site_builder.models import Dataset

Check = Callable[[Dataset], list[Problem]]


def _unknown(
    path: Path, loc: Loc, ref: str, known: Mapping[str, object], what: str
) -> Iterator[Problem]:
    if ref not in known:
        yield Problem(path, f"unknown {what} {ref!r}" + did_you_mean(ref, known), loc=loc)


def _each_ref(refs: Iterable[str]) -> Iterator[tuple[int, str]]:
    return iter(enumerate(refs))


def interaction_references(dataset: Dataset) -> list[Problem]:
    """`with` and `introduced` name existing contacts; `introduced` differs from `with`."""
    problems: list[Problem] = []
    known = dataset.sources.contacts
    for interaction, (path, index) in zip(
        dataset.interactions, dataset.sources.interactions, strict=True
    ):
        for field, refs in (("with", interaction.with_), ("introduced", interaction.introduced)):
            for position, ref in _each_ref(refs):
                problems.extend(_unknown(path, (index, field, position), ref, known, "contact"))
        with_ = set(interaction.with_)
        for position, ref in _each_ref(interaction.introduced):
            if ref in with_:
                problems.append(
                    Problem(
                        path,
                        f"introduced: {ref!r} is also in `with`; introduced names the people "
                        "you introduced them to",
                        loc=(index, "introduced", position),
                    )
                )
    return problems


def follow_ups_after_interaction(dataset: Dataset) -> list[Problem]:
    """A follow-up is not done, or due, before the interaction it came from."""
    problems: list[Problem] = []
    for interaction, (path, index) in zip(
        dataset.interactions, dataset.sources.interactions, strict=True
    ):
        for position, follow_up in enumerate(interaction.follow_ups):
            for field in ("done", "due"):
                day = getattr(follow_up, field)
                if day is not None and day < interaction.date:
                    problems.append(
                        Problem(
                            path,
                            f"follow_ups[{position}].{field} {day} is before the interaction "
                            f"({interaction.date})",
                            loc=(index, "follow_ups", position, field),
                        )
                    )
    return problems


def event_references(dataset: Dataset) -> list[Problem]:
    """Event ids are unique; `met` names existing contacts."""
    path = dataset.root / "events.yml"
    problems: list[Problem] = []
    counts = Counter(event.id for event in dataset.events)
    for index, event in enumerate(dataset.events):
        if counts[event.id] > 1:
            problems.append(Problem(path, f"duplicate event id {event.id!r}", loc=(index, "id")))
        for position, ref in enumerate(event.met):
            problems.extend(
                _unknown(path, (index, "met", position), ref, dataset.sources.contacts, "contact")
            )
    return problems


def contact_references(dataset: Dataset) -> list[Problem]:
    """`met.event` names an event of events.yml."""
    events = {event.id: event for event in dataset.events}
    problems: list[Problem] = []
    for contact_id, contact in dataset.contacts.items():
        if contact.met is not None and contact.met.event is not None:
            path = dataset.sources.contacts.get(contact_id, dataset.root / "contacts")
            problems.extend(_unknown(path, ("met", "event"), contact.met.event, events, "event"))
    return problems


def journal_references(dataset: Dataset) -> list[Problem]:
    """`about` and `feedback_from` name existing events and contacts."""
    path = dataset.root / "journal.yml"
    events = {event.id: event for event in dataset.events}
    problems: list[Problem] = []
    for index, entry in enumerate(dataset.journal):
        if entry.about is not None and entry.about.contact is not None:
            problems.extend(
                _unknown(
                    path,
                    (index, "about", "contact"),
                    entry.about.contact,
                    dataset.sources.contacts,
                    "contact",
                )
            )
        if entry.about is not None and entry.about.event is not None:
            problems.extend(
                _unknown(path, (index, "about", "event"), entry.about.event, events, "event")
            )
        if entry.feedback_from is not None:
            problems.extend(
                _unknown(
                    path,
                    (index, "feedback_from"),
                    entry.feedback_from,
                    dataset.sources.contacts,
                    "contact",
                )
            )
    return problems


def goal_references(dataset: Dataset) -> list[Problem]:
    """A `measure` target names a series of metrics.yml."""
    path = dataset.root / "goals.yml"
    problems: list[Problem] = []
    for phase_index, phase in enumerate(dataset.goals.roadmap):
        for target_index, target in enumerate(phase.targets):
            if target.measure is not None:
                loc: Loc = ("roadmap", phase_index, "targets", target_index, "measure")
                problems.extend(
                    _unknown(
                        path,
                        loc,
                        target.measure,
                        dataset.metrics,
                        "measure (a series of metrics.yml)",
                    )
                )
    return problems


def review_references(dataset: Dataset) -> list[Problem]:
    """Each quarter is reviewed once; decisions name existing contacts."""
    path = dataset.root / "reviews.yml"
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, review in enumerate(dataset.reviews):
        if review.quarter in seen:
            message = f"{review.quarter} is reviewed twice; keep one review a quarter"
            problems.append(Problem(path, message, loc=(index, "quarter")))
        seen.add(review.quarter)
        for position, decision in enumerate(review.decisions):
            loc: Loc = (index, "decisions", position, "contact")
            problems.extend(
                _unknown(path, loc, decision.contact, dataset.sources.contacts, "contact")
            )
    return problems


def likely_duplicates(dataset: Dataset) -> list[Problem]:
    """Warn about contacts that are likely one person (same email, LinkedIn profile or name)."""
    problems: list[Problem] = []
    for group in duplicate_groups(dataset.contacts):
        first, *others = group.contact_ids
        for other in others:
            path = dataset.sources.contacts.get(other, dataset.root / "contacts")
            problems.append(
                Problem(
                    path,
                    f"likely the same person as {first!r} ({'; '.join(group.reasons)}); "
                    "see netdash check --dedupe",
                    "warning",
                    loc=("name",),
                )
            )
    return problems


def community_references(dataset: Dataset) -> list[Problem]:
    """Community ids are unique; `met.community` and interactions' `community` name one."""
    path = dataset.root / "communities.yml"
    known = {community.id: community for community in dataset.communities}
    counts = Counter(community.id for community in dataset.communities)
    problems = [
        Problem(path, f"duplicate community id {community.id!r}; give one an `id`", loc=(index,))
        for index, community in enumerate(dataset.communities)
        if counts[community.id] > 1
    ]
    for contact_id, contact in dataset.contacts.items():
        if contact.met is not None and contact.met.community is not None:
            where = dataset.sources.contacts.get(contact_id, dataset.root / "contacts")
            loc: Loc = ("met", "community")
            problems.extend(_unknown(where, loc, contact.met.community, known, "community"))
    for interaction, (source, index) in zip(
        dataset.interactions, dataset.sources.interactions, strict=True
    ):
        if interaction.community is not None:
            loc = (index, "community")
            problems.extend(_unknown(source, loc, interaction.community, known, "community"))
    return problems


def interaction_sources(dataset: Dataset) -> list[Problem]:
    """`template` and `event` name a known template and event; `replied_on` is not before
    the interaction. (`community` is checked by `community_references`.)"""
    known = {
        "template": templates(dataset),
        "event": {event.id: event for event in dataset.events},
    }
    problems: list[Problem] = []
    for interaction, (path, index) in zip(
        dataset.interactions, dataset.sources.interactions, strict=True
    ):
        for field, names in known.items():
            ref = getattr(interaction, field)
            if ref is not None:
                problems.extend(_unknown(path, (index, field), ref, names, field))
        replied_on = interaction.replied_on
        if replied_on is not None and replied_on < interaction.date:
            problems.append(
                Problem(
                    path,
                    f"replied_on {replied_on} is before the interaction ({interaction.date})",
                    loc=(index, "replied_on"),
                )
            )
    return problems


def event_targets(dataset: Dataset) -> list[Problem]:
    """An event's `targets` name existing contacts."""
    path = dataset.root / "events.yml"
    known = dataset.sources.contacts
    return [
        problem
        for index, event in enumerate(dataset.events)
        for position, ref in enumerate(event.targets)
        for problem in _unknown(path, (index, "targets", position), ref, known, "contact")
    ]


def journal_actions(dataset: Dataset) -> list[Problem]:
    """A journal action's `contact` names an existing contact; it is not due or done before
    the entry it came from."""
    path = dataset.root / "journal.yml"
    problems: list[Problem] = []
    for index, entry in enumerate(dataset.journal):
        for position, action in enumerate(entry.actions):
            loc: Loc = (index, "actions", position)
            if action.contact is not None:
                known = dataset.sources.contacts
                problems.extend(_unknown(path, (*loc, "contact"), action.contact, known, "contact"))
            for field in ("due", "done"):
                day = getattr(action, field)
                if day is not None and day < entry.date:
                    message = (
                        f"actions[{position}].{field} {day} is before the entry ({entry.date})"
                    )
                    problems.append(Problem(path, message, loc=(*loc, field)))
    return problems


CHECKS: list[Check] = [
    interaction_references,
    follow_ups_after_interaction,
    event_references,
    contact_references,
    journal_references,
    goal_references,
    likely_duplicates,
    community_references,
    interaction_sources,
    event_targets,
    journal_actions,
    review_references,
]


def run(dataset: Dataset) -> list[Problem]:
    """Every cross-record problem of the data set."""
    return [problem for check in CHECKS for problem in check(dataset)]
