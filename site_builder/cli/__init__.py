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
    due,
    export,
    imports,
    log,
    report,
    schema,
    snooze,
)
from site_builder.cli.app import app
from site_builder.cli.narrow import narrowed
from site_builder.pipeline.clock import ClockError

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line; a bad `NETDASH_TODAY` is a usage error, not a traceback.
    Only the command it names is made ready (see `narrow`)."""
    try:
        narrowed(app, sys.argv[1:])()
    except ClockError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None
