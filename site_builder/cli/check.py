"""`netdash check`: validate the data and say exactly where each problem is."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, app


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
    from site_builder.loading.loader import load

    result = load(data)
    if result.problems or output is Format.json:
        typer.echo(FORMATS[output.value](result.problems))
    if output is Format.text:
        errors = sum(p.is_error for p in result.problems)
        warnings = len(result.problems) - errors
        summary = f"{errors} error(s), {warnings} warning(s)" if result.problems else "no problems"
        typer.echo(
            f"{display_path(data)}: {len(result.dataset.contacts)} contacts, "
            f"{len(result.dataset.interactions)} interactions: {summary}",
            err=True,
        )
    if dedupe:
        typer.echo(dedupe_report(result.dataset.contacts), err=output is Format.json)
    raise typer.Exit(0 if result.ok else 1)
