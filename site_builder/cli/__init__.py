"""The `netdash` command line. Each command lives in a module of its own.

Command modules import their library inside the command, so that `netdash` starts
quickly whichever command runs.
"""

import os
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
from site_builder.diagnostics.formats import printable
from site_builder.pipeline.clock import ClockError

__all__ = ["app", "main"]


def undecodable_argument(arguments: list[str]) -> str | None:
    """The first argument that is not UTF-8 text, shown printably (`x\\xff`), or None."""
    for argument in arguments:
        try:
            os.fsencode(argument).decode("utf-8")
        except UnicodeDecodeError as error:
            return printable(error.object.decode("utf-8", "backslashreplace"))
    return None


def main() -> None:
    """Run the command line; arguments that are not UTF-8 and a bad `NETDASH_TODAY` are
    usage errors, not tracebacks."""
    shown = undecodable_argument(sys.argv[1:])
    if shown is not None:
        typer.echo(f"Error: the argument {shown} is not UTF-8 text; netdash reads UTF-8", err=True)
        raise SystemExit(2)
    try:
        app()
    except ClockError as error:
        typer.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None
