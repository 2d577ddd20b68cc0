"""Every command's `--help`: a flag is shown alone, an option with a value shows its type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from site_builder.cli import app


def _paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


COMMANDS = list(_paths(typer.main.get_command(app)))


def test_every_command_is_listed() -> None:
    assert {("init",), ("due",), ("plan",), ("export", "ics"), ("import", "vcard")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "netdash")
def test_no_flag_shows_a_type(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "--help" in result.output
    assert "<bool>" not in result.output


def test_options_that_take_a_value_still_show_their_type() -> None:
    result = CliRunner().invoke(app, ["due", "--help"])
    assert "<int range>" in result.output and "<path>" in result.output
