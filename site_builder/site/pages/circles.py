"""Circles & board: circle sizes against their targets, and the personal board of directors
(`pages/circles.html`)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.report import BoardSeat, CircleSize, Person
from site_builder.plural import counted
from site_builder.site import templating
from site_builder.site.charts import network
from site_builder.site.context import CIRCLES, PEOPLE, GeneratedPage, Site
from site_builder.site.pages.common import circle_badge, people_links, status_badge
from site_builder.site.views import Badge, Kpi, Link, People, number, percent

SOURCE = CIRCLES
MEMBERS_SHOWN = 40
SEATS = {
    "sponsor": "Speaks for you where decisions are made, and spends their influence on you.",
    "mentor": "Has walked the road ahead and helps you see it.",
    "coach": "Sharpens one skill with you, session by session.",
    "connector": "Knows everybody and opens doors.",
    "peer": "Walks beside you; trades notes and honest feedback.",
}


@dataclass(frozen=True, slots=True)
class CircleCard:
    """A circle: its size against the target, and its members; `directory` links to
    the People page when not every member is shown."""

    title: str
    colour: str
    badge: Badge
    summary: str
    fit: Badge
    members: People
    directory: Link | None


@dataclass(frozen=True, slots=True)
class SeatCard:
    """A seat of the board and who holds it."""

    title: str
    role: str
    holders: People | None
    colour: str


def _band(size: CircleSize) -> str:
    return f"{size.min}\N{EN DASH}{size.max}" if size.max is not None else f"{size.min}+"


def _circle_card(site: Site, size: CircleSize, members: list[Person]) -> CircleCard:
    ids = [p.contact for p in members]
    return CircleCard(
        f"{size.circle.capitalize()} circle",
        f"circle-{size.circle}",
        circle_badge(size.circle),
        f" {counted(size.count, 'person', 'people')} · target {_band(size)} · touch every "
        f"{counted(size.cadence_days, 'day')} ",
        status_badge("fit", size.fit),
        people_links(site, SOURCE, ids, MEMBERS_SHOWN),
        Link("Filter the directory", f"{site.href(SOURCE, PEOPLE)}?circle={size.circle}")
        if len(ids) > MEMBERS_SHOWN
        else None,
    )


def _seat_card(site: Site, seat: BoardSeat) -> SeatCard:
    return SeatCard(
        seat.role.capitalize(),
        SEATS.get(seat.role, ""),
        people_links(site, SOURCE, seat.contacts) if seat.filled else None,
        "fit-within" if seat.filled else "fit-under",
    )


def _kpis(site: Site) -> list[Kpi]:
    board = site.report.board
    kpis = [
        Kpi(number(s.count), f"{s.circle} (target {_band(s)})", f"circle-{s.circle}")
        for s in site.report.circles
    ]
    full = board.filled == len(board.seats)
    kpis.append(
        Kpi(
            f"{board.filled} / {len(board.seats)}",
            "board seats filled",
            "fit-within" if full else "fit-under",
        )
    )
    return kpis


def render(site: Site) -> GeneratedPage:
    """The Circles & board page."""
    report = site.report
    active = [p for p in report.people if not p.archived]
    circles = [
        _circle_card(site, s, [p for p in active if p.circle == s.circle]) for s in report.circles
    ]
    markdown = templating.render(
        "pages/circles.html",
        kpis=_kpis(site),
        chart=network.circles(report.circles),
        circles=circles,
        coverage=percent(report.board.coverage),
        seats=[_seat_card(site, seat) for seat in report.board.seats],
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
