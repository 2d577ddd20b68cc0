"""`netdash snooze`: no touchpoint for a contact before a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DAY, DataOption, app, iso_date
from site_builder.cli.edit_support import DryRunOption, context, refusals, write


@app.command()
def snooze(
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    until: Annotated[
        dt.date, typer.Option(parser=iso_date, metavar=DAY, help="Nothing is due before this day.")
    ],
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Set snooze_until on a contact."""
    from site_builder.editing.actions import snooze_change

    with refusals():
        dataset = context(data).dataset
        write(dataset, [snooze_change(dataset, contact, until)], dry_run)
