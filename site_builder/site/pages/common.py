"""Pieces shared by the page modules: links to people, the badges of circles and statuses,
and key dates as shown."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from site_builder.compute.report import TOUCH_STATUSES, KeyDate
from site_builder.site.context import Site
from site_builder.site.views import Badge, People, PersonLink, badge, humanize

STATUS_WORDS = {
    "overdue": "overdue",
    "due": "due today",
    "soon": "due soon",
    "scheduled": "scheduled",
    "new": "prospect",
    "ok": "on track",
}


def person_link(site: Site, source: str, contact: str, name: str | None = None) -> PersonLink:
    """The person's name, linked to their page from the page at `source`."""
    label = name if name is not None else site.name(contact)
    return PersonLink(label, site.person_href(source, contact))


def people_links(site: Site, source: str, contacts: Sequence[str], limit: int = 12) -> People:
    """Linked names, at most `limit` shown, and the others behind "and N more"."""
    links = tuple(person_link(site, source, contact) for contact in contacts)
    more = len(contacts) - limit
    return People(links[:limit], f"{more:,}" if more > 0 else "", links[limit:])


@lru_cache(maxsize=16)
def circle_badge(circle: str) -> Badge:
    """The circle's name in its colour."""
    return badge(circle, "circle", circle)


@lru_cache(maxsize=16)
def touch_badge(status: str) -> Badge:
    """A touchpoint status in its colour; sorts in urgency order."""
    rank = TOUCH_STATUSES.index(status) if status in TOUCH_STATUSES else len(TOUCH_STATUSES)
    return badge(STATUS_WORDS.get(status, status), "touch", status, rank)


@lru_cache(maxsize=128)
def status_badge(group: str, status: str) -> Badge:
    """A status of a group of the palette (`target`, `step`, `fit`, ...) in its colour."""
    return badge(humanize(status), group, status)


def shown_years(site: Site, key: KeyDate) -> int | None:
    """Years completed on a key date, for display. An age gives away a birth year, so
    birthdays show it only when private details are published."""
    if key.kind == "birthday" and not site.private:
        return None
    return key.years
