"""Every registry metric month by month over the roadmap year, and the manual series."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.calendar import ONE_DAY, Window, add_months, period_label
from site_builder.compute.metrics import ADDITIVE_METRICS, REGISTRY, MetricBook
from site_builder.compute.report import MeasureSeries, MetricSeries, PeriodValue
from site_builder.models import Dataset

LABELS: dict[str, str] = {
    "new_contacts": "New contacts",
    "interactions": "Interactions",
    "meetings": "Meetings",
    "gives": "Gives",
    "shares": "Shares",
    "asks": "Asks",
    "introductions_made": "Introductions made",
    "dormant_reconnected": "Dormant contacts reconnected",
    "events_attended": "Events attended",
    "events_hosted": "Events hosted",
    "communities_joined": "Communities joined",
    "referrals": "Referrals",
    "opportunities": "Opportunities",
    "circle_size": "Active contacts",
    "board_filled": "Board roles filled",
    "reviews_done": "Reviews done",
    "relationships_deepened": "Relationships deepened",
    "strong_relationships": "Strong relationships",
}


def _recent(today: dt.date, days: int) -> Window:
    return Window(today - dt.timedelta(days=days - 1), today + ONE_DAY)


def metric_series(book: MetricBook, metric: str, year: Window) -> MetricSeries:
    """One metric, unfiltered: each roadmap month, the year, the last 30 and 90 days."""
    today = book.index.today
    months = []
    for k in range(12):
        window = Window(add_months(year.start, k), add_months(year.start, k + 1))
        label = period_label("month", window)
        months.append(PeriodValue(label, window.start, window.end, book.value(metric, window)))
    return MetricSeries(
        metric=metric,
        label=LABELS.get(metric, metric),
        additive=metric in ADDITIVE_METRICS,
        months=tuple(months),
        roadmap_year=book.value(metric, year),
        last_30_days=book.value(metric, _recent(today, 30)),
        last_90_days=book.value(metric, _recent(today, 90)),
    )


def all_metric_series(book: MetricBook, year: Window) -> tuple[MetricSeries, ...]:
    """Every registry metric, in registry order."""
    return tuple(metric_series(book, metric, year) for metric in REGISTRY)


def measure_series(dataset: Dataset) -> tuple[MeasureSeries, ...]:
    """Each series of metrics.yml by name, readings oldest first."""
    found = []
    for name in sorted(dataset.metrics):
        points = tuple(sorted((m.date, m.value) for m in dataset.metrics[name]))
        found.append(MeasureSeries(name, points, points[-1][1] if points else None))
    return tuple(found)
