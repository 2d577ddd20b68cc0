"""`netdash review`: the quarterly review, as text or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, checked_workspace, fail


@app.command()
def review(
    quarter: Annotated[
        str | None, typer.Option(help="The quarter, like 2026Q4 (default: today's).")
    ] = None,
    data: DataOption = Path("data"),
    today: TodayOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the review as JSON.")] = False,
) -> None:
    """Who to prune, promote and deepen, board gaps, notes and opportunities of a quarter."""
    from site_builder.compute.review import review_of
    from site_builder.views.review import review_json, review_text

    workspace = checked_workspace(data, today)
    try:
        found = review_of(workspace.dataset, workspace.report, quarter)
    except ValueError as error:
        fail(str(error))
    shown = review_json if as_json else review_text
    typer.echo(shown(found, workspace.report))
