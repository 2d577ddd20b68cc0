"""`netdash done`: mark a promised follow-up done today, or confirm a booking happened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DAY, DataOption, TodayOption, app, iso_date
from site_builder.cli.edit_support import DryRunOption, context, refusals, write


@app.command()
def done(  # noqa: PLR0917 - Typer passes each option by name
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    follow_up: Annotated[
        str | None,
        typer.Argument(help="The follow-up's text, or a unique part of it; none: a booking."),
    ] = None,
    date: Annotated[
        dt.date | None,
        typer.Option(parser=iso_date, metavar=DAY, help="The day of the booking to confirm."),
    ] = None,
    data: DataOption = Path("data"),
    today_: TodayOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark the matching open follow-up with a contact (a promise, or a journal action about
    them) done today; without one, confirm that a booked interaction with them (whose day
    has come) happened."""
    from site_builder.editing.actions import confirm_change, done_change

    with refusals():
        workspace = context(data, today_)
        dataset, today = workspace.dataset, workspace.today
        if follow_up is None:
            change = confirm_change(dataset, contact, today, date)
        else:
            change = done_change(dataset, contact, follow_up, today)
        write(dataset, [change], dry_run)
