"""`netdash draft`: the message on stdout, JSON on request, exit 1 for an unknown id."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from site_builder.cli import app
from tests.conftest import WriteData

FILES = {
    "settings.yml": "owner: Alex Rivera\n",
    "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\ncompany: Engines\n",
    "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\ncompany: Navy\n",
    "interactions/2026.yml": """\
        - date: 2026-03-01
          with: [ada-lovelace]
          kind: coffee
          summary: Compilers
          follow_ups: [{do: Send the MLIR paper}]
        """,
}


def run(root: object, *args: str) -> Result:
    return CliRunner().invoke(app, ["draft", *args, "--data", str(root), "--today", "2026-03-05"])


def test_without_a_template_it_chooses_one_and_prints_the_message(
    write_data: WriteData,
) -> None:
    result = run(write_data(FILES), "ada")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: As promised\n\nHi Ada,\n")
    assert "I said I would send the MLIR paper." in result.stdout
    assert "follow_up: Keep a promise" in result.stderr
    assert "to write: the link, file or note" in result.stderr
    assert "to write" not in result.stdout


def test_json_holds_the_documented_keys(write_data: WriteData) -> None:
    root = write_data(FILES)
    result = run(root, "Ada Lovelace", "--template", "intro_both", "--other", "grace", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"template", "title", "subject", "text", "to_write"}
    assert data["template"] == "intro_both"
    assert data["subject"] == "Introduction: Ada, meet Grace"
    assert "Grace Hopper works at Navy" in data["text"]
    assert data["to_write"][0] == "why they are worth meeting"


def test_a_linkedin_note_has_no_subject(write_data: WriteData) -> None:
    result = run(write_data(FILES), "ada", "--template", "linkedin_peer", "--json")
    assert json.loads(result.stdout)["subject"] is None


def test_an_unknown_template_exits_1_listing_the_ids(write_data: WriteData) -> None:
    result = run(write_data(FILES), "ada", "--template", "chek_in")
    assert result.exit_code == 1
    assert "unknown template 'chek_in'; the templates are: cold_outreach, " in result.stderr
    assert "check_in" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_an_unknown_contact_exits_1_with_a_suggestion(write_data: WriteData) -> None:
    result = run(write_data(FILES), "Ada Lovelaec")
    assert result.exit_code == 1
    assert "unknown contact 'Ada Lovelaec'" in result.stderr
    assert "did you mean ada-lovelace (Ada Lovelace)?" in result.stderr


def test_an_unknown_other_person_or_event_exits_1(write_data: WriteData) -> None:
    root = write_data(FILES)
    other = run(root, "ada", "--template", "intro_both", "--other", "zed")
    assert other.exit_code == 1
    assert "unknown contact 'zed'" in other.stderr
    event = run(root, "ada", "--event", "pycon")
    assert event.exit_code == 1
    assert "unknown event 'pycon'; the events are: none" in event.stderr


def test_nothing_is_written(write_data: WriteData) -> None:
    root = write_data(FILES)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    assert run(root, "ada", "--template", "give").exit_code == 0
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before


def test_a_missing_data_folder_exits_1(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", "ada")
    assert result.exit_code == 1
    assert "data folder" in result.stderr
    assert "not found" in result.stderr
