"""One wording for each kind of mistake, whichever command meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from site_builder.cli import app
from tests.conftest import WriteData

PEOPLE = {
    "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
    "interactions/2026.yml": "- {date: 2026-01-05, with: [ada-lovelace], kind: call}\n",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"NETDASH_TODAY": "2026-03-02"})


def words(result: Result) -> str:
    """The output as one line of words: rich's error box and line breaks left out."""
    return " ".join(result.output.replace("│", " ").split())


DATE_OPTIONS = [
    ["log", "ada", "--kind", "call", "--date", "{day}"],
    ["log", "ada", "--kind", "call", "--follow-up", "Send it", "--due", "{day}"],
    ["add", "Grace Hopper", "--circle", "outer", "--met-on", "{day}"],
    ["snooze", "ada", "--until", "{day}"],
    ["due", "--today", "{day}"],
]


@pytest.mark.parametrize(
    ("day", "says"),
    [
        ("2026-02-30", "'2026-02-30' is not a real date"),
        ("02/03/2026", "expected a date YYYY-MM-DD, got '02/03/2026'"),
    ],
)
def test_a_bad_date_reads_the_same_in_every_command_and_in_the_data(
    write_data: WriteData, day: str, says: str
) -> None:
    root = write_data(PEOPLE)
    for args in DATE_OPTIONS:
        result = run(*(arg.format(day=day) for arg in args), "--data", str(root))
        assert result.exit_code == 2, (args, result.output)
        assert says in words(result), args
    (root / "interactions" / "2026.yml").write_text(
        f"- {{date: '{day}', with: [ada-lovelace], kind: call}}\n", encoding="utf-8"
    )
    check = run("check", "--data", str(root))
    assert check.exit_code == 1 and f"date: {says}" in check.stdout
    write_data(PEOPLE)
    pinned = CliRunner().invoke(app, ["due", "--data", str(root)], env={"NETDASH_TODAY": day})
    assert pinned.exit_code == 2 and f"error: NETDASH_TODAY: {says}" in pinned.output


DATA_COMMANDS = [
    ["due"],
    ["plan"],
    ["report"],
    ["digest"],
    ["log", "ada", "--kind", "call"],
    ["add", "Grace Hopper", "--circle", "outer"],
    ["snooze", "ada", "--until", "2026-04-01"],
    ["done", "ada", "paper"],
    ["archive", "ada"],
    ["draft", "ada"],
    ["export", "ics"],
    ["export", "vcard"],
]


@pytest.mark.parametrize("args", DATA_COMMANDS, ids=" ".join)
def test_a_missing_data_folder_ends_every_command_with_status_1(
    tmp_path: Path, args: list[str]
) -> None:
    result = run(*args, "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "nowhere: data folder not found (pass --data DIR" in result.stderr
    assert result.stdout == ""


def test_check_reports_a_missing_data_folder_as_a_problem(tmp_path: Path) -> None:
    result = run("check", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "nowhere:1:1: error: data folder not found" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["log", "nobody", "--kind", "call"],
        ["snooze", "nobody", "--until", "2026-04-01"],
        ["archive", "nobody"],
        ["draft", "nobody"],
    ],
    ids=" ".join,
)
def test_an_unknown_contact_reads_the_same_in_every_command_and_in_the_data(
    write_data: WriteData, args: list[str]
) -> None:
    root = write_data(PEOPLE)
    result = run(*args, "--data", str(root))
    assert result.exit_code == 1
    assert "unknown contact 'nobody'" in result.stderr
    (root / "interactions" / "2026.yml").write_text(
        "- {date: 2026-01-05, with: [nobody], kind: call}\n", encoding="utf-8"
    )
    assert "unknown contact 'nobody'" in run("check", "--data", str(root)).stdout


def test_refusals_start_with_error(tmp_path: Path) -> None:
    build = run("build", "--config-file", str(tmp_path / "mkdocs.yml"))
    assert build.exit_code == 1
    assert build.stderr.startswith("error: ")


@pytest.mark.parametrize(
    "args",
    [
        ["add", "Grace Hopper", "--circle", "innr"],
        ["export", "vcard", "--circle", "innr"],
        ["import", "vcard", "people.vcf", "--circle", "innr"],
    ],
    ids=" ".join,
)
def test_an_unknown_circle_reads_the_same_everywhere(
    write_data: WriteData, args: list[str]
) -> None:
    result = run(*args, "--data", str(write_data(PEOPLE)))
    assert result.exit_code == 1
    assert "circle: 'innr' is not one of inner, middle, outer (did you mean 'inner'?)" in (
        result.stderr
    )
