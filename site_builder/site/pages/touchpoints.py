"""Touchpoints: what to do and when. Everyone overdue, due or scheduled; the people on
track whose touch falls in the coming weeks (the People directory lists the rest, by next
touch); the workload ahead, key dates of the coming months and open follow-ups
(`pages/touchpoints.html`; the tables are macros of `parts/touchpoints.html`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.compute.report import KeyDate, OpenFollowUp, Touchpoint
from site_builder.site import templating
from site_builder.site.charts import activity
from site_builder.site.context import (
    CALENDAR,
    PEOPLE,
    TOUCHPOINTS,
    GeneratedPage,
    Later,
    Site,
    person_uri,
)
from site_builder.site.pages.common import (
    circle_badge,
    person_link,
    shown_years,
    touch_badge,
)
from site_builder.site.views import Badge, Kpi, PersonLink, When, dated, humanize, number, when

SOURCE = TOUCHPOINTS
PARTS = "parts/touchpoints.html"
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


@dataclass(frozen=True, slots=True)
class Scheduled:
    """One row of a schedule table."""

    priority: str
    name: str
    href: str
    circle: Badge
    status: Badge
    due: When | None
    last_touch: When | None
    days_late: str
    cadence: str
    notes: str


@dataclass(frozen=True, slots=True)
class KeyDateRow:
    """One birthday or anniversary."""

    date: When | None
    person: PersonLink
    what: str
    years: str


@dataclass(frozen=True, slots=True)
class PromiseRow:
    """One open follow-up; `status` is None for one with no due date."""

    due: When | None
    status: Badge | None
    do: str
    people: tuple[PersonLink, ...]
    promised_on: When


@dataclass(frozen=True, slots=True)
class Group:
    """A group of touchpoints under its heading; `table` is a deferred marker or `""`.
    For the people on track, `soon` says how many days ahead are listed and `more` how
    many are due later."""

    title: str
    table: str
    soon: int = 0
    more: str = ""


def _why(point: Touchpoint) -> str:
    notes = ["never contacted"] if point.never_contacted else []
    if point.snoozed_until is not None:
        notes.append(f"snoozed to {point.snoozed_until.isoformat()}")
    if point.dormant:
        notes.append("dormant")
    return "; ".join(notes)


def _scheduled(site: Site, source: str, p: Touchpoint) -> Scheduled:
    return Scheduled(
        number(p.priority),
        p.name,
        site.href(source, person_uri(p.contact)),
        circle_badge(p.circle),
        touch_badge(p.status),
        when(p.scheduled or p.due, site.today),
        when(p.last_touch, site.today),
        number(p.overdue_days) if p.overdue_days else "",
        number(p.cadence_days),
        _why(p),
    )


def schedule_table(site: Site, source: str, points: Sequence[Touchpoint]) -> str:
    """Touchpoints as a sortable table, in priority order."""
    rows = [_scheduled(site, source, p) for p in points]
    return templating.macro(PARTS, "schedule")(rows)


def key_dates_table(site: Site, source: str, dates: Sequence[KeyDate]) -> str:
    """Birthdays and work anniversaries, soonest first."""
    rows = [
        KeyDateRow(
            when(d.date, site.today),
            person_link(site, source, d.contact, d.name),
            humanize(d.kind),
            number(years) if (years := shown_years(site, d)) else "",
        )
        for d in dates
    ]
    return templating.macro(PARTS, "key_dates")(rows)


def follow_ups_table(site: Site, source: str, items: Sequence[OpenFollowUp]) -> str:
    """Open promises, most urgent first."""
    rows = [
        PromiseRow(
            when(f.due, site.today),
            touch_badge(f.status) if f.status != "open" else None,
            f.do,
            tuple(
                person_link(site, source, c, n) for c, n in zip(f.contacts, f.names, strict=True)
            ),
            dated(f.interaction_date, site.today),
        )
        for f in items
    ]
    return templating.macro(PARTS, "follow_ups")(rows)


def _schedule(site: Site, later: Later, points: Sequence[Touchpoint]) -> str:
    return later(lambda: schedule_table(site, SOURCE, points)) if points else ""


def _group(site: Site, later: Later, title: str, statuses: tuple[str, ...]) -> Group:
    points = [p for p in site.report.touchpoints if p.status in statuses]
    heading = f"{title} ({len(points):,})"
    if statuses != ON_TRACK or not points:
        return Group(heading, _schedule(site, later, points))
    horizon = site.today + dt.timedelta(days=ON_TRACK_DAYS)
    soon = [p for p in points if p.due is not None and p.due <= horizon]
    more = len(points) - len(soon)
    return Group(heading, _schedule(site, later, soon), ON_TRACK_DAYS, f"{more:,}" if more else "")


def render(site: Site) -> GeneratedPage:
    """The Touchpoints page."""
    report = site.report
    later = Later()
    key_dates = [d for d in report.key_dates if d.days_until <= KEY_DATE_DAYS]
    counts = {status: sum(p.status in status for p in report.touchpoints) for _, status in GROUPS}
    markdown = templating.render(
        "pages/touchpoints.html",
        kpis=[Kpi(number(counts[s]), title, f"touch-{s[0]}") for title, s in GROUPS],
        calendar=site.href(SOURCE, CALENDAR) if site.feed else None,
        workload=activity.workload(report.workload),
        groups=[_group(site, later, title, statuses) for title, statuses in GROUPS],
        people=site.href(SOURCE, PEOPLE),
        key_date_days=KEY_DATE_DAYS,
        key_dates=later(lambda: key_dates_table(site, SOURCE, key_dates)) if key_dates else "",
        follow_ups=(
            later(lambda: follow_ups_table(site, SOURCE, report.follow_ups))
            if report.follow_ups
            else ""
        ),
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
