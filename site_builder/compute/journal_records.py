"""The records of the journal in its context: each reflection with what it is about,
what was learned, and the actions it brought up. Plain frozen data, as the rest of the
`Report`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ActionStatus = Literal["overdue", "due", "soon", "open", "done"]
"""As a promise's: overdue (due < today), due (today), soon (within `due_soon_days`),
open (later); done once it has a `done` date."""


@dataclass(frozen=True)
class JournalAction:
    """Something a reflection says to do: a follow-up in the agenda until it is done."""

    entry_date: dt.date
    entry_index: int
    """Position of the entry in `journal.yml`."""
    position: int
    """Position of the action in the entry's `actions`."""
    do: str
    due: dt.date
    """Its `due`, else a week after the entry."""
    contact: str | None
    """Its `contact`, else the entry's `about.contact`; None for an action of your own."""
    name: str | None
    done: dt.date | None
    status: ActionStatus
    overdue_days: int
    """today - due when overdue and open, else 0."""


@dataclass(frozen=True)
class JournalNote:
    """One reflection, with the names it refers to."""

    date: dt.date
    index: int
    """Position in `journal.yml`."""
    event: str | None
    event_name: str | None
    contact: str | None
    """The contact it is about."""
    name: str | None
    went_well: str | None
    improve: str | None
    feedback_from: str | None
    feedback_name: str | None
    learned: tuple[str, ...]
    actions: tuple[JournalAction, ...]
    people: tuple[str, ...]
    """Every contact it concerns (about, feedback, actions), each once, in that order."""
