"""What the editing commands share: the data as context, refusals as clean messages, output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from site_builder.cli.app import fail, workspace_for
from site_builder.diagnostics.formats import display_path
from site_builder.editing.errors import EditError

if TYPE_CHECKING:
    from site_builder.editing.writer import Change
    from site_builder.models import Dataset
    from site_builder.pipeline.workspace import Workspace

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]


@contextmanager
def refusals() -> Iterator[None]:
    """Turn a refused edit into `error: ...` on stderr and exit status 1, no traceback."""
    try:
        yield
    except EditError as error:
        fail(str(error))


def context(data: Path, today: dt.date | None = None) -> Workspace:
    """The data as it is now (files with mistakes are left out, not fatal), for the day
    of `--today` (else today in the owner's time zone)."""
    return workspace_for(data, today)


def write(dataset: Dataset, changes: Sequence[Change], dry_run: bool) -> None:
    """Check and write `changes` (or print their diff), then say what was done."""
    from site_builder.editing.writer import apply, diff

    done = apply(dataset, changes, dry_run)
    for change in done:
        if dry_run:
            typer.echo(diff(change), nl=False)
        verb = "would write" if dry_run else "wrote"
        typer.echo(f"{change.summary}: {verb} {display_path(change.path)}", err=True)
    for change in changes:
        if not change.changed:
            typer.echo(f"{change.summary}: nothing to change", err=True)


def check_circle(circle: str) -> None:
    """Refuse a `--circle` that names no circle, in the words `netdash check` uses."""
    from site_builder.loading.messages import did_you_mean
    from site_builder.models.types import CIRCLES

    if circle not in CIRCLES:
        raise EditError(
            f"--circle: {circle!r} is not one of {', '.join(CIRCLES)}"
            + did_you_mean(circle, CIRCLES)
        )
