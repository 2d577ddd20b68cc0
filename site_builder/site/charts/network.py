"""Charts of the network's shape: circle sizes and the network effect matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from site_builder.compute.report import (
    CircleSize,
    MatrixCell,
    NetworkMatrix,
    QuadrantBounds,
)
from site_builder.site import palette
from site_builder.site.charts.figure import (
    Chart,
    Trace,
    bar,
    chart,
    count_axis,
    figure,
    label_text,
    layout,
    scatter,
)

NAMES_IN_HOVER = 8


def circles(sizes: Sequence[CircleSize]) -> Chart:
    """Active contacts per circle as bullet bars on one shared scale, each over a grey
    band from the target's minimum to its maximum."""
    traces = [trace for size in sizes for trace in _bullet(size)]
    top = max((max(_band_top(size), size.count) for size in sizes), default=1) * 1.08
    return chart(
        figure(
            traces,
            layout(
                60 * len(sizes) + 70,
                barmode="overlay",
                margin={"l": 64, "r": 24, "t": 8, "b": 40},
                xaxis=count_axis([top], range=[0, top], title={"text": "active contacts"}),
                yaxis={"autorange": "reversed"},
            ),
        ),
        "Contacts per circle against the target sizes, on one scale",
    )


def _bullet(size: CircleSize) -> list[Trace]:
    """The grey target band of one circle, and the bar of its count over it."""
    top = _band_top(size)
    band = bar(
        y=[size.circle],
        x=[top - size.min],
        base=[size.min],
        orientation="h",
        width=0.9,
        marker={"color": palette.NEUTRAL, "opacity": 0.3},
        showlegend=False,
        hovertemplate=f"target {_band_text(size)}<extra></extra>",
    )
    count = bar(
        y=[size.circle],
        x=[size.count],
        orientation="h",
        width=0.4,
        marker={"color": palette.CIRCLE[size.circle]},
        text=[f"{size.count}"],
        textposition="outside",
        cliponaxis=False,
        showlegend=False,
        hovertemplate="%{y}: %{x} people<extra></extra>",
    )
    return [band, count]


def _band_top(size: CircleSize) -> float:
    """Where the target band ends: the maximum, or a little past the minimum or count."""
    return size.max if size.max is not None else max(size.min, size.count) * 1.25


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
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "fillcolor": colour,
                "opacity": 0.1,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": x0 + 0.05,
                "y": y1 - 0.05,
                "xanchor": "left",
                "yanchor": "top",
                "text": quadrant,
                "showarrow": False,
                "font": {"color": colour, "size": 13},
            }
        )
    return shapes, notes


def matrix(data: NetworkMatrix) -> Chart:
    """Influence against accessibility; one bubble per score pair, sized by head count,
    over the four quadrants."""
    grouped = _bubbles(data.cells)
    keys = sorted(grouped)
    counts = [len(grouped[key]) for key in keys]
    largest = max(counts, default=1)
    shapes, notes = _quadrant_shapes(data.bounds)
    axis = list(_cells(data.scores))
    bubbles = scatter(
        x=[key[0] for key in keys],
        y=[key[1] for key in keys],
        mode="markers+text",
        text=[str(n) if n > 1 else "" for n in counts],
        textfont={"color": "#fff"},
        marker={
            "size": [14 + 26 * (n / largest) ** 0.5 for n in counts],
            "color": [palette.QUADRANT[grouped[key][0].quadrant] for key in keys],
            "line": {"width": 1, "color": "#fff"},
            "opacity": 0.9,
        },
        hovertext=[_hover(grouped[key]) for key in keys],
        hoverinfo="text",
    )
    chart_layout = layout(
        440,
        shapes=shapes,
        annotations=notes,
        showlegend=False,
        xaxis={"title": {"text": "accessibility"}, "range": axis, "dtick": 1, "zeroline": False},
        yaxis={"title": {"text": "influence"}, "range": axis, "dtick": 1, "zeroline": False},
    )
    return chart(
        figure([bubbles], chart_layout), "Network effect matrix: influence against accessibility"
    )
