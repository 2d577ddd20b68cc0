"""Roadmap & habits: phase cards with progress, the burn-up, and habit streaks
(`pages/roadmap.html`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.report import HabitProgress, PhaseProgress, TargetProgress
from site_builder.site import templating
from site_builder.site.charts import roadmap as charts
from site_builder.site.charts.figure import Chart
from site_builder.site.context import ROADMAP, GeneratedPage, Site
from site_builder.site.pages.common import status_badge
from site_builder.site.views import Badge, Bar, Kpi, bar, number

SOURCE = ROADMAP


@dataclass(frozen=True, slots=True)
class Target:
    """A target of a phase: its progress and figures (`done` for a milestone done)."""

    label: str
    bar: Bar | None
    figures: str
    status: Badge
    milestone: bool
    done: str
    note: str


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase of the roadmap."""

    name: str
    colour: str
    months: str
    start: str
    last_day: str
    status: Badge
    elapsed: str
    bar: Bar | None
    targets: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class Habit:
    """A habit: its streak, this period against the target, and recent periods."""

    title: str
    colour: str
    streak: str
    streak_words: str
    period: str
    bar: Bar | None
    chart: Chart


@dataclass(frozen=True, slots=True)
class Pane:
    """A tab holding a chart."""

    label: str
    chart: Chart


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _target(target: TargetProgress) -> Target:
    colour = f"target-{target.status.replace('_', '-')}"
    milestone = target.kind == "milestone"
    done_on = target.done_on.isoformat() if milestone and target.done_on else ""
    return Target(
        target.label,
        bar(1.0 if target.done_on else 0.0, colour)
        if milestone
        else bar(target.share, colour, f"{target.share:.0%}"),
        "" if milestone else f"{_amount(target.actual)} / {_amount(target.target)} ",
        status_badge("target", target.status),
        milestone,
        done_on,
        target.note or "",
    )


def phase_card(phase: PhaseProgress) -> Phase:
    """One phase: its months and dates, how much of it has elapsed, and its targets."""
    months = (
        f"Month {phase.first_month}"
        if phase.first_month == phase.last_month
        else f"Months {phase.first_month}\N{EN DASH}{phase.last_month}"
    )
    return Phase(
        phase.phase,
        f"target-{phase.status.replace('_', '-')}",
        months,
        phase.start.isoformat(),
        (phase.end - dt.timedelta(days=1)).isoformat(),
        status_badge("target", phase.status),
        f"{phase.elapsed:.0%} of the time elapsed",
        bar(phase.elapsed, "progress"),
        tuple(_target(t) for t in phase.targets),
    )


def habit_card(habit: HabitProgress) -> Habit:
    """One habit: this period against its target, the streak and the recent periods."""
    current = habit.current
    return Habit(
        f"{habit.label}, every {habit.every}",
        "target-done" if current.met else "target-on-track",
        f"{habit.streak}",
        f" {habit.every}{'s' if habit.streak != 1 else ''} in a row",
        f"{_amount(current.actual)} of {_amount(current.target)} this "
        f"{habit.every} ({current.label})",
        bar(current.share, "target-done" if current.met else "progress"),
        charts.habit(habit),
    )


def render(site: Site) -> GeneratedPage:
    """The Roadmap & habits page."""
    report = site.report
    statuses = [t.status for p in report.roadmap for t in p.targets]
    kpis = [
        Kpi(number(statuses.count("done")), "targets done", "target-done"),
        Kpi(number(statuses.count("on_track")), "on track", "target-on-track"),
        Kpi(number(statuses.count("behind")), "behind", "target-behind"),
        Kpi(number(statuses.count("missed")), "missed", "target-missed"),
        Kpi(number(statuses.count("upcoming")), "upcoming", "target-upcoming"),
    ]
    markdown = templating.render(
        "pages/roadmap.html",
        kpis=kpis,
        start=report.roadmap_start.isoformat(),
        # The phase under way first, then the others in the plan's order.
        phases=[phase_card(p) for p in sorted(report.roadmap, key=lambda p: not p.current)],
        burnups=[Pane(b.label, charts.burnup(b)) for b in report.burnups],
        habits=[habit_card(h) for h in report.habits],
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
