"""The Review page's chart: strong relationships at each month's end."""

from __future__ import annotations

from site_builder.compute.report import RelationshipHistory
from site_builder.site import palette
from site_builder.site.charts.figure import Chart, bar, chart, count_axis, figure, layout


def strong_relationships(history: RelationshipHistory) -> Chart:
    """How many active people were strong at each month's end (today last)."""
    labels = [f"{day:%b}<br>{day:%Y}" for day in history.days[:-1]]  # two short lines: level
    labels.extend(f"today<br>{day.day} {day:%b}" for day in history.days[-1:])
    trace = bar(
        x=labels,
        y=list(history.strong),
        marker={"color": palette.ACCENT},
        hovertemplate="%{x}: %{y} strong<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                260,
                xaxis={"type": "category", "tickangle": 0},
                yaxis=count_axis(history.strong, title={"text": "people"}),
            ),
        ),
        f"Strong relationships (strength {history.strong_at} or more) at each month's end",
    )
