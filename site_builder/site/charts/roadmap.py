"""Charts of the plan: the roadmap's burn-up and each habit's recent periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import plotly.graph_objects as go

from site_builder.compute.report import HabitProgress, MetricSeries, PhaseProgress
from site_builder.site import palette
from site_builder.site.charts.figure import chart, layout
from site_builder.site.html import Html


def plan_steps(metric: str, phases: Sequence[PhaseProgress]) -> list[tuple[dt.date, float]]:
    """The plan as steps: at each phase's end, the running total of the metric's
    unfiltered targets so far (filtered targets count a subset, so they are left out)."""
    steps, total = [], 0.0
    for phase in phases:
        planned = [t.target for t in phase.targets
                   if t.kind == "metric" and t.name == metric and not t.where]
        if planned:
            total += sum(planned)
            steps.append((phase.end, total))
    return steps


def burnup(series: MetricSeries, phases: Sequence[PhaseProgress], today: dt.date,
           end: dt.date) -> Html:
    """Running total of one metric over the roadmap year against the plan's steps."""
    start = series.months[0].start.isoformat() if series.months else today.isoformat()
    done_x, done_y, running = [start], [0.0], 0.0
    for month in series.months:
        if month.start > today:
            break
        running += month.value
        done_x.append(min(month.end - dt.timedelta(days=1), today).isoformat())
        done_y.append(running)
    steps = plan_steps(series.metric, phases)
    plan_x = [start] + [day.isoformat() for day, _ in steps] + [end.isoformat()]
    plan_y = [0.0] + [value for _, value in steps] + [steps[-1][1] if steps else 0.0]
    figure = go.Figure(
        [
            go.Scatter(name="plan", x=plan_x, y=plan_y, mode="lines+markers",
                       line={"shape": "hv", "dash": "dash", "color": palette.TARGET_LINE}),
            go.Scatter(name="done", x=done_x, y=done_y, mode="lines+markers", fill="tozeroy",
                       line={"color": palette.ACCENT, "width": 3}),
        ],
        layout=layout(300, showlegend=True, xaxis={"type": "date", "tickformat": "%b %Y"},
                      yaxis={"rangemode": "tozero", "title": {"text": series.label}}),
    )
    return chart(figure, f"Burn-up of {series.label} over the roadmap year")


def habit(progress: HabitProgress) -> Html:
    """A habit's recent periods: actual against the target, met periods in green."""
    periods = progress.history
    colours = [palette.TARGET["done"] if p.met else
               (palette.TARGET["on_track"] if p.current else palette.TARGET["missed"])
               for p in periods]
    figure = go.Figure(
        [
            go.Bar(name="actual", x=[p.label for p in periods], y=[p.actual for p in periods],
                   marker_color=colours, hovertemplate="%{x}: %{y}<extra></extra>"),
            go.Scatter(name="target", x=[p.label for p in periods],
                       y=[p.target for p in periods], mode="lines",
                       line={"color": palette.TARGET_LINE, "dash": "dash", "shape": "hvh"},
                       hovertemplate="target %{y}<extra></extra>"),
        ],
        layout=layout(200, showlegend=False, margin={"l": 32, "r": 8, "t": 8, "b": 48},
                      yaxis={"rangemode": "tozero"}, xaxis={"type": "category"}),
    )
    return chart(figure, f"{progress.label}, every {progress.every}")
