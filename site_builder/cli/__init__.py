"""The `netdash` command line. Each command lives in a module of its own.

Command modules import their library inside the command, so that `netdash` starts
quickly whichever command runs.
"""

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


def main() -> None:
    """Run the command line."""
    app()
