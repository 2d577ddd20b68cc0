"""Charts of where networking pays off: outcomes by kind, and the answer rate of each
channel or template."""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.compute.report import OutcomeCount, ResponseGroup
from site_builder.site import palette
from site_builder.site.charts.figure import (
    Chart,
    bar,
    chart,
    count_axis,
    figure,
    label_text,
    layout,
)
from site_builder.site.views import humanize


def outcomes(counts: Sequence[OutcomeCount]) -> Chart:
    """How often each kind of outcome was recorded, all time: one bar a kind, its label
    level beside it (a phone has no room for them under the bars)."""
    trace = bar(
        y=[humanize(c.outcome) for c in counts],
        x=[c.total for c in counts],
        orientation="h",
        marker={"color": palette.SERIES[1]},
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                120 + 28 * len(counts),
                xaxis=count_axis([c.total for c in counts]),
                yaxis={"autorange": "reversed", "automargin": True},
            ),
        ),
        "Outcomes by kind, all time",
    )


def answer_rates(groups: Sequence[ResponseGroup], names: Sequence[str], title: str) -> Chart:
    """The share of outreach answered in each group (pending left out), one bar each;
    `names` label the groups in order."""
    labels = [label_text(name) for name in names]
    trace = bar(
        y=labels,
        x=[round(100 * g.rate, 1) if g.rate is not None else 0 for g in groups],
        orientation="h",
        marker={"color": palette.STEP["done"]},
        text=[f"{g.replied} of {g.replied + g.no_reply}" for g in groups],
        textposition="auto",
        hovertemplate="%{y}: %{x:.0f}% answered<extra></extra>",
    )
    return chart(
        figure(
            [trace],
            layout(
                120 + 36 * len(groups),
                xaxis={"range": [0, 100], "title": {"text": "% answered"}},
                yaxis={"autorange": "reversed", "automargin": True},
            ),
        ),
        title,
    )
