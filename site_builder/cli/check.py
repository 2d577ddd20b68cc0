"""`netdash check`: validate the data and say exactly where each problem is."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, app, workspace_for


class Format(StrEnum):
    """Output formats of `netdash check`."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
def check(
    data: DataOption = Path("data"),
    output: Annotated[
        Format, typer.Option("--format", help="text, json or github (workflow annotations).")
    ] = Format.text,
    dedupe: Annotated[
        bool, typer.Option("--dedupe", help="Also list groups of likely duplicate people.")
    ] = False,
) -> None:
    """Validate the data; exit 1 when there is an error."""
    from site_builder.dedupe.duplicates import dedupe_report
    from site_builder.diagnostics.formats import FORMATS, display_path
    from site_builder.plural import counted

    workspace = workspace_for(data, checking=True)
    problems, dataset = workspace.problems, workspace.dataset
    if problems or output is Format.json:
        typer.echo(FORMATS[output.value](problems))
    if output is Format.text:
        errors = len(workspace.errors)
        summary = (
            f"{counted(errors, 'error')}, {counted(len(problems) - errors, 'warning')}"
            if problems
            else "no problems"
        )
        typer.echo(
            f"{display_path(data)}: {counted(len(dataset.contacts), 'contact')}, "
            f"{counted(len(dataset.interactions), 'interaction')}: {summary}",
            err=True,
        )
    if dedupe:
        typer.echo(dedupe_report(dataset.contacts), err=output is Format.json)
    raise typer.Exit(0 if workspace.ok else 1)
