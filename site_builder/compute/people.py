"""Per-person figures: reciprocity, trust, matrix quadrant and relationship strength."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping

from site_builder.compute.health import missing_fields_of
from site_builder.compute.index import ContactHistory, Index
from site_builder.compute.report import (
    Person,
    Quadrant,
    QuadrantBounds,
    Reciprocity,
    Strength,
    Touchpoint,
    Trust,
)
from site_builder.models import Contact

SCORES = (1, 5)
"""The lowest and highest influence or accessibility."""
HIGH = 4
"""Influence or accessibility of 4 or 5 is high on the network effect matrix."""
RECENCY_WEIGHT, FREQUENCY_WEIGHT, RECIPROCITY_WEIGHT = 0.5, 0.3, 0.2
NEUTRAL_RECIPROCITY = 0.5
YEAR = dt.timedelta(days=365)


def quadrant(influence: int, accessibility: int) -> Quadrant:
    """golden (both high), aspirational (influential, hard to reach), peer (easy to reach,
    less influential) or avoid (neither)."""
    if influence >= HIGH:
        return "golden" if accessibility >= HIGH else "aspirational"
    return "peer" if accessibility >= HIGH else "avoid"


def quadrant_bounds() -> tuple[QuadrantBounds, ...]:
    """The scores each quadrant holds: golden, aspirational, peer, avoid."""
    low, high = (SCORES[0], HIGH - 1), (HIGH, SCORES[1])
    return (
        QuadrantBounds("golden", influence=high, accessibility=high),
        QuadrantBounds("aspirational", influence=high, accessibility=low),
        QuadrantBounds("peer", influence=low, accessibility=high),
        QuadrantBounds("avoid", influence=low, accessibility=low),
    )


def contact_quadrant(contact: Contact) -> Quadrant | None:
    """The contact's quadrant, None unless both scores are given."""
    if contact.influence is None or contact.accessibility is None:
        return None
    return quadrant(contact.influence, contact.accessibility)


def trust_of(contact: Contact) -> Trust | None:
    """(credibility + reliability + intimacy) / self_orientation, to two decimals."""
    parts = contact.trust
    if parts is None:
        return None
    score = (parts.credibility + parts.reliability + parts.intimacy) / parts.self_orientation
    return Trust(
        parts.credibility,
        parts.reliability,
        parts.intimacy,
        parts.self_orientation,
        round(score, 2),
    )


def reciprocity_of(index: Index, history: ContactHistory) -> Reciprocity:
    """Gives to, shares with and asks of the contact, up to today."""
    values = [index.values[p] for p in history.indexes[: history.past_count]]
    gives, shares, asks = values.count("give"), values.count("share"), values.count("ask")
    return Reciprocity(
        gives=gives,
        shares=shares,
        asks=asks,
        balance=gives - asks,
        give_ratio=round(gives / (gives + asks), 4) if gives + asks else None,
    )


def _initiative(index: Index, history: ContactHistory) -> float:
    """min(1, 2 x share of interactions they started); neutral 0.5 when nobody recorded it."""
    starters = [index.initiated[p] for p in history.indexes[: history.past_count]]
    return initiative_of(starters.count("me"), starters.count("them"))


def initiative_of(mine: int, theirs: int) -> float:
    """The reciprocity part from how many interactions I and they started."""
    if mine + theirs == 0:
        return NEUTRAL_RECIPROCITY
    return min(1.0, 2 * theirs / (mine + theirs))


def strength_score(
    days_since: int, limit: float, touches: int, per_year: float, initiative: float
) -> int:
    """The 0-100 score from its inputs: the days since the last touch against the dormancy
    `limit` (recency), the touches of the last year against the `per_year` the cadence asks
    (frequency), and the reciprocity part (`initiative_of`). `history.StrengthTimeline`
    writes the same arithmetic out in its loop; a test checks both agree."""
    recency = max(0.0, 1 - days_since / limit)  # days_since >= 0: at most 1
    frequency = min(1.0, touches / per_year)
    score = (
        RECENCY_WEIGHT * recency + FREQUENCY_WEIGHT * frequency + RECIPROCITY_WEIGHT * initiative
    )
    return round(100 * score)


def strength_of(index: Index, contact_id: str, history: ContactHistory) -> Strength:
    """0-100: 50% recency against cadence, 30% frequency over the year, 20% reciprocity."""
    if history.past_count == 0:
        return Strength(score=0, recency=0.0, frequency=0.0, reciprocity=0.0, touches_last_year=0)
    today = index.today
    cadence = index.cadences[contact_id]
    last = history.dates[history.past_count - 1]
    limit = index.dataset.settings.dormant_after * cadence
    recency = min(1.0, max(0.0, 1 - (today - last).days / limit))
    touches = history.past_count - bisect_left(history.dates, today - YEAR + dt.timedelta(days=1))
    per_year = max(1.0, 365 / cadence)
    frequency = min(1.0, touches / per_year)
    reciprocity = _initiative(index, history)
    return Strength(
        score=strength_score((today - last).days, limit, touches, per_year, reciprocity),
        recency=round(recency, 4),
        frequency=round(frequency, 4),
        reciprocity=round(reciprocity, 4),
        touches_last_year=touches,
    )


def person(
    index: Index, contact_id: str, touchpoint: Touchpoint | None, strength: Strength | None = None
) -> Person:
    """Everything computed about one contact (`strength`: made already, else made here)."""
    contact = index.contacts[contact_id]
    history = index.history(contact_id)
    return Person(
        contact=contact_id,
        name=contact.name,
        circle=contact.circle,
        archived=contact.archived,
        interaction_indexes=history.indexes,
        touches=history.past_count,
        first_touch=history.first_touch,
        last_touch=history.last_touch,
        touchpoint=touchpoint,
        strength=strength or strength_of(index, contact_id, history),
        reciprocity=reciprocity_of(index, history),
        trust=trust_of(contact),
        quadrant=contact_quadrant(contact),
        missing_fields=missing_fields_of(contact),
    )


def people(
    index: Index,
    touchpoints: Mapping[str, Touchpoint],
    strengths: Mapping[str, Strength] | None = None,
) -> tuple[Person, ...]:
    """Every contact, archived too, by name; `strengths` holds today's strength of some
    (`history.StrengthTimeline.today`), the rest are made here."""
    ordered = sorted(index.contacts.items(), key=lambda item: (item[1].name.casefold(), item[0]))
    made = strengths or {}
    return tuple(person(index, cid, touchpoints.get(cid), made.get(cid)) for cid, _ in ordered)
