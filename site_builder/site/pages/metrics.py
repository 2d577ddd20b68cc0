"""Metrics: the value mix against 70-20-10, response and acceptance rates, referrals and
opportunities, diversity, manual series, consistency, and every metric month by month."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.report import DiversityDimension, MeasureSeries, MetricSeries
from site_builder.site import palette
from site_builder.site.charts import activity
from site_builder.site.context import METRICS, GeneratedPage, Site
from site_builder.site.html import (
    Html,
    bar,
    block,
    esc,
    humanize,
    number,
    percent,
    table,
    tabs,
    tag,
)
from site_builder.site.pages.common import kpi, kpis, page, section

SOURCE = METRICS


def _value_mix(site: Site) -> str:
    mix = site.report.value_mix
    numbers = kpis(
        [
            kpi(
                esc(f"{s.percent:.0f}%"),
                f"{s.value} (target {s.target_percent:.0f}%)",
                f"value-{s.value}",
            )
            for s in mix.shares
        ]
        + [
            kpi(number(mix.total), "gives, shares and asks"),
            kpi(number(mix.social), "social (not counted)", "value-social"),
        ]
    )
    last_day = mix.end - dt.timedelta(days=1)  # windows are half-open
    intro = (
        f"Interactions from {mix.start.isoformat()} to {last_day.isoformat()} by value: "
        "give most, share often, ask rarely."
    )
    return section("Value mix: the 70-20-10 rule", intro) + numbers + block(activity.value_mix(mix))


def _responses(site: Site) -> str:
    rates = site.report.responses
    numbers = kpis(
        [
            kpi(percent(rates.response_rate), "response rate to my outreach"),
            kpi(percent(rates.acceptance_rate), "meetings accepted"),
            kpi(number(rates.pending), "replies pending"),
        ]
    )
    return (
        section(
            "Response and acceptance",
            "Replies to outreach you started (pending ones "
            "left out) and answers to meetings you asked for.",
        )
        + numbers
        + block(activity.responses(rates))
    )


def _outcomes(site: Site) -> str:
    quarters, total = site.report.quarters, site.report.quarters_total
    current = quarters[-1] if quarters else None
    numbers = kpis(
        [
            kpi(number(current.referrals if current else 0), "referrals this quarter"),
            kpi(number(current.opportunities if current else 0), "opportunities this quarter"),
            kpi(number(total.referrals), f"referrals, last {len(quarters)} quarters"),
            kpi(number(total.opportunities), f"opportunities, last {len(quarters)} quarters"),
        ]
    )
    return section("Referrals and opportunities") + numbers + block(activity.quarters(quarters))


DIVERSITY_TOP = 12
"""The largest groups a diversity table lists; the rest share one row."""


def diversity_table(dimension: DiversityDimension, top: int = DIVERSITY_TOP) -> Html:
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
    rows = [
        [esc(name), number(n), bar(n / largest, "progress", f"{n:,} of {largest:,}")]
        for name, n in counts
    ]
    headers = [esc(dimension.dimension.capitalize()), esc("Contacts"), esc("")]
    return table(headers, rows)


def _diversity_pane(dimension: DiversityDimension) -> tuple[str, Html]:
    summary = tag(
        "p",
        esc(
            f"{dimension.distinct:,} distinct · evenness "
            f"{dimension.evenness:.2f} (1 = perfectly even) · "
            f"{dimension.unknown:,} not given"
        ),
        class_="nd-muted nd-small",
    )
    return dimension.dimension.capitalize(), summary + diversity_table(dimension)


def _diversity(site: Site) -> str:
    panes = [_diversity_pane(d) for d in site.report.diversity]
    return section(
        "Diversity",
        "How your active contacts spread over industries, places, seniority and companies.",
    ) + (block(tabs("diversity", panes)) if panes else "")


def _measure_pane(series: MeasureSeries, index: int) -> tuple[str, Html]:
    colour = palette.SERIES[index % len(palette.SERIES)]
    latest = (
        f"latest {series.latest:,g} on {series.points[-1][0].isoformat()}"
        if series.points and series.latest is not None
        else "no reading yet"
    )
    return humanize(series.name), tag("p", esc(latest), class_="nd-muted nd-small") + (
        activity.measure(series, colour)
    )


def _measures(site: Site) -> str:
    measures = site.report.measures
    if not measures:
        return section("Manual series", "Add readings to `metrics.yml` to chart them here.")
    panes = [_measure_pane(series, i) for i, series in enumerate(measures)]
    return section("Manual series", "Readings from `metrics.yml`.") + block(tabs("measures", panes))


def _consistency(site: Site) -> str:
    data = site.report.consistency
    numbers = kpis(
        [
            kpi(number(data.current_streak), "weeks in a row with an interaction", "target-done"),
            kpi(number(data.longest_streak), "longest streak (weeks)"),
        ]
    )
    return section("Consistency") + numbers + block(activity.consistency(data))


def _amount(value: float) -> Html:
    return number(value, 0 if value == int(value) else 1)


def monthly_table(series: tuple[MetricSeries, ...]) -> Html:
    """Every metric, month by month over the roadmap year."""
    if not series:
        return esc("")
    months = series[0].months
    headers = [esc("Metric")] + [esc(m.label) for m in months] + [esc("Year"), esc("Last 90 d")]
    rows = [
        [
            esc(m.label),
            *(_amount(p.value) for p in m.months),
            _amount(m.roadmap_year),
            _amount(m.last_90_days),
        ]
        for m in series
    ]
    return table(headers, rows, data_sortable=True)


def render(site: Site) -> GeneratedPage:
    """The Metrics page."""
    markdown = page(
        "Metrics",
        _value_mix(site),
        _responses(site),
        _outcomes(site),
        _diversity(site),
        _measures(site),
        _consistency(site),
        section(
            "Month by month",
            "Every metric over the roadmap year (levels such as circle "
            "sizes are read at each month's end).",
        ),
        block(monthly_table(site.report.metrics)),
    )
    return GeneratedPage(SOURCE, markdown)
