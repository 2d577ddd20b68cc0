"""`netdash report --json`: the whole computed report, for scripts and tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app
from site_builder.clock import today as clock_today
from site_builder.compute import Report, compute
from site_builder.compute.jsonify import report_json
from site_builder.compute.report import TOUCH_STATUSES
from site_builder.loading.loader import load
from site_builder.problem_formats import as_text


@app.command()
def report(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole report as JSON.")
    ] = False,
) -> None:
    """Summarise what is computed from the data (all of it with --json); exit 1 on errors."""
    result = load(data)
    if result.problems:  # warnings too, on stderr, so that --json output stays clean
        typer.echo(as_text(result.problems), err=True)
    if not result.ok:
        raise typer.Exit(1)
    day = clock_today(today.date() if today else None, result.dataset.settings.timezone)
    computed = compute(result.dataset, day)
    typer.echo(report_json(computed) if as_json else summary(computed))


def summary(computed: Report) -> str:
    """A few lines: the schedule's counts and each roadmap phase's status."""
    statuses = Counter(point.status for point in computed.touchpoints)
    lines = [f"{computed.owner}, {computed.today.isoformat()}: "
             + ", ".join(f"{statuses[s]} {s}" for s in TOUCH_STATUSES)]
    lines.extend(f"{phase.phase} (months {phase.first_month}-{phase.last_month}): "
                 f"{phase.status.replace('_', ' ')}" for phase in computed.roadmap)
    lines.extend(f"every {habit.every}: {habit.label} {habit.current.actual:g}/{habit.target:g}, "
                 f"streak {habit.streak}" for habit in computed.habits)
    return "\n".join(lines)
