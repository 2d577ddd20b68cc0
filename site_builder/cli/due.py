"""`netdash due`: who to contact now, birthdays and open follow-ups, as a table or JSON."""

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
    as_json: Annotated[bool, typer.Option("--json", help="Print the schedule as JSON.")] = False,
) -> None:
    """Show the touchpoint schedule; exit 1 when the data has errors."""
    from site_builder.compute.jsonify import dumps
    from site_builder.views.due import due_json, due_view

    view = due_view(computed_report(data, today), within)
    if as_json:
        typer.echo(dumps(due_json(view)))
    else:
        from rich.console import Console

        from site_builder.views.terminal import print_due

        print_due(Console(), view)
