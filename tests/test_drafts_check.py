"""`data/templates.yml` is checked like every file: its mistakes are placed at their line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.cli import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

TEMPLATES = """\
    # my own wording
    check_in:
      subject: "Hi {first_name}"
      body: |
        Hello {first_name},

        How is {compnay} doing?
    thanks_again:
      body: Thanks, {owner_first_name}! ‹what they did›
    """


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_an_unknown_placeholder_is_an_error_at_its_line_with_a_suggestion(
    write_data: WriteData, runner: CliRunner
) -> None:
    write_data({"templates.yml": TEMPLATES})
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1, result.output
    (problem,) = json.loads(result.stdout)
    assert problem == {
        "path": "data/templates.yml",
        "line": 7,
        "column": 12,
        "severity": "error",
        "message": "check_in.body: unknown placeholder {compnay} (did you mean {company}?)",
    }


def test_the_valid_templates_load_into_the_dataset(write_data: WriteData) -> None:
    result = load(write_data({"templates.yml": TEMPLATES.replace("compnay", "company")}))
    assert result.problems == []
    assert list(result.dataset.templates) == ["check_in", "thanks_again"]
    assert result.dataset.templates["check_in"].subject == "Hi {first_name}"


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("give:\n  body: 'a {b'\n", 2, 12, "give.body: a lone '{'"),
        ("give:\n  subject: 'x }'\n  body: ok\n", 2, 15, "give.subject: a lone '}'"),
        ("give:\n  body: 'write ‹this'\n", 2, 16, "give.body: a lone '‹'"),
        ("give:\n  body: 'Hi {}'\n", 2, 13, "give.body: unknown placeholder {}"),
        ("Check-In:\n  body: hi\n", 1, 1, "is not a template id"),
        ("give:\n  subject: hi\n", 1, 1, "missing required key 'body'"),
        (
            "give:\n  body: hi\n  sbject: x\n",
            3,
            3,
            "unknown key 'sbject' (did you mean 'subject'?)",
        ),
    ],
)
def test_template_mistakes_are_placed_and_worded(
    write_data: WriteData, text: str, line: int, column: int, words: str
) -> None:
    result = load(write_data({"templates.yml": text}))
    assert not result.ok
    (problem,) = result.problems
    assert (problem.path.name, problem.line, problem.column) == ("templates.yml", line, column)
    assert words in problem.message


def test_a_bad_pitch_is_an_error_in_settings(write_data: WriteData) -> None:
    result = load(write_data({"settings.yml": "owner: Alex\npitch: {who: Alex, what: PM}\n"}))
    (problem,) = result.problems
    assert problem.path.name == "settings.yml"
    assert "missing required key 'hook'" in problem.message
