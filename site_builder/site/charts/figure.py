"""Charts as HTML: each figure is plain data in Plotly's JSON format, written into a
`data-chart` attribute and drawn by `assets/netdash.js`. No template is set (the script
themes each chart from Material's colours), which keeps the JSON small.

The site ships plotly.js's basic bundle, so a trace is a `bar` or a `scatter`."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from site_builder.site.views import CONTROL

Trace = dict[str, Any]
"""One trace of a figure: its `type` and its properties, as plotly.js reads them."""


class Figure(TypedDict):
    """A whole figure: its traces and its layout."""

    data: list[Trace]
    layout: dict[str, Any]


DEFAULT_HEIGHT = 320
CHART_OPENING = '<div class="nd-chart"'
"""How every chart's placeholder begins: a page that holds it has a chart."""

SMALL_COUNT = 6
"""Up to this count an axis steps by one."""

BASE_LAYOUT: dict[str, Any] = {
    "margin": {"l": 48, "r": 16, "t": 16, "b": 40},
    # Above the plot, so that on a phone it never sits on the x axis's title.
    "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    "hovermode": "closest",
    "bargap": 0.25,
}


def layout(height: int = DEFAULT_HEIGHT, **overrides: Any) -> dict[str, Any]:
    """The shared layout of every chart, with per-chart settings on top."""
    return {**BASE_LAYOUT, "height": height, **overrides}


def count_axis(values: Iterable[float], **settings: Any) -> dict[str, Any]:
    """An axis of counts: from zero, in whole numbers (a step of 1 when the counts are
    small, where Plotly would step by 0.5)."""
    axis: dict[str, Any] = {"rangemode": "tozero", "tickformat": ",d", **settings}
    if max(values, default=0) <= SMALL_COUNT:
        axis |= {"tick0": 0, "dtick": 1}
    return axis


def bar(**properties: Any) -> Trace:
    """A bar trace."""
    return {"type": "bar", **properties}


def scatter(**properties: Any) -> Trace:
    """A scatter trace: markers, lines or both."""
    return {"type": "scatter", **properties}


def figure(traces: Sequence[Trace], chart_layout: dict[str, Any]) -> Figure:
    """A figure of `traces` drawn with `chart_layout`."""
    return {"data": list(traces), "layout": chart_layout}


@dataclass(frozen=True)
class Chart:
    """A chart placeholder: the figure, a label for screen readers (it shows while the
    chart loads) and the height to keep for it. The `chart` macro writes the figure as
    JSON into `data-chart`; the drawing script reads it from there."""

    spec: Figure
    label: str
    height: int


def chart(spec: Figure, label: str) -> Chart:
    """The placeholder of a chart of `spec`, described by `label`."""
    return Chart(spec, label, spec["layout"].get("height") or DEFAULT_HEIGHT)


def label_text(value: object) -> str:
    """Text for Plotly's labels and hover boxes. Plotly reads a little HTML there (`<b>`,
    `<a href>`), so text from the data is escaped to show as written."""
    return html.escape(CONTROL.sub("", str(value)), quote=False)


def quarter_text(label: str) -> str:
    """A quarter's label on two short lines, to stay level on a phone: `2026-Q4` ->
    `Q4<br>2026`."""
    year, _, quarter = label.partition("-")
    return f"{quarter}<br>{year}" if quarter else label
