"""Touchpoints: what to do and when. Everyone overdue, due or scheduled; the people on
track whose touch falls in the coming weeks (the People directory lists the rest, by next
touch); the workload ahead, key dates of the coming months and open follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from site_builder.compute.report import KeyDate, OpenFollowUp, Touchpoint
from site_builder.site.charts import activity
from site_builder.site.context import CALENDAR, PEOPLE, TOUCHPOINTS, GeneratedPage, Later, Site
from site_builder.site.html import (
    Html,
    admonition,
    block,
    esc,
    humanize,
    join,
    link,
    number,
    raw,
    table,
    tag,
)
from site_builder.site.pages.common import (
    circle_badge,
    kpi,
    kpis,
    page,
    person_link,
    section,
    shown_years,
    touch_badge,
    when,
)

SOURCE = TOUCHPOINTS
ON_TRACK_DAYS = 30
"""People on track are listed when their touch falls within this many days."""
KEY_DATE_DAYS = 90
"""Birthdays and anniversaries are listed this many days ahead (the feed has the year)."""
ON_TRACK = ("ok",)
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Overdue", ("overdue",)),
    ("Due today and soon", ("due", "soon")),
    ("Scheduled", ("scheduled",)),
    ("On track", ON_TRACK),
)


def _why(point: Touchpoint) -> Html:
    notes = ["never contacted"] if point.never_contacted else []
    if point.snoozed_until is not None:
        notes.append(f"snoozed to {point.snoozed_until.isoformat()}")
    if point.dormant:
        notes.append("dormant")
    return esc("; ".join(notes))


def schedule_table(site: Site, source: str, points: Sequence[Touchpoint]) -> Html:
    """Touchpoints as a sortable table, in priority order."""
    today = site.today
    rows = [
        [
            number(p.priority),
            person_link(site, source, p.contact, p.name),
            circle_badge(p.circle),
            touch_badge(p.status),
            when(p.scheduled or p.due, today),
            when(p.last_touch, today),
            number(p.overdue_days) if p.overdue_days else raw(""),
            number(p.cadence_days),
            _why(p),
        ]
        for p in points
    ]
    headers = [
        esc(h)
        for h in (
            "#",
            "Name",
            "Circle",
            "Status",
            "Due / scheduled",
            "Last touch",
            "Days late",
            "Every (days)",
            "Notes",
        )
    ]
    return table(headers, rows, data_sortable=True)


def key_dates_table(site: Site, source: str, dates: Sequence[KeyDate]) -> Html:
    """Birthdays and work anniversaries, soonest first."""
    rows = [
        [
            when(d.date, site.today),
            person_link(site, source, d.contact, d.name),
            esc(humanize(d.kind)),
            number(shown_years(site, d)) if shown_years(site, d) else raw(""),
        ]
        for d in dates
    ]
    return table([esc("Date"), esc("Name"), esc("What"), esc("Years")], rows, data_sortable=True)


def follow_ups_table(site: Site, source: str, items: Sequence[OpenFollowUp]) -> Html:
    """Open promises, most urgent first."""
    rows = [
        [
            when(f.due, site.today),
            touch_badge(f.status) if f.status != "open" else esc("open"),
            esc(f.do),
            join(
                (person_link(site, source, c, n) for c, n in zip(f.contacts, f.names, strict=True)),
                ", ",
            ),
            when(f.interaction_date, site.today),
        ]
        for f in items
    ]
    headers = [esc(h) for h in ("Due", "Status", "To do", "With", "Promised on")]
    return table(headers, rows, data_sortable=True)


def _calendar_note(site: Site) -> str:
    href = site.href(SOURCE, CALENDAR)
    body = tag(
        "p",
        raw("Subscribe to ")
        + link(href, esc("touchpoints.ics"), download=True)
        + esc(
            " in your calendar app to see each touchpoint on its due day. The feed "
            "is rebuilt with the site, so it follows your data."
        ),
    )
    return block(admonition("tip", esc("Calendar feed"), body))


def _schedule(site: Site, later: Later, points: Sequence[Touchpoint]) -> str:
    return later(partial(schedule_table, site, SOURCE, points)) if points else "Nobody.\n"


def _on_track(site: Site, later: Later, points: Sequence[Touchpoint]) -> str:
    """The people on track whose touch falls in the coming days; a link to the rest."""
    if not points:
        return "Nobody.\n"
    horizon = site.today + dt.timedelta(days=ON_TRACK_DAYS)
    soon = [p for p in points if p.due is not None and p.due <= horizon]
    text = f"Due in the next {ON_TRACK_DAYS} days:\n\n" + _schedule(site, later, soon)
    if len(soon) < len(points):
        people = link(site.href(SOURCE, PEOPLE), esc("People"))
        text += block(
            tag(
                "p",
                esc(f"{len(points) - len(soon):,} more due later: ")
                + people
                + esc(" lists everyone with their next touch."),
                class_="nd-muted",
            )
        )
    return text


def _grouped(site: Site, later: Later) -> str:
    parts = []
    for title, statuses in GROUPS:
        points = [p for p in site.report.touchpoints if p.status in statuses]
        parts.append(section(f"{title} ({len(points):,})"))
        parts.append(
            _on_track(site, later, points)
            if statuses == ON_TRACK
            else _schedule(site, later, points)
        )
    return "".join(parts)


def render(site: Site) -> GeneratedPage:
    """The Touchpoints page."""
    report = site.report
    later = Later()
    key_dates = [d for d in report.key_dates if d.days_until <= KEY_DATE_DAYS]
    counts = {status: sum(p.status in status for p in report.touchpoints) for _, status in GROUPS}
    numbers = kpis(
        kpi(number(counts[statuses]), title, f"touch-{statuses[0]}") for title, statuses in GROUPS
    )
    markdown = page(
        "Touchpoints",
        numbers,
        _calendar_note(site),
        section("Workload ahead", "Touchpoints falling due in each of the next 26 weeks."),
        block(activity.workload(report.workload)),
        _grouped(site, later),
        section(
            "Birthdays and anniversaries",
            f"The next {KEY_DATE_DAYS} days; the calendar feed has the year.",
        ),
        later(partial(key_dates_table, site, SOURCE, key_dates))
        if key_dates
        else "None in these days.\n",
        section("Open follow-ups"),
        later(partial(follow_ups_table, site, SOURCE, report.follow_ups))
        if report.follow_ups
        else "Nothing promised is open.\n",
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
