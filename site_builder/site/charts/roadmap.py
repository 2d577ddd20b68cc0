"""Charts of the plan: the roadmap's burn-up and each habit's recent periods."""

from __future__ import annotations

from site_builder.compute.report import Burnup, HabitProgress
from site_builder.site import palette
from site_builder.site.charts.figure import Chart, bar, chart, figure, layout, scatter


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
                yaxis={"rangemode": "tozero", "title": {"text": data.label}},
            ),
        ),
        f"Burn-up of {data.label} over the roadmap year",
    )


def habit(progress: HabitProgress) -> Chart:
    """A habit's recent periods: actual against the target, met periods in green."""
    periods = progress.history
    labels = [p.label for p in periods]
    colours = [
        palette.TARGET["done"]
        if p.met
        else (palette.TARGET["on_track"] if p.current else palette.TARGET["missed"])
        for p in periods
    ]
    traces = [
        bar(
            name="actual",
            x=labels,
            y=[p.actual for p in periods],
            marker={"color": colours},
            hovertemplate="%{x}: %{y}<extra></extra>",
        ),
        scatter(
            name="target",
            x=labels,
            y=[p.target for p in periods],
            mode="lines",
            line={"color": palette.TARGET_LINE, "dash": "dash", "shape": "hvh"},
            hovertemplate="target %{y}<extra></extra>",
        ),
    ]
    return chart(
        figure(
            traces,
            layout(
                200,
                showlegend=False,
                margin={"l": 32, "r": 8, "t": 8, "b": 48},
                yaxis={"rangemode": "tozero"},
                xaxis={"type": "category"},
            ),
        ),
        f"{progress.label}, every {progress.every}",
    )
