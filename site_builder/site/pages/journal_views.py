"""A reflection as the pages show it (the Journal, an event's section, a person's page):
what went well, what to improve, what was learned, the actions and their status, and who
gave feedback. Laid out by `macros/journal.html`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.compute.journal_records import ActionStatus, JournalAction, JournalNote
from site_builder.site.context import EVENTS, Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import Badge, Link, PersonLink, badge

ACTION_BADGES: dict[ActionStatus, tuple[str, str, str]] = {
    "overdue": ("overdue", "touch", "overdue"),
    "due": ("due today", "touch", "due"),
    "soon": ("due soon", "touch", "soon"),
    "open": ("open", "step", "open"),
    "done": ("done", "step", "done"),
}
"""Each action status: its words, and the palette group and colour of its badge."""


@dataclass(frozen=True, slots=True)
class ActionLine:
    """One action: what, for whom, by when, and whether it is done."""

    do: str
    person: PersonLink | None
    due: str
    status: Badge
    done: str


@dataclass(frozen=True, slots=True)
class JournalCard:
    """One reflection; what it is about is a person or an event, if anything."""

    title: str
    date: str
    about_person: PersonLink | None
    about_event: Link | None
    went_well: str
    improve: str
    learned: tuple[str, ...]
    actions: tuple[ActionLine, ...]
    feedback_from: PersonLink | None


def event_anchor(event: str) -> str:
    """The id of an event's section on the Events page."""
    return f"event-{event}"


def _action(site: Site, source: str, action: JournalAction) -> ActionLine:
    words, group, colour = ACTION_BADGES[action.status]
    person = person_link(site, source, action.contact, action.name) if action.contact else None
    return ActionLine(
        action.do,
        person,
        action.due.isoformat(),
        badge(words, group, colour),
        action.done.isoformat() if action.done else "",
    )


def card(site: Site, source: str, note: JournalNote) -> JournalCard:
    """One reflection, linked from the page at `source`."""
    person = event = None
    if note.contact is not None:
        person = person_link(site, source, note.contact, note.name)
    elif note.event is not None:
        label = note.event_name or note.event
        href = site.href(source, EVENTS, event_anchor(note.event))
        event = Link(label, href if note.event in site.event_names else None)
    feedback = note.feedback_from
    return JournalCard(
        f"{note.date:%A} {note.date.day} {note.date:%B %Y}",
        note.date.isoformat(),
        person,
        event,
        note.went_well or "",
        note.improve or "",
        note.learned,
        tuple(_action(site, source, action) for action in note.actions),
        person_link(site, source, feedback, note.feedback_name) if feedback else None,
    )


def cards(site: Site, source: str, notes: Iterable[JournalNote]) -> list[JournalCard]:
    """Reflections in the order given."""
    return [card(site, source, note) for note in notes]
