"""The journal in its context: each reflection tied to its event and people, and its
actions as follow-ups (open until they have a `done` date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from site_builder.compute.index import Index
from site_builder.compute.journal_records import ActionStatus, JournalAction, JournalNote
from site_builder.compute.reminders import follow_up_status
from site_builder.models import JournalEntry

ACTION_DAYS = 7
"""An action without `due` is due a week after the entry (the 24-48-7 rule's last step)."""


def _action_status(due: dt.date, done: dt.date | None, today: dt.date, soon: int) -> ActionStatus:
    return "done" if done is not None else follow_up_status(due, today, soon)


def _actions(index: Index, entry: JournalEntry, position: int) -> tuple[JournalAction, ...]:
    today, soon = index.today, index.dataset.settings.due_soon_days
    about = entry.about.contact if entry.about is not None else None
    found = []
    for number, action in enumerate(entry.actions):
        due = action.due or entry.date + dt.timedelta(days=ACTION_DAYS)
        contact = action.contact or about
        status = _action_status(due, action.done, today, soon)
        found.append(
            JournalAction(
                entry_date=entry.date,
                entry_index=position,
                position=number,
                do=action.do,
                due=due,
                contact=contact,
                name=index.name(contact) if contact is not None else None,
                done=action.done,
                status=status,
                overdue_days=(today - due).days if status == "overdue" else 0,
            )
        )
    return tuple(found)


def note(index: Index, entry: JournalEntry, position: int) -> JournalNote:
    """One reflection with its names resolved and its actions' status for today."""
    about = entry.about
    event = about.event if about is not None else None
    contact = about.contact if about is not None else None
    actions = _actions(index, entry, position)
    people = (contact, entry.feedback_from, *(action.contact for action in actions))
    known_event = index.events.get(event) if event is not None else None
    return JournalNote(
        date=entry.date,
        index=position,
        event=event,
        event_name=known_event.name if known_event is not None else event,
        contact=contact,
        name=index.name(contact) if contact is not None else None,
        went_well=entry.went_well,
        improve=entry.improve,
        feedback_from=entry.feedback_from,
        feedback_name=index.name(entry.feedback_from) if entry.feedback_from else None,
        learned=tuple(entry.learned),
        actions=actions,
        people=tuple(dict.fromkeys(p for p in people if p is not None)),
    )


def journal_notes(index: Index) -> tuple[JournalNote, ...]:
    """Every reflection, latest first (entries of one day in file order)."""
    notes = [note(index, entry, position) for position, entry in enumerate(index.dataset.journal)]
    return tuple(sorted(notes, key=lambda n: (-n.date.toordinal(), n.index)))


def open_actions(notes: Iterable[JournalNote]) -> tuple[JournalAction, ...]:
    """Actions not done yet, the earliest due first (then by entry, then position)."""
    found = [action for n in notes for action in n.actions if action.done is None]
    return tuple(sorted(found, key=lambda a: (a.due, a.entry_index, a.position)))
