"""The `netdash` command line. Each command lives in a module of its own.

Command modules import their library inside the command, so that `netdash` starts
quickly whichever command runs.
"""

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
    init,
    log,
    plan,
    report,
    schema,
    snooze,
)
from site_builder.cli.app import app
from site_builder.pipeline.clock import ClockError
from site_builder.pipeline.collector import paused_gc

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line; a bad `NETDASH_TODAY` is a usage error, not a traceback.

    A command is a short process that makes many objects and next to no garbage cycles,
    so it runs with the garbage collector paused (`netdash serve`'s plugin runs it again
    between builds, for as long as the server lives)."""
    try:
        with paused_gc():
            app()
    except ClockError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None
