"""`netdash digest`: the week's touchpoints, birthdays, follow-ups and habits as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, workspace_for


@app.command()
def digest(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the digest here, not to stdout.")
    ] = None,
    site_url: Annotated[
        str | None, typer.Option("--site-url", envvar="NETDASH_SITE_URL", help="Dashboard link.")
    ] = None,
) -> None:
    """Write the weekly digest (Markdown) that the digest workflow posts as an issue."""
    from site_builder.automation.digest import weekly_digest
    from site_builder.diagnostics.formats import as_text

    workspace = workspace_for(data, today)
    if workspace.errors:  # the digest is still made from whatever is valid, and says so
        typer.echo(as_text(workspace.errors), err=True)
    text = weekly_digest(workspace, site_url)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
