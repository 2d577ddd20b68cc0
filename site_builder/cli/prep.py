"""`netdash prep`: an event's prep sheet, or after it the targets met."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, checked_workspace, fail


@app.command()
def prep(
    event: Annotated[
        str | None, typer.Argument(help="Event id; by default the next one, within 14 days.")
    ] = None,
    data: DataOption = Path("data"),
    today: TodayOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sheet as JSON.")] = False,
) -> None:
    """Prepare for an event: whom to meet, what to know, how to open, your introduction."""
    from site_builder.compute.jsonify import dumps, to_jsonable
    from site_builder.loading.messages import did_you_mean
    from site_builder.views.prep import find_prep, next_prep, no_sheet, print_prep

    workspace = checked_workspace(data, today)
    report, events = workspace.report, {e.id: e for e in workspace.dataset.events}
    if event is not None and event not in events:
        fail(f"unknown event {event!r}" + did_you_mean(event, events))
    found = next_prep(report) if event is None else find_prep(report, event)
    if found is None:
        why = (
            "no event in the next 14 days"
            if event is None
            else no_sheet(events[event], workspace.today)
        )
        typer.echo(why, err=True)
    if as_json:
        typer.echo(dumps(to_jsonable(found)))
    elif found is not None:
        from rich.console import Console

        print_prep(Console(), found)
