"""Metrics: the value mix against 70-20-10, response and acceptance rates, referrals and
opportunities, diversity, manual series, consistency, and every metric month by month
(`pages/metrics.html`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.labels import humanize_name
from site_builder.compute.report import DiversityDimension, MeasureSeries, MetricSeries
from site_builder.site import palette, templating
from site_builder.site.charts import activity
from site_builder.site.charts.figure import Chart
from site_builder.site.context import METRICS, GeneratedPage, Site
from site_builder.site.pages import metrics_payoff
from site_builder.site.views import Bar, Kpi, bar, number, percent

SOURCE = METRICS
DIVERSITY_TOP = 12
"""The largest groups a diversity table lists; the rest share one row."""


@dataclass(frozen=True, slots=True)
class Group:
    """A row of a diversity table: a group, its count and a bar against the largest."""

    name: str
    count: str
    bar: Bar | None


@dataclass(frozen=True, slots=True)
class DiversityPane:
    """A tab of the diversity section: one attribute of the contacts."""

    label: str
    summary: str
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class MeasurePane:
    """A tab of the manual series: its latest reading and its chart."""

    label: str
    latest: str
    chart: Chart


@dataclass(frozen=True, slots=True)
class MonthlyRow:
    """A metric over some months (and, in the last table, its year and last 90 days)."""

    label: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MonthlyTable:
    """Six months of every metric (the last table adds the year and the last 90 days)."""

    headers: list[str]
    rows: list[MonthlyRow]


def _amount(value: float) -> str:
    return number(value, 0 if value == int(value) else 1)


def diversity_groups(dimension: DiversityDimension, top: int = DIVERSITY_TOP) -> tuple[Group, ...]:
    """How active contacts spread over one attribute: the largest groups, the rest, and
    those with it not given, each with a bar against the largest group. A table rather than
    a chart: the names and counts read as text, and the page draws no more charts."""
    counts = list(dimension.counts[:top])
    rest = sum(n for _, n in dimension.counts[top:])
    if rest:
        counts.append((f"{len(dimension.counts) - top} others", rest))
    if dimension.unknown:
        counts.append(("(not given)", dimension.unknown))
    largest = max((n for _, n in counts), default=0)
    return tuple(
        Group(name, number(n), bar(n / largest, "progress", f"{n:,} of {largest:,}"))
        for name, n in counts
    )


def _diversity_pane(dimension: DiversityDimension) -> DiversityPane:
    summary = (
        f"{dimension.distinct:,} distinct · evenness {dimension.evenness:.2f} "
        f"(1 = perfectly even) · {dimension.unknown:,} not given"
    )
    return DiversityPane(dimension.dimension.capitalize(), summary, diversity_groups(dimension))


def _measure_pane(series: MeasureSeries, index: int) -> MeasurePane:
    colour = palette.SERIES[index % len(palette.SERIES)]
    latest = (
        f"latest {series.latest:,g} on {series.points[-1][0].isoformat()}"
        if series.points and series.latest is not None
        else "no reading yet"
    )
    return MeasurePane(humanize_name(series.name), latest, activity.measure(series, colour))


def _monthly(series: tuple[MetricSeries, ...]) -> list[MonthlyTable]:
    """The month-by-month tables: the year in halves of six months, so that every month
    shows at once; the second half ends with the year and the last 90 days (no table
    without metrics)."""
    if not series:
        return []
    months = len(series[0].months)
    half = (months + 1) // 2
    tables = []
    for first, last in ((0, half), (half, months)):
        totals = last == months
        headers = ["Metric", *(f"{m.start:%b %Y}" for m in series[0].months[first:last])]
        headers += ["Year", "Last 90 d"] if totals else []
        rows = [
            MonthlyRow(
                m.label,
                tuple(_amount(p.value) for p in m.months[first:last])
                + ((_amount(m.roadmap_year), _amount(m.last_90_days)) if totals else ()),
            )
            for m in series
        ]
        tables.append(MonthlyTable(headers, rows))
    return tables


def _value_mix(site: Site) -> dict[str, object]:
    mix = site.report.value_mix
    kpis = [
        Kpi(f"{s.percent:.0f}%", f"{s.value} (target {s.target_percent:.0f}%)", f"value-{s.value}")
        for s in mix.shares
    ] + [
        Kpi(number(mix.total), "gives, shares and asks"),
        Kpi(number(mix.social), "social (not counted)", "value-social"),
    ]
    last_day = mix.end - dt.timedelta(days=1)  # windows are half-open
    return {
        "kpis": kpis,
        "start": mix.start.isoformat(),
        "last_day": last_day.isoformat(),
        "chart": activity.value_mix(mix),
    }


def _responses(site: Site) -> dict[str, object]:
    rates = site.report.responses
    kpis = [
        Kpi(percent(rates.response_rate), "response rate to my outreach"),
        Kpi(percent(rates.acceptance_rate), "meetings accepted"),
        Kpi(number(rates.pending), "replies pending"),
    ]
    return {"kpis": kpis, "chart": activity.responses(rates)}


def _outcomes(site: Site) -> dict[str, object]:
    quarters, total = site.report.quarters, site.report.quarters_total
    current = quarters[-1] if quarters else None
    kpis = [
        Kpi(number(current.referrals if current else 0), "referrals this quarter"),
        Kpi(number(current.opportunities if current else 0), "opportunities this quarter"),
        Kpi(number(total.referrals), f"referrals, last {len(quarters)} quarters"),
        Kpi(number(total.opportunities), f"opportunities, last {len(quarters)} quarters"),
    ]
    return {"kpis": kpis, "chart": activity.quarters(quarters)}


def _consistency(site: Site) -> dict[str, object]:
    data = site.report.consistency
    kpis = [
        Kpi(number(data.current_streak), "weeks in a row with an interaction", "target-done"),
        Kpi(number(data.longest_streak), "longest streak (weeks)"),
    ]
    return {"kpis": kpis, "chart": activity.consistency(data)}


def render(site: Site) -> GeneratedPage:
    """The Metrics page."""
    markdown = templating.render(
        "pages/metrics.html",
        value_mix=_value_mix(site),
        responses=_responses(site),
        outcomes=_outcomes(site),
        payoff=metrics_payoff.view(site),
        diversity=[_diversity_pane(d) for d in site.report.diversity],
        measures=[_measure_pane(s, i) for i, s in enumerate(site.report.measures)],
        consistency=_consistency(site),
        monthly=_monthly(site.report.metrics),
    )
    return GeneratedPage(SOURCE, markdown)
