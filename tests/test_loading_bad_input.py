"""Bad input gets a clear error at the right file, line and column, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.cli import app
from tests.conftest import WriteData

ADA = "name: Ada Lovelace\ncircle: inner\n"
BILLION_LAUGHS = "name: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)
)

# (files, path of the problem, line, column, words the message holds)
CASES: dict[str, tuple[dict[str, str | bytes], str, int, int, str]] = {
    "empty file": ({"contacts/ada.yml": ""}, "contacts/ada.yml", 1, 1, "is empty"),
    "only comments": ({"events.yml": "# nothing yet\n"}, "events.yml", 1, 1, "is empty"),
    "list where a map belongs": (
        {"contacts/ada.yml": "- name: Ada\n- circle: inner\n"},
        "contacts/ada.yml",
        1,
        1,
        "expected a mapping",
    ),
    "map where a list belongs": (
        {
            "interactions/2026.yml": "date: 2026-01-02\nwith: [ada]\nkind: call\n",
            "contacts/ada.yml": ADA,
        },
        "interactions/2026.yml",
        1,
        1,
        "expected a list",
    ),
    "tabs": (
        {"contacts/ada.yml": "name: Ada\ntrust:\n\tcredibility: 3\n"},
        "contacts/ada.yml",
        3,
        1,
        "tab",
    ),
    "duplicate keys": (
        {"contacts/ada.yml": "name: Ada\ncircle: inner\nname: Ada L\n"},
        "contacts/ada.yml",
        3,
        1,
        "duplicate key 'name'",
    ),
    "impossible date": (
        {"contacts/ada.yml": ADA + "snooze_until: 2026-13-01\n"},
        "contacts/ada.yml",
        3,
        1,
        "not a real date",
    ),
    "non-UTF-8 bytes": (
        {"contacts/ada.yml": b"name: Ada\ncircle: inner\nrole: \xe9l\xe8ve\n"},
        "contacts/ada.yml",
        3,
        7,
        "not UTF-8",
    ),
    "byte-order mark": (
        {"contacts/ada.yml": b"\xef\xbb\xbf" + ADA.encode()},
        "contacts/ada.yml",
        1,
        1,
        "byte-order mark",
    ),
    "binary file": (
        {"contacts/ada.yml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        "contacts/ada.yml",
        3,
        1,
        "binary",
    ),
    "aliases used to blow up memory": (
        {"contacts/ada.yml": BILLION_LAUGHS},
        "contacts/ada.yml",
        1,
        7,
        "aliases are not supported",
    ),
    "unknown key with a suggestion": (
        {"contacts/ada.yml": ADA + "compnay: Engines\n"},
        "contacts/ada.yml",
        3,
        1,
        "did you mean 'company'",
    ),
    "wrong vocabulary": (
        {"contacts/ada.yml": "name: Ada\ncircle: innr\n"},
        "contacts/ada.yml",
        2,
        1,
        "did you mean 'inner'",
    ),
    "missing required key": (
        {"contacts/ada.yml": "name: Ada\n"},
        "contacts/ada.yml",
        1,
        1,
        "missing required key 'circle'",
    ),
    "unknown contact id": (
        {
            "contacts/ada.yml": ADA,
            "interactions/2026.yml": "- date: 2026-01-02\n  with: [ada, adaa]\n  kind: call\n",
        },
        "interactions/2026.yml",
        2,
        15,
        "unknown contact 'adaa' (did you mean 'ada'?)",
    ),
    "unknown metric name": (
        {
            "goals.yml": "roadmap:\n  - phase: One\n    months: 1-3\n    targets:\n"
            "      - {metric: new_contact, target: 3}\n"
        },
        "goals.yml",
        5,
        10,
        "did you mean 'new_contacts'",
    ),
    "event ends before it starts": (
        {"events.yml": "- id: conf\n  name: Conf\n  date: 2026-05-14\n  end: 2026-05-12\n"},
        "events.yml",
        1,
        3,
        "end 2026-05-12 is before date 2026-05-14",
    ),
    "follow-up done before the interaction": (
        {
            "contacts/ada.yml": ADA,
            "interactions/2026.yml": "- date: 2026-01-10\n  with: [ada]\n  kind: call\n  follow_ups:\n"
            "    - do: Send notes\n      done: 2026-01-09\n",
        },
        "interactions/2026.yml",
        6,
        7,
        "done 2026-01-09 is before the interaction",
    ),
    "id that is not a slug": (
        {"events.yml": "- id: PyCon 2026\n  name: PyCon\n  date: 2026-05-14\n"},
        "events.yml",
        1,
        3,
        "is not an id",
    ),
    "contact file name that is not a slug": (
        {"contacts/Ada Lovelace.yml": ADA},
        "contacts/Ada Lovelace.yml",
        1,
        1,
        "is not an id",
    ),
    "YAML syntax error": (
        {"contacts/ada.yml": "name: Ada\ncircle: [inner\n"},
        "contacts/ada.yml",
        3,
        1,
        "YAML syntax",
    ),
}


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_at_its_line_in_every_format(
    case: str, write_data: WriteData, runner: CliRunner
) -> None:
    files, path, line, column, words = CASES[case]
    write_data(files)
    where = f"data/{path}"

    text = runner.invoke(app, ["check"])
    assert text.exit_code == 1, text.output
    assert f"{where}:{line}:{column}: error: " in text.stdout
    assert words in text.stdout
    assert "Traceback" not in text.output

    as_json = runner.invoke(app, ["check", "--format", "json"])
    assert as_json.exit_code == 1
    problems = json.loads(as_json.stdout)
    assert {"path": where, "line": line, "column": column, "severity": "error"}.items() <= next(
        p for p in problems if words in p["message"]
    ).items()

    github = runner.invoke(app, ["check", "--format", "github"])
    assert github.exit_code == 1
    assert f"::error file={where},line={line},col={column}::" in github.stdout


def test_a_50_mb_file_is_refused_without_reading_it(
    write_data: WriteData, runner: CliRunner
) -> None:
    root = write_data()
    with (root / "events.yml").open("wb") as big:
        big.write(b"# padding\n" * (5 * 1024 * 1024))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert (
        "data/events.yml:1:1: error: is 50.0 MiB; data files may hold at most 20 MiB"
        in result.stdout
    )


@pytest.mark.parametrize("where", ["settings.yml", "events.yml", "contacts/ada.yml"])
def test_a_folder_where_a_file_belongs(
    where: str, write_data: WriteData, runner: CliRunner
) -> None:
    root = write_data()
    if where == "settings.yml":
        (root / where).unlink()
    (root / where).mkdir(parents=True)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert f"data/{where}:1:1: error: is a folder, but a YAML file belongs here" in result.stdout


def test_every_problem_is_reported_not_just_the_first(
    write_data: WriteData, runner: CliRunner
) -> None:
    write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: innr\n",
            "contacts/bob.yml": "",
            "events.yml": "- {id: x, name: X, date: 2026-02-30}\n",
            "settings.yml": "owner: Me\ndue_son_days: 3\n",
        }
    )
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    assert sorted(p["path"] for p in json.loads(result.stdout)) == [
        "data/contacts/ada.yml",
        "data/contacts/bob.yml",
        "data/events.yml",
        "data/settings.yml",
    ]


def test_missing_settings_and_missing_folder(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "data").mkdir()
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "data/settings.yml:1:1: error: missing: settings.yml is required" in result.stdout
    result = runner.invoke(app, ["check", "--data", "nowhere"])
    assert result.exit_code == 1
    assert "nowhere:1:1: error: data folder not found" in result.stdout


def test_usage_errors_exit_2(write_data: WriteData, runner: CliRunner) -> None:
    write_data()
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["check", "--no-such-option"]).exit_code == 2


def test_valid_data_exits_0(write_data: WriteData, runner: CliRunner) -> None:
    write_data({"contacts/ada.yml": ADA})
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(runner.invoke(app, ["check", "--format", "json"]).stdout) == []
