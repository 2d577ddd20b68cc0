"""Calendar arithmetic: months, ISO weeks, calendar quarters, windows and yearly dates.

Every window is half-open, `[start, end)`: `end` is the first day after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.report import Period

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Window:
    """The days `start <= day < end`."""

    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months; the 31st becomes the month's last day when needed."""
    year, month = divmod(day.month - 1 + months, 12)
    first = dt.date(day.year + year, month + 1, 1)
    return first.replace(day=min(day.day, _month_length(first)))


def _month_length(first: dt.date) -> int:
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (following - first).days


def roadmap_months(start: dt.date, first: int, last: int) -> Window:
    """Roadmap months `first..last` (1-based): [start + (first-1) months, start + last months)."""
    return Window(add_months(start, first - 1), add_months(start, last))


def elapsed_share(window: Window, today: dt.date) -> float:
    """(today - start) / (end - start), clamped to [0, 1]."""
    length = (window.end - window.start).days
    if length <= 0:
        return 1.0 if today >= window.start else 0.0
    return min(1.0, max(0.0, (today - window.start).days / length))


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def month_start(day: dt.date) -> dt.date:
    """The first day of the month holding `day`."""
    return day.replace(day=1)


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the calendar quarter holding `day`."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


_STEP_MONTHS = {"month": 1, "quarter": 3}


def period_of(every: Period, day: dt.date) -> Window:
    """The week, month or quarter holding `day`."""
    if every == "week":
        start = week_start(day)
        return Window(start, start + dt.timedelta(days=7))
    start = month_start(day) if every == "month" else quarter_start(day)
    return Window(start, add_months(start, _STEP_MONTHS[every]))


def previous_period(every: Period, window: Window) -> Window:
    """The period just before `window`."""
    return period_of(every, window.start - ONE_DAY)


def period_label(every: Period, window: Window) -> str:
    """`2026-W05`, `2026-03` or `2026-Q1`."""
    start = window.start
    if every == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if every == "month":
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def recent_periods(every: Period, today: dt.date, count: int) -> list[Window]:
    """The last `count` periods, oldest first, ending with the one holding `today`."""
    periods = [period_of(every, today)]
    while len(periods) < count:
        periods.append(previous_period(every, periods[-1]))
    return periods[::-1]


def on_or_after(
    today: dt.date, month: int, day: int, not_before_year: int | None = None
) -> dt.date:
    """The next `month`-`day` on or after `today` (and not before `not_before_year`).

    29 February falls on 28 February in years that have none.
    """
    year = max(today.year, not_before_year or today.year)
    while True:
        occurrence = in_year(year, month, day)
        if occurrence >= today:
            return occurrence
        year += 1


def in_year(year: int, month: int, day: int) -> dt.date:
    """`month`-`day` in `year`; 29 February falls on 28 February in a common year."""
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return dt.date(year, month, day - 1)
