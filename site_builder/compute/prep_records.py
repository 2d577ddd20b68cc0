"""The records of event preparation: a prep sheet per event of the next two weeks, and
the targets met against those planned once it is over. Plain frozen data, as the rest of
the `Report`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Mutual:
    """Someone you know who also knows a target, and how."""

    contact: str
    name: str
    why: str
    """'also at Ledgerline', 'also met at Fintech Forward Lisbon', 'with you both on
    2026-03-05'."""


@dataclass(frozen=True)
class PrepTarget:
    """One person you mean to meet at an event: what to know, and how to open."""

    contact: str
    name: str
    role: str | None
    company: str | None
    last_touch: dt.date | None
    """The latest interaction with them on or before today."""
    last_kind: str | None
    """The kind of that interaction (coffee, email...)."""
    interests: tuple[str, ...]
    shared_topics: tuple[str, ...]
    """Their interests that match one of the event's topics."""
    mutual: tuple[Mutual, ...]
    """People you both know, strongest relationship first (at most `prep.MUTUAL_SHOWN`);
    made for a sheet that is due, empty once the event is over."""
    mutual_total: int
    """How many there are in all."""
    opener: str
    """A first line for them, from the catalogue of `compute/openers.py`."""
    met: bool
    """Met there: listed in the event's `met`, their `met.event` names it, or an
    interaction with them falls on one of its days (up to today)."""
    met_on: dt.date | None
    """The first interaction with them on the event's days, else its first day if met."""


@dataclass(frozen=True)
class EventPrep:
    """One event's preparation: the sheet before it, the targets met after it."""

    event: str
    name: str
    date: dt.date
    end: dt.date
    kind: str | None
    role: str | None
    days_until: int
    """date - today: 0 on its first day, negative once it has begun."""
    past: bool
    """Its last day is before today."""
    sheet: bool
    """It begins within `prep.SHEET_DAYS` (14) days, or is under way: the sheet is due."""
    topics: tuple[str, ...]
    notes: str | None
    """The event's `prep` notes."""
    pitch: str | None
    """Your 30-second introduction (`settings.pitch`), None when it is not set."""
    openers: tuple[str, ...]
    """First lines for anyone in the room, for this kind of event and your role."""
    questions: tuple[str, ...]
    """Questions that keep a conversation going."""
    targets: tuple[PrepTarget, ...]
    """In the order the event lists them."""
    planned: int
    """How many targets."""
    targets_met: int
    goal_new_contacts: int | None
    """The event's own goal of new people, shown beside the targets."""
    met_new: int
    """People listed in the event's `met`."""
