"""`netdash diff BASE HEAD`: what a change to the data does, as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="A git commit (or branch), or a data folder.")],
    head: Annotated[str, typer.Argument(help="A git commit (or branch), or a data folder.")],
    data: DataOption = Path("data"),
    today: TodayOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the Markdown here, not to stdout.")
    ] = None,
) -> None:
    """Say what HEAD changes against BASE: who enters or leaves overdue, people added and
    removed, roadmap targets and habits that move, new problems; both computed for HEAD's
    today (or --today). Two commits are read from the git repository holding --data."""
    from site_builder.automation.diff import DiffError, diff_refs
    from site_builder.automation.diff_markdown import render

    try:
        text = render(diff_refs(base, head, data, today))
    except DiffError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
