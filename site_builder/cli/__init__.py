"""The `netdash` command line. Each command lives in a module of its own."""

from site_builder.cli import check  # noqa: F401 - registers the command
from site_builder.cli.app import app


def main() -> None:
    """Run the command line."""
    app()
