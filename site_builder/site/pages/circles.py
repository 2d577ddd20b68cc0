"""Circles & board: circle sizes against their targets, and the personal board of directors."""

from __future__ import annotations

from site_builder.compute.report import BoardSeat, CircleSize, Person
from site_builder.site.charts import network
from site_builder.site.context import CIRCLES, PEOPLE, GeneratedPage, Site
from site_builder.site.html import Html, block, card, esc, link, number, percent, raw, tag
from site_builder.site.pages.common import (
    cards,
    circle_badge,
    empty_note,
    kpi,
    kpis,
    page,
    people_links,
    section,
    status_badge,
)

SOURCE = CIRCLES
MEMBERS_SHOWN = 40
SEATS = {
    "sponsor": "Speaks for you where decisions are made, and spends their influence on you.",
    "mentor": "Has walked the road ahead and helps you see it.",
    "coach": "Sharpens one skill with you, session by session.",
    "connector": "Knows everybody and opens doors.",
    "peer": "Walks beside you; trades notes and honest feedback.",
}


def _band(size: CircleSize) -> str:
    return f"{size.min}\N{EN DASH}{size.max}" if size.max is not None else f"{size.min}+"


def _circle_card(site: Site, size: CircleSize, members: list[Person]) -> Html:
    head = tag(
        "p",
        circle_badge(size.circle)
        + esc(
            f" {size.count:,} people · target {_band(size)} · touch every {size.cadence_days} days "
        )
        + status_badge("fit", size.fit),
    )
    ids = [p.contact for p in members]
    names = people_links(site, SOURCE, ids, MEMBERS_SHOWN) if ids else empty_note("Nobody yet.")
    more = (
        link(site.href(SOURCE, PEOPLE), esc("Filter the directory"))
        if len(ids) > MEMBERS_SHOWN
        else raw("")
    )
    return card(
        esc(f"{size.circle.capitalize()} circle"),
        head + tag("p", names) + more,
        class_=f"nd-kpi nd-circle-{size.circle}",
    )


def _seat_card(site: Site, seat: BoardSeat) -> Html:
    holders = (
        people_links(site, SOURCE, seat.contacts)
        if seat.filled
        else tag("span", esc("Empty seat"), class_="nd-muted")
    )
    colour = "fit-within" if seat.filled else "fit-under"
    return card(
        esc(seat.role.capitalize()),
        tag("p", esc(SEATS.get(seat.role, "")), class_="nd-muted nd-small") + tag("p", holders),
        class_=f"nd-kpi nd-{colour}",
    )


def render(site: Site) -> GeneratedPage:
    """The Circles & board page."""
    report = site.report
    active = [p for p in report.people if not p.archived]
    by_circle = {
        size.circle: [p for p in active if p.circle == size.circle] for size in report.circles
    }
    board = report.board
    markdown = page(
        "Circles & board",
        kpis(
            [
                kpi(number(s.count), f"{s.circle} (target {_band(s)})", f"circle-{s.circle}")
                for s in report.circles
            ]
            + [
                kpi(
                    esc(f"{board.filled} / {len(board.seats)}"),
                    "board seats filled",
                    "fit-within" if board.filled == len(board.seats) else "fit-under",
                )
            ]
        ),
        section(
            "Circle sizes",
            "Active people per circle; the grey band is the target size from `settings.yml`.",
        ),
        block(network.circles(report.circles)),
        cards((_circle_card(site, s, by_circle[s.circle]) for s in report.circles), 3),
        section(
            "Personal board of directors",
            f"Five seats, {percent(board.coverage)} filled. Give someone a seat with "
            "`board_role:` in their file.",
        ),
        cards((_seat_card(site, seat) for seat in board.seats), 3),
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
