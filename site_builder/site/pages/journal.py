"""Journal: reflections after events and conversations, newest first (`pages/journal.html`)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.models import JournalEntry
from site_builder.site import templating
from site_builder.site.context import EVENTS, JOURNAL, GeneratedPage, Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import Link, PersonLink

SOURCE = JOURNAL


@dataclass(frozen=True, slots=True)
class Entry:
    """One reflection: what went well, what to improve, who gave feedback; what it is
    about is a person or an event, if anything."""

    title: str
    date: str
    about_person: PersonLink | None
    about_event: Link | None
    went_well: str
    improve: str
    feedback_from: PersonLink | None


def entry_card(site: Site, entry: JournalEntry) -> Entry:
    """One reflection, as the Journal lays it out."""
    about = entry.about
    person = event = None
    if about is not None and about.contact is not None:
        person = person_link(site, SOURCE, about.contact)
    elif about is not None:
        name = about.event or ""
        event = Link(site.event_names.get(name, name), site.href(SOURCE, EVENTS))
    return Entry(
        f"{entry.date:%A} {entry.date.day} {entry.date:%B %Y}",
        entry.date.isoformat(),
        person,
        event,
        entry.went_well or "",
        entry.improve or "",
        person_link(site, SOURCE, entry.feedback_from) if entry.feedback_from else None,
    )


def render(site: Site) -> GeneratedPage:
    """The Journal page."""
    entries = sorted(site.dataset.journal, key=lambda e: e.date, reverse=True)
    markdown = templating.render(
        "pages/journal.html", entries=[entry_card(site, e) for e in entries]
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
