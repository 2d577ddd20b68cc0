"""`netdash done`: mark a promised follow-up as done today."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app
from site_builder.cli.edit_support import DryRunOption, context, refusals, write


@app.command()
def done(
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    follow_up: Annotated[str, typer.Argument(help="The follow-up's text, or a unique part of it.")],
    data: DataOption = Path("data"),
    today_: TodayOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark the matching open follow-up with a contact done today."""
    from site_builder.editing.actions import done_change

    with refusals():
        workspace = context(data, today_)
        dataset = workspace.dataset
        write(dataset, [done_change(dataset, contact, follow_up, workspace.today)], dry_run)
