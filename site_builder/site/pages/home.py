"""Home: the day's dashboard. The week's agenda first (each move with its draft to copy),
then key numbers, overdue people, birthdays, open follow-ups, the roadmap at a glance and
a few charts (`pages/home.html`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from site_builder.compute.report import PhaseProgress, Touchpoint
from site_builder.site import palette, templating
from site_builder.site.charts import activity
from site_builder.site.context import (
    EVENTS,
    HOME,
    METRICS,
    PEOPLE,
    ROADMAP,
    TOUCHPOINTS,
    GeneratedPage,
    Site,
)
from site_builder.site.pages.common import (
    circle_badge,
    person_link,
    shown_years,
    status_badge,
    touch_badge,
)
from site_builder.site.pages.week import week_view
from site_builder.site.views import (
    Badge,
    Bar,
    Kpi,
    Link,
    PersonLink,
    bar,
    humanize,
    number,
    percent,
    relative_days,
)

SOURCE = HOME
LISTED = 8
HOME_MOVES = 20
"""Moves of the week Home shows; the This week page has them all."""
KEY_DATE_DAYS = 30
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class ListCard(Generic[Item]):
    """A card listing a few items, a note when there are none, and links below."""

    title: str
    items: Sequence[Item]
    empty: str
    links: tuple[Link, ...]
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Point:
    """A touchpoint in a list: circle dot, name, status and when."""

    dot: str
    person: PersonLink
    status: Badge
    relative: str


@dataclass(frozen=True, slots=True)
class KeyDateItem:
    """A birthday or anniversary in a list."""

    person: PersonLink
    what: str
    relative: str


@dataclass(frozen=True, slots=True)
class Promise:
    """An open follow-up in a list; `status` is None for one with no due date."""

    status: Badge | None
    do: str
    person: PersonLink


@dataclass(frozen=True, slots=True)
class PhaseLine:
    """A roadmap phase at a glance."""

    name: str
    status: Badge
    bar: Bar | None
    note: str


def _more(site: Site, total: int, target: str, what: str) -> tuple[Link, ...]:
    if total <= LISTED:
        return ()
    return (Link(f"All {total:,} {what} →", site.href(SOURCE, target)),)


def _point(site: Site, point: Touchpoint) -> Point:
    due = point.scheduled or point.due or site.today
    return Point(
        palette.css_class("circle", point.circle),
        person_link(site, SOURCE, point.contact, point.name),
        touch_badge(point.status),
        relative_days(due, site.today),
    )


def _overdue_card(site: Site) -> ListCard[Point]:
    overdue = [p for p in site.report.touchpoints if p.status == "overdue"]
    return ListCard(
        f"Overdue ({len(overdue):,})",
        [_point(site, p) for p in overdue[:LISTED]],
        "Nobody is overdue.",
        _more(site, len(overdue), TOUCHPOINTS, "overdue"),
        "touch-overdue",
    )


def _dates_card(site: Site) -> ListCard[KeyDateItem]:
    soon = [d for d in site.report.key_dates if d.days_until <= KEY_DATE_DAYS]
    items = [
        KeyDateItem(
            person_link(site, SOURCE, d.contact, d.name),
            humanize(d.kind) + (f" ({years})" if (years := shown_years(site, d)) else ""),
            relative_days(d.date, site.today),
        )
        for d in soon[:LISTED]
    ]
    return ListCard(
        f"Birthdays and anniversaries, next {KEY_DATE_DAYS} days",
        items,
        "None coming up.",
        _more(site, len(soon), TOUCHPOINTS, "key dates"),
    )


def _follow_ups_card(site: Site) -> ListCard[Promise]:
    follow_ups = site.report.follow_ups
    items = [
        Promise(
            touch_badge(f.status) if f.status != "open" else None,
            f.do,
            person_link(site, SOURCE, f.contacts[0], f.names[0]),
        )
        for f in follow_ups[:LISTED]
    ]
    events = [e for e in site.report.event_follow_ups if not e.complete]
    to_events = (
        (Link(f"{len(events):,} event follow-ups to finish →", site.href(SOURCE, EVENTS)),)
        if events
        else ()
    )
    return ListCard(
        f"Open follow-ups ({len(follow_ups):,})",
        items,
        "No promise is open.",
        to_events + _more(site, len(follow_ups), TOUCHPOINTS, "follow-ups"),
    )


def _phase_line(phase: PhaseProgress) -> PhaseLine:
    done = sum(t.status == "done" for t in phase.targets)
    return PhaseLine(
        phase.phase,
        status_badge("target", phase.status),
        bar(phase.elapsed, "progress", f"{phase.elapsed:.0%} elapsed"),
        f"{done} of {len(phase.targets)} targets done · {phase.elapsed:.0%} of the time elapsed",
    )


def _habits(site: Site) -> list[str]:
    return [
        f"{h.label}: {h.current.actual:g}/{h.current.target:g} this {h.every} · streak {h.streak}"
        for h in site.report.habits
    ]


def _numbers(site: Site) -> list[Kpi]:
    report = site.report
    counts = {s: sum(p.status == s for p in report.touchpoints) for s in ("overdue", "due", "soon")}
    give = next((s.percent for s in report.value_mix.shares if s.value == "give"), 0.0)
    people, touchpoints, metrics = (site.href(SOURCE, t) for t in (PEOPLE, TOUCHPOINTS, METRICS))
    return [
        Kpi(number(len(report.touchpoints)), "active people", "", people),
        Kpi(number(counts["overdue"]), "overdue", "touch-overdue", touchpoints),
        Kpi(number(counts["due"] + counts["soon"]), "due soon", "touch-soon", touchpoints),
        Kpi(number(len(report.follow_ups)), "open follow-ups", "touch-due"),
        Kpi(f"{give:.0f}%", "gives, last 90 days", "value-give", metrics),
        Kpi(number(report.consistency.current_streak), "weeks in a row", "target-done"),
        Kpi(percent(report.responses.response_rate), "reply to my outreach", "", metrics),
    ]


def render(site: Site) -> GeneratedPage:
    """The Home page."""
    report = site.report
    today = site.today
    current = [p for p in report.roadmap if p.current] or list(report.roadmap[:1])
    markdown = templating.render(
        "pages/home.html",
        title=templating.title_html(f"{report.owner}'s network"),
        day=f"{today:%A} {today.day} {today:%B %Y} · ",
        circles=[(circle_badge(c.circle), f"{c.count:,}") for c in report.circles],
        week=week_view(site, SOURCE, HOME_MOVES),
        kpis=_numbers(site),
        overdue=_overdue_card(site),
        dates=_dates_card(site),
        follow_ups=_follow_ups_card(site),
        phases=[_phase_line(p) for p in current],
        habits=_habits(site),
        roadmap=Link("The whole roadmap →", site.href(SOURCE, ROADMAP)),
        consistency=activity.consistency(report.consistency),
        workload=activity.workload(report.workload[:12]),
        value_mix=activity.value_mix(report.value_mix),
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
