"""The Typer classes netdash's commands are made with.

Three things are handled here once for every command:

- Typer's rich help writes a type after every option, `<bool>` after a flag too, as if
  `--json` took a value. A flag is shown alone, as Click's plain help shows it.
- A bad `$NETDASH_TODAY` is a usage error, said in one line.
- A closed standard output (`netdash due | head -1`) ends the command quietly: `main()`
  turns `ClosedPipeError` into status 0 (Typer would print nothing and exit 1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from site_builder.pipeline.clock import ClockError

Function = TypeVar("Function", bound=Callable[..., Any])


class ClosedPipeError(Exception):
    """Whoever read standard output stopped reading (a closed pipe)."""


def _bare_flags(params: list[Any]) -> list[Any]:
    """`params`, each flag without a type to show (an empty metavar) in the help."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
    return params


class NetdashCommand(TyperCommand):
    """A command whose help shows flags without a type."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The command's parameters, `--help` included."""
        return _bare_flags(super().get_params(ctx))


class NetdashGroup(TyperGroup):
    """A group of commands: flags shown without a type; a closed pipe is `ClosedPipeError`."""

    def get_params(self, ctx: Any) -> list[Any]:
        """The group's own parameters (`--version`, `--help`)."""
        return _bare_flags(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        """Run the chosen command. A bad `$NETDASH_TODAY` is a usage error (status 2); a
        write to a closed pipe raises `ClosedPipeError`, which Typer lets through (it would
        swallow the `BrokenPipeError` and exit 1)."""
        try:
            return super().invoke(ctx)
        except ClockError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            raise ClosedPipeError from None


class NetdashTyper(typer.Typer):
    """A Typer app whose commands are `NetdashCommand`s and whose groups are `NetdashGroup`s."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(cls=NetdashGroup, **settings)

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **settings: Any
    ) -> Callable[[Function], Function]:
        """Register a command, made with `NetdashCommand` unless `cls` says otherwise."""
        return super().command(name, cls=cls or NetdashCommand, **settings)
