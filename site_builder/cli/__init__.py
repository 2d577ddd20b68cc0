"""The `netdash` command line. Each command lives in a module of its own.

Command modules import their library inside the command, so that `netdash` starts
quickly whichever command runs.
"""

import sys

import typer

from site_builder.cli import (  # noqa: F401 - importing a module registers its commands
    add,
    archive,
    build,
    check,
    digest,
    done,
    draft,
    due,
    export,
    imports,
    log,
    plan,
    report,
    schema,
    snooze,
)
from site_builder.cli.app import app
from site_builder.cli.narrow import narrowed
from site_builder.pipeline.clock import ClockError
from site_builder.pipeline.collector import paused_gc

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line; a bad `NETDASH_TODAY` is a usage error, not a traceback.

    A command is a short process that makes many objects and next to no garbage cycles,
    so it runs with the garbage collector paused (`netdash serve`'s plugin runs it again
    between builds, for as long as the server lives). Only the command it names is made
    ready (see `narrow`)."""
    try:
        with paused_gc():
            narrowed(app, sys.argv[1:])()
    except ClockError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None
