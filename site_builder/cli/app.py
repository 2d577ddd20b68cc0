"""The `netdash` Typer application and the options its commands share."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from site_builder.compute import Report

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
    """netdash: your network as YAML; a schedule, a roadmap and a private site from it."""


def computed_report(data: Path, today: dt.datetime | None, budget: int | None = None) -> Report:
    """Load the data, print its problems on stderr, exit 1 on an error, compute for today.

    Warnings go to stderr too, so that JSON on stdout stays clean. The engine runs with the
    garbage collector paused, as in a build.
    """
    from site_builder.compute import compute
    from site_builder.diagnostics.formats import as_text
    from site_builder.loading.loader import load
    from site_builder.pipeline.clock import today as clock_today
    from site_builder.pipeline.collector import paused_gc

    result = load(data)
    if result.problems:
        typer.echo(as_text(result.problems), err=True)
    if not result.ok:
        raise typer.Exit(1)
    dataset = result.dataset
    if budget is not None:
        settings = dataset.settings.model_copy(update={"weekly_budget": budget})
        dataset = dataclasses.replace(dataset, settings=settings)
    day = clock_today(today.date() if today else None, dataset.settings.timezone)
    with paused_gc():
        return compute(dataset, day)
