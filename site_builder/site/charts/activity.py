"""Charts of what happened and what is coming: workload, consistency, value mix,
outcomes per quarter, response rates and manual series."""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.compute.labels import humanize_name
from site_builder.compute.report import (
    Consistency,
    MeasureSeries,
    QuarterOutcomes,
    ResponseRates,
    ValueMix,
    WeekLoad,
)
from site_builder.site import palette
from site_builder.site.charts.figure import (
    Chart,
    bar,
    chart,
    count_axis,
    figure,
    label_text,
    layout,
    quarter_text,
    scatter,
)


def workload(weeks: Sequence[WeekLoad], title: str = "Touchpoints due per week") -> Chart:
    """Touchpoints projected to fall due in each coming week."""
    trace = bar(
        x=[week.start.isoformat() for week in weeks],
        y=[week.count for week in weeks],
        marker={"color": palette.ACCENT},
        hovertemplate="Week of %{x|%d %b %Y}: %{y} due<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                280,
                xaxis={"type": "date", "tickformat": "%-d %b"},
                yaxis=count_axis((w.count for w in weeks), title={"text": "touchpoints"}),
            ),
        ),
        title,
    )


def consistency(data: Consistency) -> Chart:
    """Interactions per ISO week over the last 26 weeks."""
    weeks = data.weeks
    trace = bar(
        x=[w.start.isoformat() for w in weeks],
        y=[w.interactions for w in weeks],
        marker={
            "color": [palette.TOUCH["ok"] if w.interactions else palette.NEUTRAL for w in weeks]
        },
        hovertemplate="Week of %{x|%d %b %Y}: %{y} interactions<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                260,
                xaxis={"type": "date", "tickformat": "%-d %b"},
                yaxis=count_axis((w.interactions for w in weeks), title={"text": "interactions"}),
            ),
        ),
        "Interactions per week, last 26 weeks",
    )


def value_mix(mix: ValueMix) -> Chart:
    """Give, share and ask over the last 90 days, each beside a hollow bar of its target
    share; the bars are labelled with the actual share, the axis with the target, so that
    neither can be read as the other and no target line strikes a bar through."""
    names = [f"{s.value}<br>target {s.target_percent:.0f}%" for s in mix.shares]
    actual = bar(
        name="last 90 days",
        x=names,
        y=[s.percent for s in mix.shares],
        customdata=[[s.value, s.count] for s in mix.shares],
        marker={"color": [palette.VALUE[s.value] for s in mix.shares]},
        text=[f"{s.percent:.0f}%" for s in mix.shares],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{customdata[0]}: %{y:.1f}% (%{customdata[1]} interactions)<extra></extra>",
    )
    target = bar(
        name="target",
        x=names,
        y=[s.target_percent for s in mix.shares],
        customdata=[s.value for s in mix.shares],
        marker={"color": "rgba(0,0,0,0)", "line": {"width": 2, "color": palette.TARGET_LINE}},
        hovertemplate="target for %{customdata}: %{y:.0f}%<extra></extra>",
    )
    return chart(
        figure(
            [actual, target],
            layout(
                280,
                barmode="group",
                xaxis={"tickangle": 0},
                yaxis={"title": {"text": "% of gives, shares, asks"}, "range": [0, 105]},
                showlegend=True,
            ),
        ),
        "Value mix of the last 90 days against the target",
    )


def quarters(data: Sequence[QuarterOutcomes]) -> Chart:
    """Referrals and opportunities per calendar quarter."""
    labels = [quarter_text(q.label) for q in data]
    traces = [
        bar(
            name="referrals",
            x=labels,
            y=[q.referrals for q in data],
            marker={"color": palette.SERIES[0]},
        ),
        bar(
            name="opportunities",
            x=labels,
            y=[q.opportunities for q in data],
            marker={"color": palette.SERIES[1]},
        ),
    ]
    return chart(
        figure(
            traces,
            layout(
                280,
                barmode="group",
                showlegend=True,
                xaxis={"tickangle": 0},
                yaxis=count_axis(max(q.referrals, q.opportunities) for q in data),
            ),
        ),
        "Referrals and opportunities per quarter",
    )


def responses(rates: ResponseRates) -> Chart:
    """Outreach answered and meetings accepted, as stacked bars of counts."""
    rows = ["outreach", "meetings asked"]
    parts = [
        ("replied / accepted", [rates.replied, rates.accepted], palette.STEP["done"]),
        ("no reply / declined", [rates.no_reply, rates.declined], palette.STEP["missed"]),
        ("pending", [rates.pending, 0], palette.NEUTRAL),
    ]
    traces = [
        bar(name=name, y=rows, x=values, orientation="h", marker={"color": colour})
        for name, values, colour in parts
    ]
    return chart(
        figure(
            traces,
            layout(
                200,
                barmode="stack",
                showlegend=True,
                xaxis=count_axis(
                    (sum(values) for values in zip(*(v for _, v, _ in parts), strict=True)),
                    title={"text": "count"},
                ),
            ),
        ),
        "Replies to outreach and answers to meeting requests",
    )


def measure(series: MeasureSeries, colour: str) -> Chart:
    """One manual series over time."""
    trace = scatter(
        x=[day.isoformat() for day, _ in series.points],
        y=[v for _, v in series.points],
        mode="lines+markers",
        line={"color": colour, "width": 2, "shape": "hv"},
        name=label_text(humanize_name(series.name)),
        hovertemplate="%{x|%d %b %Y}: %{y:,}<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                260,
                xaxis={"type": "date"},
                yaxis={"rangemode": "normal"},
            ),
        ),
        f"{humanize_name(series.name)} over time",
    )
