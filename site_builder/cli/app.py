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

DAY = "YYYY-MM-DD"
MISSING_DATA = "data folder not found (pass --data DIR, or start one with `netdash init`)"


def iso_date(text: str) -> dt.date:
    """An option's `YYYY-MM-DD`, read by the rule and in the words of the data's dates."""
    from pydantic import TypeAdapter, ValidationError

    from site_builder.loading.messages import explain
    from site_builder.models.types import IsoDate

    try:
        return TypeAdapter(IsoDate).validate_python(text.strip())
    except ValidationError as error:
        raise typer.BadParameter(explain(error, IsoDate)[0][1]) from None


DataOption = Annotated[
    Path,
    typer.Option("--data", help="The data folder.", envvar="NETDASH_DATA", show_default=True),
]
TodayOption = Annotated[
    dt.date | None,
    typer.Option(
        "--today",
        parser=iso_date,
        metavar=DAY,
        help="Pin today's date; defaults to $NETDASH_TODAY, then the clock.",
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


def workspace_for(data: Path, today: dt.date | None = None, *, checking: bool = False) -> Workspace:
    """The data folder of `--data`, for the day of `--today` (else today). A missing folder
    ends the command, unless `checking` (`netdash check` reports it as a problem)."""
    from site_builder.diagnostics.formats import display_path
    from site_builder.pipeline.workspace import Workspace

    if not checking and not data.is_dir():
        fail(f"{display_path(data)}: {MISSING_DATA}")
    return Workspace(data, today)


def checked_workspace(data: Path, today: dt.date | None) -> Workspace:
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


def computed_report(data: Path, today: dt.date | None) -> Report:
    """The report for today of valid data (problems printed, exit 1 on an error)."""
    return checked_workspace(data, today).report
