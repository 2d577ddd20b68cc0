"""`netdash prep`: the next event's sheet by default, one event's by id, JSON for scripts,
and plain words when there is no sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from tests.conftest import WriteData

TODAY = "2026-11-23"
FILES = {
    "settings.yml": """\
        owner: Alex
        pitch: {who: "Alex, a product lead", what: I make credit fast, hook: Ask me why}
        """,
    "contacts/paula.yml": "name: Paula [b]Nunes[/b]\ncircle: outer\ncompany: Mareva Bank\n",
    "contacts/ines.yml": "name: Ines\ncircle: middle\ncompany: Mareva Bank\n",
    "contacts/wen.yml": "name: Wen\ncircle: outer\ninterests: [fraud]\n",
    "events.yml": """\
        - id: forum
          name: Payments Forum
          date: 2026-12-03
          kind: conference
          topics: [fraud]
          prep: "Ask Paula about [red]savings[/red]"
          targets: [paula, wen]
        - {id: meetup, name: Meetup, date: 2026-11-18, targets: [wen], met: [wen], goal_new_contacts: 2}
        - {id: later, name: Later, date: 2027-01-10, targets: [wen]}
        - {id: old, name: Old, date: 2026-01-10}
        """,
}


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    runner = CliRunner(env={"COLUMNS": "250"})  # one line a table row
    result = runner.invoke(app, ["prep", *args, "--data", str(root), "--today", TODAY])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def root(write_data: WriteData) -> Path:
    return write_data(FILES)


def test_the_next_event_by_default(root: Path) -> None:
    status, out, _ = _run(root)
    assert status == 0
    assert "Payments Forum · conference · Thu 03 Dec 2026, in 10 days" in out
    assert "Your 30-second introduction: I'm Alex, a product lead. I make credit fast." in out
    assert "Ask Paula about [red]savings[/red]" in out  # data is never rich markup
    assert "Paula [b]Nunes[/b]" in out and "Ines (also at Mareva Bank)" in out
    assert "I hear you work on fraud" in out and "Targets: 2 targets planned" in out


def test_json_is_the_sheet_of_the_report(root: Path) -> None:
    status, out, _ = _run(root, "forum", "--json")
    sheet = json.loads(out)
    assert status == 0 and sheet["event"] == "forum" and sheet["days_until"] == 10
    assert [t["contact"] for t in sheet["targets"]] == ["paula", "wen"]
    assert sheet["targets"][0]["mutual"] == [
        {"contact": "ines", "name": "Ines", "why": "also at Mareva Bank"}
    ]
    assert sheet["targets"][1]["shared_topics"] == ["fraud"]


def test_after_an_event_its_targets_met(root: Path) -> None:
    status, out, _ = _run(root, "meetup")
    assert status == 0 and "ended 2026-11-18" in out
    assert "1 of 1 target met · goal 2 new people, 1 met" in out
    sheet = json.loads(_run(root, "meetup", "--json")[1])
    assert (sheet["planned"], sheet["targets_met"], sheet["targets"][0]["met_on"]) == (
        1,
        1,
        "2026-11-18",
    )


def test_no_sheet_yet_or_any_more_is_said_in_words(root: Path) -> None:
    status, out, err = _run(root, "later", "--json")
    assert (status, out.strip()) == (0, "null")
    assert "Later begins on 2027-01-10, in 48 days: its prep sheet opens on 2026-12-27" in err
    status, out, err = _run(root, "old")
    assert (status, out) == (0, "")
    assert "Old is over and had no targets" in err


def test_an_unknown_event_is_an_error_with_a_guess(root: Path) -> None:
    status, _, err = _run(root, "forun")
    assert status == 1
    assert "error: unknown event 'forun' (did you mean 'forum'?)" in err


def test_no_event_in_the_next_two_weeks(write_data: WriteData) -> None:
    root = write_data({**FILES, "events.yml": "- {id: old, name: Old, date: 2026-01-10}\n"})
    status, out, err = _run(root)
    assert (status, out) == (0, "") and "no event in the next 14 days" in err
