"""Roadmap progress: each phase's window, each target's actual and status, and the
burn-up of each counting metric the plan names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from site_builder.compute.calendar import (
    ONE_DAY,
    Window,
    add_months,
    elapsed_share,
    roadmap_months,
)
from site_builder.compute.filters import given
from site_builder.compute.labels import describe, humanize_name
from site_builder.compute.metrics import MetricBook, measure_value
from site_builder.compute.report import (
    Burnup,
    MetricSeries,
    PhaseProgress,
    TargetKind,
    TargetProgress,
    TargetStatus,
)
from site_builder.models import Phase, Target


def roadmap_window(start: dt.date) -> Window:
    """The twelve roadmap months."""
    return Window(start, add_months(start, 12))


def target_status(actual: float, target: float, window: Window, today: dt.date) -> TargetStatus:
    """upcoming (before its window, whatever the count), done, missed, on_track
    (actual/target >= elapsed share) or behind."""
    if today < window.start:
        return "upcoming"
    if actual >= target:
        return "done"
    if today >= window.end:
        return "missed"
    return "on_track" if actual / target >= elapsed_share(window, today) else "behind"


def milestone_status(done: dt.date | None, window: Window, today: dt.date) -> TargetStatus:
    """A one-off step is upcoming before its window, then done or not: on track while its
    window is open, missed after."""
    if today < window.start:
        return "upcoming"
    if done is not None and done <= today:
        return "done"
    return "missed" if today >= window.end else "on_track"


def _progress(
    target: Target, window: Window, today: dt.date, actual: float, note: str | None
) -> TargetProgress:
    goal = target.target or 1.0
    return TargetProgress(
        kind="metric",
        name="",
        label="",
        where=given(target.where),
        target=goal,
        actual=actual,
        share=actual / goal,
        elapsed=elapsed_share(window, today),
        status=target_status(actual, goal, window, today),
        note=note,
    )


def target_progress(book: MetricBook, target: Target, window: Window) -> TargetProgress:
    """One target over its phase's window (counts up to today; levels as of today)."""
    today = book.index.today
    if target.milestone is not None:
        done = target.done is not None and target.done <= today
        return TargetProgress(
            kind="milestone",
            name=target.milestone,
            label=target.milestone,
            target=1.0,
            actual=1.0 if done else 0.0,
            share=1.0 if done else 0.0,
            elapsed=elapsed_share(window, today),
            status=milestone_status(target.done, window, today),
            done_on=target.done,
        )
    if target.measure is not None:
        reading = measure_value(book.index, target.measure, window)
        note = None if reading is not None else "no reading yet in metrics.yml"
        progress = _progress(target, window, today, reading or 0.0, note)
        return _named(progress, "measure", target.measure, humanize_name(target.measure))
    metric = target.metric or ""
    progress = _progress(target, window, today, book.value(metric, window, target.where), None)
    return _named(progress, "metric", metric, describe(metric, target.where))


def _named(progress: TargetProgress, kind: TargetKind, name: str, label: str) -> TargetProgress:
    return replace(progress, kind=kind, name=name, label=label)


def phase_status(targets: list[TargetProgress], window: Window, today: dt.date) -> TargetStatus:
    """upcoming, done (all targets), missed (any), behind (any), else on_track."""
    statuses = {t.status for t in targets}
    if today < window.start:
        return "upcoming"
    if statuses <= {"done"}:
        return "done" if targets or today >= window.end else "on_track"
    if "missed" in statuses:
        return "missed"
    return "behind" if "behind" in statuses else "on_track"


def phase_progress(book: MetricBook, phase: Phase, start: dt.date) -> PhaseProgress:
    """A phase's window, elapsed share, targets and overall status."""
    first, last = phase.month_range
    window = roadmap_months(start, first, last)
    today = book.index.today
    targets = [target_progress(book, target, window) for target in phase.targets]
    return PhaseProgress(
        phase=phase.phase,
        first_month=first,
        last_month=last,
        start=window.start,
        end=window.end,
        elapsed=elapsed_share(window, today),
        status=phase_status(targets, window, today),
        targets=tuple(targets),
        current=today in window,
    )


def roadmap(book: MetricBook) -> tuple[PhaseProgress, ...]:
    """Every phase of goals.yml, in file order."""
    dataset = book.index.dataset
    start = dataset.settings.roadmap_start
    return tuple(phase_progress(book, phase, start) for phase in dataset.goals.roadmap)


def _plans_whole(target: TargetProgress, metric: str) -> bool:
    """An unfiltered target of the metric (a filtered one counts a subset of it)."""
    return target.kind == "metric" and target.name == metric and not target.where


def plan_steps(metric: str, phases: Sequence[PhaseProgress]) -> list[tuple[dt.date, float]]:
    """At each phase's end, earliest first, the sum of the metric's unfiltered targets of
    the phases ended by then (phases without one add no step)."""
    per_end: dict[dt.date, float] = {}
    for phase in phases:
        planned = [t.target for t in phase.targets if _plans_whole(t, metric)]
        if planned:
            per_end[phase.end] = per_end.get(phase.end, 0.0) + sum(planned)
    steps, total = [], 0.0
    for end in sorted(per_end):
        total += per_end[end]
        steps.append((end, total))
    return steps


def done_steps(series: MetricSeries, today: dt.date) -> list[tuple[dt.date, float]]:
    """The running total at each roadmap month's last day so far (today in the current
    month)."""
    steps, running = [], 0.0
    for month in series.months:
        if month.start > today:
            break
        running += month.value
        steps.append((min(month.end - ONE_DAY, today), running))
    return steps


def burnup(
    series: MetricSeries, phases: Sequence[PhaseProgress], year: Window, today: dt.date
) -> Burnup:
    """One counting metric's running total over the roadmap year against the plan."""
    start = (year.start, 0.0)
    steps = plan_steps(series.metric, phases)
    end = (year.end, steps[-1][1] if steps else 0.0)
    return Burnup(
        metric=series.metric,
        label=series.label,
        done=(start, *done_steps(series, today)),
        plan=(start, *steps, end),
    )


def burnups(
    metrics: Sequence[MetricSeries], phases: Sequence[PhaseProgress], year: Window, today: dt.date
) -> tuple[Burnup, ...]:
    """A burn-up for each counting metric that an unfiltered target names, in the order of
    `metrics` (levels such as circle sizes have no running total)."""
    planned = {t.name for phase in phases for t in phase.targets if _plans_whole(t, t.name)}
    return tuple(
        burnup(series, phases, year, today)
        for series in metrics
        if series.additive and series.metric in planned
    )
