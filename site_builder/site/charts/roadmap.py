"""Charts of the plan: the roadmap's burn-up and each habit's recent periods."""

from __future__ import annotations

import calendar
import math

from site_builder.compute.report import Burnup, HabitPeriod, HabitProgress
from site_builder.site import palette
from site_builder.site.charts.figure import (
    Chart,
    bar,
    chart,
    count_axis,
    figure,
    layout,
    quarter_text,
    scatter,
)

TICKS = 7
"""At most this many period labels on a habit's axis, so they stay level."""


def burnup(data: Burnup) -> Chart:
    """A metric's running total over the roadmap year against the plan's steps."""
    traces = [
        scatter(
            name="plan",
            x=[day.isoformat() for day, _ in data.plan],
            y=[value for _, value in data.plan],
            mode="lines+markers",
            line={"shape": "hv", "dash": "dash", "color": palette.TARGET_LINE},
        ),
        scatter(
            name="done",
            x=[day.isoformat() for day, _ in data.done],
            y=[value for _, value in data.done],
            mode="lines+markers",
            fill="tozeroy",
            line={"color": palette.ACCENT, "width": 3},
        ),
    ]
    return chart(
        figure(
            traces,
            layout(
                300,
                showlegend=True,
                xaxis={"type": "date", "tickformat": "%b %Y"},
                yaxis=count_axis(
                    [v for _, v in data.plan] + [v for _, v in data.done],
                    title={"text": data.label},
                ),
            ),
        ),
        f"Burn-up of {data.label} over the roadmap year",
    )


def habit(progress: HabitProgress) -> Chart:
    """A habit's recent periods: actual against the target, met periods in green."""
    periods = progress.history
    labels = [_short_label(p) for p in periods]
    step = math.ceil(len(labels) / TICKS) or 1
    shown = labels[len(labels) - 1 :: -step][::-1]  # the current period always labelled
    colours = [
        palette.TARGET["done"]
        if p.met
        else (palette.TARGET["on_track"] if p.current else palette.TARGET["missed"])
        for p in periods
    ]
    actual = bar(
        name="actual",
        x=labels,
        y=[p.actual for p in periods],
        marker={"color": colours},
        customdata=[[p.label, p.target] for p in periods],
        hovertemplate="%{customdata[0]}: %{y} (target %{customdata[1]})<extra></extra>",
    )
    # Each period's target, drawn behind the bars: it shows above a short bar and
    # between bars, and never strikes one through.
    targets = [
        {
            "type": "line",
            "layer": "below",
            "xref": "x",
            "yref": "y",
            "x0": i - 0.5,
            "x1": i + 0.5,
            "y0": p.target,
            "y1": p.target,
            "line": {"color": palette.TARGET_LINE, "dash": "dash", "width": 2},
        }
        for i, p in enumerate(periods)
    ]
    return chart(
        figure(
            [actual],
            layout(
                200,
                shapes=targets,
                showlegend=False,
                margin={"l": 32, "r": 8, "t": 8, "b": 48},
                yaxis=count_axis(max(p.actual, p.target) for p in periods),
                xaxis={"type": "category", "tickangle": 0, "tickvals": shown},
            ),
        ),
        f"{progress.label}, every {progress.every}",
    )


def _short_label(period: HabitPeriod) -> str:
    """A period's label short enough to stay level on an axis: `W36`, `Nov`, `Q4<br>2026`."""
    if "-W" in period.label:
        return period.label.split("-")[1]
    if "-Q" in period.label:
        return quarter_text(period.label)
    return calendar.month_abbr[period.start.month]
