"""Charts of the network's shape: circle sizes, the network effect matrix, diversity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from site_builder.compute.report import (
    CircleSize,
    DiversityDimension,
    MatrixCell,
    NetworkMatrix,
    QuadrantBounds,
)
from site_builder.site import palette
from site_builder.site.charts.figure import chart, label_text, layout
from site_builder.site.html import Html

NAMES_IN_HOVER = 8


def circles(sizes: Sequence[CircleSize]) -> Html:
    """Active contacts per circle as bullet bars, one row (and scale) per circle, over a
    grey band from the target's minimum to its maximum."""
    figure = make_subplots(rows=len(sizes), cols=1, vertical_spacing=0.12)
    for row, size in enumerate(sizes, start=1):
        top = size.max if size.max is not None else max(size.min, size.count) * 1.25
        figure.add_trace(go.Bar(
            y=[size.circle], x=[top - size.min], base=[size.min], orientation="h", width=0.9,
            marker={"color": palette.NEUTRAL, "opacity": 0.3}, showlegend=False,
            hovertemplate=f"target {_band_text(size)}<extra></extra>",
        ), row=row, col=1)
        figure.add_trace(go.Bar(
            y=[size.circle], x=[size.count], orientation="h", width=0.4,
            marker_color=palette.CIRCLE[size.circle], text=[f"{size.count}"],
            textposition="outside", cliponaxis=False, showlegend=False,
            hovertemplate="%{y}: %{x} people<extra></extra>",
        ), row=row, col=1)
        figure.update_xaxes(range=[0, max(top, size.count) * 1.08], row=row, col=1)
    figure.update_layout(**layout(70 * len(sizes) + 50, barmode="overlay",
                                  margin={"l": 64, "r": 24, "t": 8, "b": 24}))
    return chart(figure, "Contacts per circle against the target sizes")


def _band_text(size: CircleSize) -> str:
    return f"{size.min} to {size.max}" if size.max is not None else f"{size.min} or more"


def _bubbles(cells: Sequence[MatrixCell]) -> dict[tuple[int, int], list[MatrixCell]]:
    grouped: dict[tuple[int, int], list[MatrixCell]] = defaultdict(list)
    for cell in cells:
        grouped[(cell.accessibility, cell.influence)].append(cell)
    return grouped


def _hover(people: Sequence[MatrixCell]) -> str:
    names = [label_text(cell.name) for cell in people[:NAMES_IN_HOVER]]
    more = len(people) - NAMES_IN_HOVER
    return "<br>".join(names) + (f"<br>and {more} more" if more > 0 else "")


def _cells(scores: tuple[int, int]) -> tuple[float, float]:
    """From the lower edge of the lowest score's cell to the upper edge of the highest's."""
    return scores[0] - 0.5, scores[1] + 0.5


def _quadrant_shapes(
    bounds: Sequence[QuadrantBounds],
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    shapes, notes = [], []
    for box in bounds:
        (x0, x1), (y0, y1) = _cells(box.accessibility), _cells(box.influence)
        quadrant = box.quadrant
        colour = palette.QUADRANT[quadrant]
        shapes.append({"type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                       "fillcolor": colour, "opacity": 0.1, "line": {"width": 0},
                       "layer": "below"})
        notes.append({"x": x0 + 0.05, "y": y1 - 0.05, "xanchor": "left", "yanchor": "top",
                      "text": quadrant, "showarrow": False,
                      "font": {"color": colour, "size": 13}})
    return shapes, notes


def matrix(data: NetworkMatrix) -> Html:
    """Influence against accessibility; one bubble per score pair, sized by head count,
    over the four quadrants."""
    grouped = _bubbles(data.cells)
    keys = sorted(grouped)
    counts = [len(grouped[key]) for key in keys]
    largest = max(counts, default=1)
    shapes, notes = _quadrant_shapes(data.bounds)
    axis = list(_cells(data.scores))
    figure = go.Figure(
        go.Scatter(
            x=[key[0] for key in keys], y=[key[1] for key in keys], mode="markers+text",
            text=[str(n) if n > 1 else "" for n in counts], textfont={"color": "#fff"},
            marker={"size": [14 + 26 * (n / largest) ** 0.5 for n in counts],
                    "color": [palette.QUADRANT[grouped[key][0].quadrant] for key in keys],
                    "line": {"width": 1, "color": "#fff"}, "opacity": 0.9},
            hovertext=[_hover(grouped[key]) for key in keys], hoverinfo="text",
        ),
        layout=layout(
            440, shapes=shapes, annotations=notes, showlegend=False,
            xaxis={"title": {"text": "accessibility"}, "range": axis, "dtick": 1,
                   "zeroline": False},
            yaxis={"title": {"text": "influence"}, "range": axis, "dtick": 1,
                   "zeroline": False},
        ),
    )
    return chart(figure, "Network effect matrix: influence against accessibility")


def diversity(dimension: DiversityDimension, top: int = 12) -> Html:
    """How active contacts spread over one attribute (the largest groups)."""
    counts = list(dimension.counts[:top])
    rest = sum(n for _, n in dimension.counts[top:])
    if rest:
        counts.append((f"{len(dimension.counts) - top} others", rest))
    if dimension.unknown:
        counts.append(("(not given)", dimension.unknown))
    counts.reverse()
    figure = go.Figure(
        go.Bar(
            y=[label_text(name) for name, _ in counts], x=[n for _, n in counts],
            orientation="h", marker_color=palette.SERIES[0],
            hovertemplate="%{y}: %{x}<extra></extra>",
        ),
        layout=layout(max(180, 28 * len(counts) + 60), xaxis={"rangemode": "tozero"},
                      margin={"l": 8, "r": 16, "t": 8, "b": 32}),
    )
    return chart(figure, f"Contacts by {dimension.dimension}")
