"""Pieces shared by the page renderers: links to people, badges, key numbers, headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from site_builder.compute.report import TOUCH_STATUSES, KeyDate
from site_builder.site import palette
from site_builder.site.context import Site
from site_builder.site.html import (
    EMPTY,
    Html,
    badge,
    block,
    card,
    esc,
    grid,
    humanize,
    join,
    link,
    raw,
    tag,
)

STATUS_WORDS = {
    "overdue": "overdue",
    "due": "due today",
    "soon": "due soon",
    "scheduled": "scheduled",
    "ok": "on track",
}


def page(title: str, *parts: str) -> str:
    """A page's Markdown: a static title, then its parts (Markdown or `block()`s)."""
    return f"# {title}\n" + "".join(parts)


def section(title: str, intro: str = "") -> str:
    """A second-level heading with static text (it shows in the table of contents)."""
    return f"\n\n## {title}\n\n" + (f"{intro}\n\n" if intro else "")


def person_link(site: Site, source: str, contact: str, name: str | None = None) -> Html:
    """The person's name, linked to their page."""
    label = esc(name if name is not None else site.name(contact))
    href = site.person_href(source, contact)
    return link(href, label) if href is not None else label


def people_links(site: Site, source: str, contacts: Sequence[str], limit: int = 12) -> Html:
    """Linked names separated by commas, at most `limit`, then `and N more`."""
    shown = [person_link(site, source, contact) for contact in contacts[:limit]]
    more = len(contacts) - limit
    tail = raw(f" and {more:,} more") if more > 0 else EMPTY
    return join(shown, ", ") + tail


@lru_cache(maxsize=16)
def circle_badge(circle: str) -> Html:
    """The circle's name in its colour."""
    return badge(circle, palette.css_class("circle", circle))


@lru_cache(maxsize=16)
def touch_badge(status: str) -> Html:
    """A touchpoint status in its colour; sorts in urgency order."""
    rank = TOUCH_STATUSES.index(status) if status in TOUCH_STATUSES else len(TOUCH_STATUSES)
    return badge(
        STATUS_WORDS.get(status, status), palette.css_class("touch", status), data_sort=rank
    )


@lru_cache(maxsize=128)
def status_badge(group: str, status: str) -> Html:
    """A status of a group of the palette (`target`, `step`, `fit`, ...) in its colour."""
    return badge(humanize(status), palette.css_class(group, status))


def dot(group: str, name: str) -> Html:
    """A small coloured dot."""
    return tag("span", class_=f"nd-dot nd-{palette.css_class(group, name)}", aria_hidden="true")


def tags(words: Iterable[str]) -> Html:
    """Free labels as small chips."""
    return join(tag("span", esc(word), class_="nd-tag") for word in words)


def kpi(value: Html, label: str, colour: str = "", href: str | None = None) -> Html:
    """A key number on a card; `colour` is a palette class such as `touch-overdue`."""
    number = tag("span", value, class_="nd-kpi__value")
    caption = tag("span", esc(label), class_="nd-kpi__label")
    body = link(href, number + caption) if href else number + caption
    return tag("div", body, class_="card nd-card nd-kpi" + (f" nd-{colour}" if colour else ""))


def kpis(items: Iterable[Html]) -> str:
    """A row of key numbers."""
    return block(grid(items, class_="nd-kpis"))


def cards(items: Iterable[Html], columns: int = 0) -> str:
    """A grid of cards as a page block; `columns` 2 or 3 makes them wider or narrower
    than Material's default."""
    return block(grid(items, class_=f"nd-grid-{columns}" if columns else None))


def relative_days(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days:,} days" if days > 0 else f"{-days:,} days ago"


def when(day: dt.date | None, today: dt.date) -> Html:
    """A date with how far it is from today, sortable by its ISO form."""
    if day is None:
        return raw("&ndash;")
    iso = day.isoformat()
    return raw(
        f'<time datetime="{iso}">{iso}</time> '
        f'<span class="nd-rel nd-muted nd-small">{relative_days(day, today)}</span>'
    )


def empty_note(message: str) -> Html:
    """A muted line shown where a list is empty."""
    return tag("p", esc(message), class_="nd-muted")


def list_card(
    title: str, items: Sequence[Html], empty: str, footer: Html = EMPTY, colour: str = ""
) -> Html:
    """A card holding a short list, or a note when there is nothing to list."""
    body = (
        tag("ul", join(tag("li", item) for item in items), class_="nd-plain")
        if items
        else empty_note(empty)
    )
    return card(esc(title), body + footer, class_=f"nd-{colour}" if colour else None)


def shown_years(site: Site, key: KeyDate) -> int | None:
    """Years completed on a key date, for display. An age gives away a birth year, so
    birthdays show it only when private details are published."""
    if key.kind == "birthday" and not site.private:
        return None
    return key.years
