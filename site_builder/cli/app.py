"""The `netdash` Typer application and the options its commands share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
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
    """netdash: contacts, interactions, events and goals as YAML; a schedule and a site from them."""
