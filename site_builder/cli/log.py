"""`netdash log`: record an interaction from the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, get_args

import typer

from site_builder.cli.app import DAY, DataOption, TodayOption, app, iso_date
from site_builder.cli.edit_support import DryRunOption, context, refusals, write
from site_builder.cli.from_issue import log_issue
from site_builder.models.types import InteractionKind, Outcome, Value

_Text = Annotated[str | None, typer.Option(show_default=False)]


@app.command()
def log(  # noqa: PLR0917 - Typer passes each option by name
    contacts: Annotated[
        list[str] | None,
        typer.Argument(help="Ids or names of the people (a unique prefix is enough)."),
    ] = None,
    kind: Annotated[str | None, typer.Option(help=", ".join(get_args(InteractionKind)))] = None,
    value: Annotated[str | None, typer.Option(help=", ".join(get_args(Value)))] = None,
    date: Annotated[
        dt.date | None, typer.Option(parser=iso_date, metavar=DAY, help="Default: today.")
    ] = None,
    summary: _Text = None,
    initiated: Annotated[str | None, typer.Option(help="me or them.")] = None,
    reply: Annotated[str | None, typer.Option(help="replied, no_reply or pending.")] = None,
    meeting: Annotated[str | None, typer.Option(help="accepted or declined.")] = None,
    outcome: Annotated[list[str] | None, typer.Option(help=", ".join(get_args(Outcome)))] = None,
    introduced: Annotated[
        list[str] | None, typer.Option(help="People you introduced them to; repeat for more.")
    ] = None,
    follow_up: Annotated[str | None, typer.Option(help="Something you promised.")] = None,
    due: Annotated[
        dt.date | None,
        typer.Option(parser=iso_date, metavar=DAY, help="When the follow-up is due."),
    ] = None,
    community: Annotated[
        str | None,
        typer.Option(help="Id of the community it took place in; then people are optional."),
    ] = None,
    data: DataOption = Path("data"),
    today_: TodayOption = None,
    dry_run: DryRunOption = False,
    template: Annotated[
        str | None, typer.Option(help="The message template it used (see `netdash draft`).")
    ] = None,
    from_issue: Annotated[
        Path | None, typer.Option(help="Take everything from a submitted issue form's body.")
    ] = None,
) -> None:
    """Append one interaction to data/interactions/<year>.yml; one dated after today is a
    booking (`planned: true`), confirmed with `netdash done CONTACT` once it happened."""
    from site_builder.editing.actions import LogEntry, log_change

    if from_issue is not None:
        raise typer.Exit(log_issue(data, from_issue, today_, dry_run))
    if not (contacts or community) or kind is None:
        raise typer.BadParameter(
            "give the people (or --community) and --kind, or --from-issue FILE"
        )
    with refusals():
        workspace = context(data, today_)
        dataset = workspace.dataset
        day = date or workspace.today
        entry = LogEntry(
            contacts or [],
            kind,
            day,
            value,
            initiated,
            reply,
            meeting,
            summary,
            outcome or [],
            introduced or [],
            follow_up,
            due,
            planned=day > workspace.today and bool(contacts),
            community=community,
            template=template,
        )
        write(dataset, [log_change(dataset, entry)], dry_run)
