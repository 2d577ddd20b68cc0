"""`netdash` makes ready only the command its command line names, and a clean `netdash
check` imports no more than it uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from site_builder.cli import app, main
from site_builder.cli.narrow import command_name, narrowed
from tests.conftest import WriteData


def names(application: typer.Typer) -> list[str]:
    """The commands and groups of commands an application holds."""
    return [command_name(info) for info in application.registered_commands] + [
        str(info.name) for info in application.registered_groups
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--data", "data"], ["check"]),
        (["log", "--help"], ["log"]),
        (["export", "vcard"], ["export"]),
        (["import", "linkedin", "x.csv"], ["import"]),
    ],
)
def test_a_named_command_is_all_that_is_made_ready(args: list[str], expected: list[str]) -> None:
    everything = names(app)
    assert names(narrowed(app, args)) == expected
    assert names(app) == everything


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chekc"]])
def test_anything_else_gets_the_whole_application(args: list[str]) -> None:
    assert narrowed(app, args) is app


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int | str | None:
    """Run the `netdash` entry point with `args`; its exit code."""
    monkeypatch.setattr(sys, "argv", ["netdash", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code


def test_check_runs_through_the_entry_point(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_data({"contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n"})
    assert run_main(monkeypatch, "check", "--data", str(root)) == 0
    assert "1 contact, 0 interactions: no problems" in capsys.readouterr().err


def test_a_mistyped_command_is_offered_the_right_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(monkeypatch, "chekc") == 2
    assert "Did you mean 'check'" in capsys.readouterr().err


def test_a_clean_check_imports_neither_pyyaml_nor_ruamel(write_data: WriteData) -> None:
    root = write_data({"contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n"})
    script = (
        "import sys\n"
        f"sys.argv = ['netdash', 'check', '--data', {str(root)!r}]\n"
        "from site_builder.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exited:\n"
        "    print(exited.code, sorted({'yaml', 'ruamel'} & {m.split('.')[0] for m in sys.modules}))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert found.stdout.strip().splitlines()[-1] == "0 []"
