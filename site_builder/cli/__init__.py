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
    diff,
    digest,
    done,
    draft,
    due,
    export,
    imports,
    init,
    intros,
    issue,
    log,
    move,
    plan,
    prep,
    report,
    review,
    schema,
    snooze,
)
from site_builder.cli.app import app
from site_builder.cli.commands import ClosedPipeError
from site_builder.cli.narrow import narrowed
from site_builder.diagnostics.formats import printable
from site_builder.pipeline.collector import paused_gc

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
    """Run the command line; a closed pipe (`netdash due | head -1`) ends quietly with status 0,
    and an argument that is not UTF-8 is a usage error, not a traceback.

    A command is a short process that makes many objects and next to no garbage cycles,
    so it runs with the garbage collector paused (`netdash serve`'s plugin runs it again
    between builds, for as long as the server lives). Only the command it names is made
    ready (see `narrow`)."""
    shown = undecodable_argument(sys.argv[1:])
    if shown is not None:
        typer.echo(f"error: the argument {shown} is not UTF-8 text; netdash reads UTF-8", err=True)
        raise SystemExit(2)
    stdout = _stdout_file()
    try:
        try:
            with paused_gc():
                narrowed(app, sys.argv[1:])()
        finally:
            sys.stdout.flush()  # so that a closed pipe shows here, not at the interpreter's exit
    except (BrokenPipeError, ClosedPipeError):
        _discard_stdout()
        raise SystemExit(0) from None
    except SystemExit as stop:
        # rich meets a closed pipe the same way, then stops with status 1
        raise SystemExit(0 if _stdout_file() != stdout else stop.code) from None


def _stdout_file() -> tuple[int, int] | None:
    """What standard output is: (device, inode), None when it is closed."""
    try:
        status = os.fstat(sys.__stdout__.fileno()) if sys.__stdout__ else None
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino) if status else None


def _discard_stdout() -> None:
    """Point standard output at the null device, so that Python's last flush at exit
    finds no closed pipe to complain about (as Python's documentation advises)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
