"""`netdash report --json`: the whole computed report, for scripts and tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, computed_report

if TYPE_CHECKING:
    from site_builder.compute import Report


@app.command()
def report(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole report as JSON.")
    ] = False,
) -> None:
    """Summarise what is computed from the data (all of it with --json); exit 1 on errors."""
    from site_builder.compute.jsonify import report_json

    computed = computed_report(data, today)
    typer.echo(report_json(computed) if as_json else summary(computed))


def summary(computed: Report) -> str:
    """A few lines: the schedule's counts and each roadmap phase's status."""
    from site_builder.compute.report import TOUCH_STATUSES

    statuses = Counter(point.status for point in computed.touchpoints)
    lines = [
        f"{computed.owner}, {computed.today.isoformat()}: "
        + ", ".join(f"{statuses[s]} {s}" for s in TOUCH_STATUSES)
    ]
    lines.extend(
        f"{phase.phase} (months {phase.first_month}-{phase.last_month}): "
        f"{phase.status.replace('_', ' ')}"
        for phase in computed.roadmap
    )
    lines.extend(
        f"every {habit.every}: {habit.label} {habit.current.actual:g}/{habit.target:g}, "
        f"streak {habit.streak}"
        for habit in computed.habits
    )
    return "\n".join(lines)
