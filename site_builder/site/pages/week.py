"""This week: every move of the week's agenda, why, and its draft to copy
(`pages/week.html`); Home shows the first of them, laid out the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.compute.agenda import KIND_LABELS, when_words
from site_builder.compute.report import AgendaItem
from site_builder.site import templating
from site_builder.site.actions import Actions
from site_builder.site.context import WEEK, GeneratedPage, Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import Badge, Link, PersonLink, badge

SOURCE = WEEK


@dataclass(frozen=True, slots=True)
class Move:
    """One item of the week's agenda: what, with whom, why, and a draft to copy."""

    anchor: str
    when: str
    kind: Badge
    person: PersonLink
    reason: str
    move: str
    draft: str
    to_write: str
    actions: Actions | None = None
    """Log, snooze, done, edit, add to calendar (`site/actions.py`)."""


@dataclass(frozen=True, slots=True)
class Week:
    """The week's agenda as Home lays it out."""

    title: str
    span: str
    moves: Sequence[Move]
    later: str
    more: Link | None
    """To the This week page, when the moves are not all shown."""


def _move(site: Site, source: str, item: AgendaItem) -> Move:
    anchor = f"move-{item.key}"
    return Move(
        anchor,
        when_words(item, site.report.agenda),
        badge(KIND_LABELS[item.kind], "agenda", item.kind),
        person_link(site, source, item.contact, item.name),
        item.reason,
        item.move,
        item.draft,
        "; ".join(item.to_write),
        site.actions.for_item(item, anchor),
    )


def week_view(site: Site, source: str, limit: int | None = None) -> Week:
    """The week's agenda as the page at `source` shows it: its items in order (the first
    `limit`, and a link to the This week page for the rest)."""
    agenda = site.report.agenda
    later, shown = len(agenda.later), agenda.items[:limit]
    rest = len(agenda.items) - len(shown)
    return Week(
        f"This week ({len(agenda.items):,})",
        f"{agenda.start:%a %d %b} to {agenda.end:%a %d %b} · a budget of {agenda.budget} moves",
        [_move(site, source, item) for item in shown],
        f"Later: {later:,} more moves beyond the budget." if later else "",
        Link(f"All {len(agenda.items):,} moves of the week →", site.href(source, WEEK))
        if rest
        else None,
    )


def render(site: Site) -> GeneratedPage:
    """The This week page: every move of the week, with its draft."""
    markdown = templating.render("pages/week.html", week=week_view(site, SOURCE))
    return GeneratedPage(SOURCE, markdown)
