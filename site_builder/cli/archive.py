"""`netdash archive`: keep a contact's history, stop their touchpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, app
from site_builder.cli.edit_support import DryRunOption, context, refusals, write


@app.command()
def archive(
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Set archived: true on a contact."""
    from site_builder.editing.actions import archive_change

    with refusals():
        dataset = context(data).dataset
        write(dataset, [archive_change(dataset, contact)], dry_run)
