"""How the owner networks: value mix, response rates, outcomes per quarter, weekly
consistency, and the workload ahead."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from site_builder.compute.calendar import Window, period_label, recent_periods, week_start
from site_builder.compute.index import Index
from site_builder.compute.metrics import MetricBook
from site_builder.compute.report import (
    Consistency,
    QuarterOutcomes,
    ResponseRates,
    Touchpoint,
    ValueMix,
    ValueShare,
    WeekActivity,
    WeekLoad,
)
from site_builder.models.types import Value

MIX_DAYS = 90
MIX_VALUES: tuple[Value, ...] = ("give", "share", "ask")
WEEK = dt.timedelta(days=7)
WEEKS_AHEAD = 26
WEEKS_SHOWN = 26
QUARTERS_SHOWN = 8


def value_mix(index: Index) -> ValueMix:
    """Gives, shares and asks over the last 90 days (today included); social is left out."""
    start = index.today - dt.timedelta(days=MIX_DAYS - 1)
    recent = index.by_date[bisect_left(index.dates, start) : index.past_end]
    counts = Counter(map(index.values.__getitem__, recent))
    total = sum(counts[v] for v in MIX_VALUES)
    target = index.dataset.settings.value_mix_target
    shares = tuple(
        ValueShare(
            v,
            counts[v],
            round(100 * counts[v] / total, 1) if total else 0.0,
            float(getattr(target, v)),
        )
        for v in MIX_VALUES
    )
    return ValueMix(start, index.today + dt.timedelta(days=1), shares, total, counts["social"])


def _rate(part: int, other: int) -> float | None:
    return round(part / (part + other), 4) if part + other else None


def response_rates(index: Index) -> ResponseRates:
    """Replies to my outreach and answers to my meeting requests, up to today."""
    replies: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    for interaction in index.past_in_file_order():
        if interaction.reply is not None:
            replies[interaction.reply] += 1
        if interaction.meeting is not None:
            answers[interaction.meeting] += 1
    return ResponseRates(
        replied=replies["replied"],
        no_reply=replies["no_reply"],
        pending=replies["pending"],
        response_rate=_rate(replies["replied"], replies["no_reply"]),
        accepted=answers["accepted"],
        declined=answers["declined"],
        acceptance_rate=_rate(answers["accepted"], answers["declined"]),
    )


def outcomes(book: MetricBook, label: str, window: Window) -> QuarterOutcomes:
    """Referrals and opportunities over one window (counted up to today)."""
    return QuarterOutcomes(
        label=label,
        start=window.start,
        end=window.end,
        referrals=int(book.value("referrals", window)),
        opportunities=int(book.value("opportunities", window)),
    )


def quarter_outcomes(book: MetricBook) -> tuple[QuarterOutcomes, ...]:
    """Referrals and opportunities in the last 8 calendar quarters, the current one last."""
    return tuple(
        outcomes(book, period_label("quarter", window), window)
        for window in recent_periods("quarter", book.index.today, QUARTERS_SHOWN)
    )


def outcomes_over(book: MetricBook, quarters: Sequence[QuarterOutcomes]) -> QuarterOutcomes:
    """The quarters together, as one window labelled `2025-Q1 to 2026-Q4`."""
    first, last = quarters[0], quarters[-1]
    return outcomes(book, f"{first.label} to {last.label}", Window(first.start, last.end))


def _run_back(active: set[dt.date], week: dt.date) -> int:
    count = 0
    while week in active:
        count += 1
        week -= WEEK
    return count


def longest_run(weeks: Sequence[dt.date]) -> int:
    """The longest run of consecutive weeks among sorted week starts."""
    best = run = 0
    previous: dt.date | None = None
    for week in weeks:
        run = run + 1 if previous is not None and week - previous == WEEK else 1
        best, previous = max(best, run), week
    return best


def consistency(index: Index) -> Consistency:
    """Weeks with at least one interaction; the current streak may start last week while
    this week has none yet."""
    per_week = Counter(week_start(index.dates[k]) for k in range(index.past_end))
    active = set(per_week)
    this_week = week_start(index.today)
    current = _run_back(active, this_week) or _run_back(active, this_week - WEEK)
    shown = [this_week - WEEK * k for k in range(WEEKS_SHOWN - 1, -1, -1)]
    return Consistency(
        current_streak=current,
        longest_streak=longest_run(sorted(active)),
        weeks=tuple(WeekActivity(week, per_week[week]) for week in shown),
    )


def workload(index: Index, touchpoints: Sequence[Touchpoint]) -> tuple[WeekLoad, ...]:
    """Touchpoints falling due in each of the next 26 weeks, this week first.

    Each contact counts at its scheduled date, else at its due date (overdue ones this
    week), then again every cadence after it, as if each touch happened when due.
    """
    first_week = week_start(index.today)
    horizon = first_week + WEEK * WEEKS_AHEAD
    due: dict[dt.date, list[str]] = defaultdict(list)
    for point in touchpoints:
        if point.scheduled is None and point.due is None:
            continue  # a prospect: no schedule yet
        day = point.scheduled or max(point.due or index.today, index.today)
        while day < horizon:
            due[week_start(day)].append(point.contact)
            day += dt.timedelta(days=point.cadence_days)
    weeks = (first_week + WEEK * k for k in range(WEEKS_AHEAD))
    return tuple(WeekLoad(week, len(due[week]), tuple(due[week])) for week in weeks)
