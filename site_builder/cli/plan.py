"""`netdash plan`: the week's agenda, as a table or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, checked_workspace


@app.command()
def plan(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    budget: Annotated[
        int | None,
        typer.Option("--budget", min=1, help="Moves this week (default: settings.weekly_budget)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the agenda as JSON.")] = False,
) -> None:
    """Show the week's agenda: what to do, with whom, why, and a drafted message."""
    from site_builder.compute.jsonify import dumps
    from site_builder.views.agenda import agenda_json, print_agenda

    workspace = checked_workspace(data, today)
    if budget is None:
        agenda = workspace.report.agenda
    else:
        from site_builder.compute import compute

        agenda = compute(workspace.dataset, workspace.today, budget=budget).agenda
    if as_json:
        typer.echo(dumps(agenda_json(agenda)))
    else:
        from rich.console import Console

        print_agenda(Console(), agenda)
