"""The application narrowed to the command a command line names.

Each time it starts, Typer turns every registered command's parameters into Click's,
reading each function's signature and type hints: for sixteen commands that costs more
than a small `netdash check` takes to read its data. A command line that names a command
needs only that one; anything else (no command, an option first, an unknown name) gets the
whole application, so that help and "no such command" list everything.
"""

from __future__ import annotations

import copy

import typer
from typer.main import get_command_name
from typer.models import CommandInfo


def command_name(info: CommandInfo) -> str:
    """The name a command is called by: its own, or its function's, as Typer names it."""
    if info.name:
        return info.name
    assert info.callback is not None, "a registered command has a function"
    return get_command_name(info.callback.__name__)


def narrowed(app: typer.Typer, args: list[str]) -> typer.Typer:
    """`app` with only the command (or group of commands) `args` start with, when they
    start with the name of one; otherwise `app` itself."""
    if not args or args[0].startswith("-"):
        return app
    commands = [info for info in app.registered_commands if command_name(info) == args[0]]
    groups = [info for info in app.registered_groups if info.name == args[0]]
    if not commands and not groups:
        return app
    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only
