"""Plotly figures as HTML: the figure's JSON in a `data-chart` attribute, drawn by
`assets/netdash.js`. The default template is left out (the script themes each chart from
Material's colours), which keeps the JSON small."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from site_builder.site.html import Html, attrs, raw

_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BASE_LAYOUT: dict[str, Any] = {
    "margin": {"l": 48, "r": 16, "t": 16, "b": 40},
    "legend": {"orientation": "h", "y": -0.18, "x": 0},
    "hovermode": "closest",
    "bargap": 0.25,
}


def layout(height: int = 320, **overrides: Any) -> dict[str, Any]:
    """The shared layout of every chart, with per-chart settings on top."""
    return {**BASE_LAYOUT, "height": height, **overrides}


def spec(figure: go.Figure) -> dict[str, Any]:
    """The figure as plain data, without Plotly's default template."""
    data: dict[str, Any] = figure.to_plotly_json()
    data.get("layout", {}).pop("template", None)
    return data


def chart(figure: go.Figure, label: str) -> Html:
    """A chart placeholder: the drawing script reads `data-chart` and draws into it.

    `label` describes the chart for screen readers and shows while it loads.
    """
    payload = json.dumps(spec(figure), cls=PlotlyJSONEncoder, separators=(",", ":"),
                         ensure_ascii=False)
    height = figure.layout.height or 320
    # Single quotes around the JSON: its many double quotes then need no escaping.
    data = _CONTROL.sub("", payload).translate(_ATTRIBUTE_ESCAPES)
    return raw(f"<div class=\"nd-chart\" data-chart='{data}'{attrs(role='img', aria_label=label)}"
               f' style="min-height:{height}px"></div>')


def label_text(value: object) -> str:
    """Text for Plotly's labels and hover boxes. Plotly reads a little HTML there (`<b>`,
    `<a href>`), so text from the data is escaped to show as written."""
    return html.escape(_CONTROL.sub("", str(value)), quote=False)
