"""Habits: a metric's target every week, month or quarter, with history and streak."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.calendar import Window, period_label, previous_period, recent_periods
from site_builder.compute.filters import given
from site_builder.compute.labels import describe
from site_builder.compute.metrics import MetricBook
from site_builder.compute.report import HabitPeriod, HabitProgress, Period
from site_builder.models import Habit

HISTORY_LENGTH: dict[Period, int] = {"week": 13, "month": 12, "quarter": 8}


def habit_period(book: MetricBook, habit: Habit, window: Window) -> HabitPeriod:
    """The habit's metric over one period (counted up to today) against its target."""
    actual = book.value(habit.metric, window, habit.where)
    return HabitPeriod(
        label=period_label(habit.every, window),
        start=window.start,
        end=window.end,
        actual=actual,
        target=habit.target,
        share=actual / habit.target,
        met=actual >= habit.target,
        current=window.start <= book.index.today < window.end,
    )


def streak(book: MetricBook, habit: Habit, current: HabitPeriod, earliest: dt.date) -> int:
    """Consecutive periods met, back from the current one, or from the one before it while
    the current one is not met yet. Periods before `earliest` (the first record) are not met.
    """
    window = Window(current.start, current.end)
    if not current.met:
        window = previous_period(habit.every, window)
    count = 0
    while window.end > earliest and habit_period(book, habit, window).met:
        count += 1
        window = previous_period(habit.every, window)
    return count


def habit_progress(book: MetricBook, habit: Habit, earliest: dt.date) -> HabitProgress:
    """The current period, the recent ones (oldest first) and the streak."""
    windows = recent_periods(habit.every, book.index.today, HISTORY_LENGTH[habit.every])
    history = tuple(habit_period(book, habit, window) for window in windows)
    current = history[-1]
    return HabitProgress(
        every=habit.every,
        metric=habit.metric,
        label=describe(habit.metric, habit.where),
        where=given(habit.where),
        target=habit.target,
        current=current,
        history=history,
        streak=streak(book, habit, current, earliest),
    )


def earliest_record(book: MetricBook) -> dt.date:
    """The first day anything countable happened (today when nothing did)."""
    index = book.index
    dataset = index.dataset
    candidates = [index.today]
    if index.dates:
        candidates.append(index.dates[0])
    candidates.extend(c.met.on for c in dataset.contacts.values() if c.met and c.met.on)
    candidates.extend(event.date for event in dataset.events)
    candidates.extend(community.joined for community in dataset.communities)
    return min(candidates)


def habits(book: MetricBook) -> tuple[HabitProgress, ...]:
    """Every habit of goals.yml, in file order."""
    earliest = earliest_record(book)
    return tuple(habit_progress(book, habit, earliest) for habit in book.index.dataset.goals.habits)
