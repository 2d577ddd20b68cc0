"""Journal: reflections after events and conversations, newest first."""

from __future__ import annotations

from site_builder.models import JournalEntry
from site_builder.site.context import EVENTS, JOURNAL, GeneratedPage, Site
from site_builder.site.html import EMPTY, Html, admonition, block, card, day, esc, grid, link, tag
from site_builder.site.pages.common import page, person_link

SOURCE = JOURNAL


def _about(site: Site, entry: JournalEntry) -> Html:
    about = entry.about
    if about is None:
        return EMPTY
    if about.contact is not None:
        return esc("about ") + person_link(site, SOURCE, about.contact)
    event = about.event or ""
    return esc("about ") + link(site.href(SOURCE, EVENTS), esc(site.event_names.get(event, event)))


def entry_card(site: Site, entry: JournalEntry) -> Html:
    """One reflection: what went well, what to improve, who gave feedback."""
    head = tag("p", day(entry.date) + esc(" ") + _about(site, entry), class_="nd-muted nd-small")
    notes = []
    if entry.went_well:
        notes.append(admonition("success", esc("Went well"), tag("p", esc(entry.went_well))))
    if entry.improve:
        notes.append(admonition("warning", esc("To improve"), tag("p", esc(entry.improve))))
    parts = [head, grid(notes, class_="nd-grid-2")]
    if entry.feedback_from:
        parts.append(
            tag("p", esc("Feedback from ") + person_link(site, SOURCE, entry.feedback_from))
        )
    title = esc(f"{entry.date:%A} {entry.date.day} {entry.date:%B %Y}")
    return card(title, Html("".join(parts)))


def render(site: Site) -> GeneratedPage:
    """The Journal page."""
    entries = sorted(site.dataset.journal, key=lambda e: e.date, reverse=True)
    body = (
        "".join(block(tag("div", entry_card(site, e), class_="grid")) for e in entries)
        if entries
        else "\nNo reflection yet: add one to `journal.yml` after an event.\n"
    )
    return GeneratedPage(SOURCE, page("Journal", body), wide=True)
