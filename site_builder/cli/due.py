"""`netdash due`: the week's agenda, who is due, birthdays and open follow-ups, as tables or
JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, computed_report


@app.command()
def due(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    within: Annotated[
        int | None,
        typer.Option("--within", min=0, help="Only touchpoints due within DAYS (overdue always)."),
    ] = None,
    everyone: Annotated[
        bool, typer.Option("--all", help="Every touchpoint, not only this week's and overdue.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the schedule as JSON.")] = False,
) -> None:
    """Show the week's agenda and the schedule: the touchpoints of this week's people and of
    everyone overdue; exit 1 when the data has errors."""
    from site_builder.compute.jsonify import dumps
    from site_builder.views.due import due_json, due_view

    view = due_view(computed_report(data, today), within, everyone=everyone)
    if as_json:
        typer.echo(dumps(due_json(view)))
    else:
        from rich.console import Console

        from site_builder.views.terminal import print_due

        print_due(Console(), view)
