"""The `netdash` Typer application and the options its commands share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from site_builder.cli.commands import NetdashTyper

if TYPE_CHECKING:
    from site_builder.compute import Report
    from site_builder.pipeline.workspace import Workspace

app = NetdashTyper(
    name="netdash",
    help="A personal networking dashboard kept as code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DataOption = Annotated[
    Path,
    typer.Option("--data", help="The data folder.", envvar="NETDASH_DATA", show_default=True),
]
TodayOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        formats=["%Y-%m-%d"],
        help="Pin today's date (YYYY-MM-DD); defaults to $NETDASH_TODAY, then the clock.",
        show_default=False,
    ),
]


def _show_version(value: bool) -> None:
    if value:
        from site_builder import __version__

        typer.echo(f"netdash {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """netdash: your network as YAML; a schedule, a roadmap and a private site from it."""


def fail(message: str, status: int = 1) -> NoReturn:
    """End the command with `error: message` on stderr, no traceback."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(status)


def workspace_for(data: Path, today: dt.datetime | None = None) -> Workspace:
    """The data folder of `--data`, for the day of `--today` (else today)."""
    from site_builder.pipeline.workspace import Workspace

    return Workspace(data, today.date() if today else None)


def checked_workspace(data: Path, today: dt.datetime | None) -> Workspace:
    """Load the data, print its problems on stderr, exit 1 on an error.

    Warnings go to stderr too, so that JSON on stdout stays clean.
    """
    from site_builder.diagnostics.formats import as_text

    workspace = workspace_for(data, today)
    if workspace.problems:
        typer.echo(as_text(workspace.problems), err=True)
    if not workspace.ok:
        raise typer.Exit(1)
    return workspace


def computed_report(data: Path, today: dt.datetime | None) -> Report:
    """The report for today of valid data (problems printed, exit 1 on an error)."""
    return checked_workspace(data, today).report
