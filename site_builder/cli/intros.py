"""`netdash intros`: who should meet whom, and who could introduce you."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, checked_workspace
from site_builder.cli.edit_support import refusals


@app.command()
def intros(
    contact: Annotated[
        str | None,
        typer.Option("--for", help="One contact (id or name): their pairs and introducers."),
    ] = None,
    data: DataOption = Path("data"),
    today: TodayOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the introductions as JSON.")
    ] = False,
) -> None:
    """Suggest introductions between people you know, and who could introduce you."""
    from site_builder.compute.intros import who_could_introduce
    from site_builder.compute.jsonify import dumps
    from site_builder.editing.resolve import resolve
    from site_builder.views.intros import intros_json, intros_view, print_intros

    workspace = checked_workspace(data, today)
    dataset, report = workspace.dataset, workspace.report
    if contact is None:
        view = intros_view(report)
    else:
        with refusals():
            chosen = resolve(contact, dataset.contacts)
        found = who_could_introduce(dataset, report.people, chosen)
        view = intros_view(report, chosen, introducers=found)
    if as_json:
        typer.echo(dumps(intros_json(view)))
    else:
        from rich.console import Console

        names = {cid: c.name for cid, c in dataset.contacts.items()}
        print_intros(Console(), view, names)
