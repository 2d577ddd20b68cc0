"""`netdash move`: put a contact in another circle (after a review, say)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, app
from site_builder.cli.edit_support import DryRunOption, check_circle, context, refusals, write


@app.command()
def move(
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    circle: Annotated[str, typer.Option(help="inner, middle or outer.")],
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Set the circle of a contact."""
    from site_builder.editing.actions import move_change

    with refusals():
        check_circle(circle)
        dataset = context(data).dataset
        write(dataset, [move_change(dataset, contact, circle)], dry_run)
