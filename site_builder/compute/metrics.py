"""The metric registry: every metric over any window `[start, end)`, with `where:` filters.

Counting metrics are kept as ledgers (dates with running totals) built once per metric and
filter, so that any window costs two binary searches. Only records dated on or before today
count: a future interaction is a plan, not a touch.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from site_builder.compute.calendar import ONE_DAY, Window
from site_builder.compute.events import meets
from site_builder.compute.filters import inapplicable
from site_builder.compute.history import StrengthTimeline
from site_builder.compute.index import Index, build_index
from site_builder.compute.ledgers import (
    Weight,
    board_dates,
    community_activity_entries,
    community_entries,
    contact_level_dates,
    event_entries,
    interaction_entries,
    introduction_entries,
    introduction_pairs,
    new_contact_entries,
    reconnection_entries,
    review_entries,
)
from site_builder.models import Dataset, Where

INTERACTION_WEIGHTS: dict[str, Weight] = {
    "interactions": lambda i: 1.0,
    "meetings": lambda i: 1.0 if meets(i) else 0.0,
    "gives": lambda i: 1.0 if i.value == "give" else 0.0,
    "shares": lambda i: 1.0 if i.value == "share" else 0.0,
    "asks": lambda i: 1.0 if i.value == "ask" else 0.0,
    "introductions_made": lambda i: float(introduction_pairs(i)),
    "referrals": lambda i: float(i.outcomes.count("referral")),
    "opportunities": lambda i: float(len(i.outcomes)),
}
"""What one interaction adds to each interaction metric (with contact keys, introductions
are matched pair by pair: `introduction_entries`)."""
LEVEL_METRICS: frozenset[str] = frozenset({"circle_size", "board_filled"})
ADDITIVE_METRICS: tuple[str, ...] = (
    "new_contacts",
    "interactions",
    "meetings",
    "gives",
    "shares",
    "asks",
    "introductions_made",
    "dormant_reconnected",
    "events_attended",
    "events_hosted",
    "communities_joined",
    "referrals",
    "opportunities",
    "community_activities",
    "reviews_done",
)
STRENGTH_METRICS: frozenset[str] = frozenset({"relationships_deepened", "strong_relationships"})
"""Counted from relationship strength as of the window's edges (`history.py`)."""
REGISTRY: tuple[str, ...] = (
    *ADDITIVE_METRICS,
    "circle_size",
    "board_filled",
    "relationships_deepened",
    "strong_relationships",
)


@dataclass(frozen=True)
class Ledger:
    """Dated amounts, sorted by date, with running totals for window sums."""

    dates: tuple[dt.date, ...]
    totals: tuple[float, ...]
    """totals[k] is the sum of the first k amounts."""

    @classmethod
    def of(cls, entries: Iterable[tuple[dt.date, float]]) -> Ledger:
        """A ledger of `(date, amount)` pairs in any order: the amounts of one day are added
        up as they come, so no list of pairs is ever built."""
        per_day: defaultdict[dt.date, float] = defaultdict(float)
        for day, amount in entries:
            per_day[day] += amount
        days = sorted(per_day)
        return cls(tuple(days), tuple(accumulate(map(per_day.__getitem__, days), initial=0.0)))

    def between(self, window: Window) -> float:
        """The sum of the amounts dated in the window."""
        low = bisect_left(self.dates, window.start)
        high = bisect_left(self.dates, window.end)
        return self.totals[high] - self.totals[low] if high > low else 0.0

    def before(self, day: dt.date) -> float:
        """The sum of the amounts dated before `day`."""
        return self.totals[bisect_left(self.dates, day)]


class MetricBook:
    """Evaluates registry metrics for one data set and one day; remembers its ledgers."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._ledgers: dict[tuple[str, Where | None], Ledger] = {}

    def value(self, metric: str, window: Window, where: Where | None = None) -> float:
        """The metric over the window (levels: as at the window's end, or today if sooner)."""
        if inapplicable(metric, where):
            return 0.0
        if metric in STRENGTH_METRICS:
            return float(self.timeline.count(metric, window, where))
        ledger = self.ledger(metric, where)
        if metric in LEVEL_METRICS:
            return ledger.before(min(window.end, self.index.today + ONE_DAY))
        return ledger.between(window)

    @cached_property
    def timeline(self) -> StrengthTimeline:
        """Everyone's strength as of any day, made on first use."""
        return StrengthTimeline(self.index)

    def ledger(self, metric: str, where: Where | None) -> Ledger:
        """The ledger of one metric and filter, built on first use."""
        key = (metric, where)
        if key not in self._ledgers:
            if where is None and metric in INTERACTION_WEIGHTS:
                self._ledgers[key] = self._every_interaction(INTERACTION_WEIGHTS[metric])
            else:
                self._ledgers[key] = Ledger.of(self._entries(metric, where))
        return self._ledgers[key]

    def _every_interaction(self, weight: Weight) -> Ledger:
        """The fast path of an unfiltered interaction metric: every interaction weighed, in
        file order (as they lie in memory), and added up by day."""
        index = self.index
        today = index.today
        weighed = zip(index.interaction_dates, map(weight, index.interactions), strict=True)
        return Ledger.of(entry for entry in weighed if entry[0] <= today)

    def _entries(self, metric: str, where: Where | None) -> Iterable[tuple[dt.date, float]]:
        index = self.index
        if metric == "introductions_made":
            return introduction_entries(index, where)
        if metric in INTERACTION_WEIGHTS:
            return interaction_entries(index, _weight(metric, where), where)
        builders: dict[str, Callable[[], Iterable[tuple[dt.date, float]]]] = {
            "dormant_reconnected": lambda: reconnection_entries(index, where),
            "new_contacts": lambda: new_contact_entries(index, where),
            "events_attended": lambda: event_entries(index, where, hosted_only=False),
            "events_hosted": lambda: event_entries(index, where, hosted_only=True),
            "communities_joined": lambda: community_entries(index, where),
            "circle_size": lambda: contact_level_dates(index, where),
            "board_filled": lambda: board_dates(index, where),
            "community_activities": lambda: community_activity_entries(index, where),
            "reviews_done": lambda: review_entries(index),
        }
        if metric not in builders:
            raise ValueError(f"unknown metric {metric!r}")
        return builders[metric]()


def _weight(metric: str, where: Where | None) -> Weight:
    """What one interaction adds; opportunities of one outcome count that outcome only."""
    outcome = where.outcome if where is not None else None
    if metric == "opportunities" and outcome is not None:
        return lambda i: float(i.outcomes.count(outcome))
    return INTERACTION_WEIGHTS[metric]


def measure_value(index: Index, series: str, window: Window) -> float | None:
    """The latest reading of a metrics.yml series before the window's end (and by today)."""
    until = min(window.end, index.today + ONE_DAY)
    readings = [m for m in index.dataset.metrics.get(series, ()) if m.date < until]
    return max(readings, key=lambda m: m.date).value if readings else None


def metric_value(
    dataset: Dataset, today: dt.date, metric: str, window: Window, where: Where | None = None
) -> float:
    """One metric over one window, from scratch (for scripts and tests)."""
    return MetricBook(build_index(dataset, today)).value(metric, window, where)
