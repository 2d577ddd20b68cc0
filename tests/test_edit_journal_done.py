"""`netdash done CONTACT TEXT` on a journal action: `done: <today>` written into the action,
every other byte of journal.yml kept, and the action gone from the open ones."""

from __future__ import annotations

import datetime as dt

from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from site_builder.compute import compute
from site_builder.loading.loader import load
from tests.conftest import WriteData

JOURNAL = """\
# my reflections
- date: 2026-11-20
  about: {contact: ada}   # after the coffee
  actions:
    - {do: Send the deck, due: 2026-11-25}
    - do: Call Grace
      contact: grace
"""


def _done(root: object, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["done", *args, "--data", str(root), "--today", "2026-11-23"])
    return result.exit_code, result.output


def test_done_marks_a_journal_action_and_keeps_the_rest(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "contacts/grace.yml": "name: Grace\ncircle: middle\n",
            "journal.yml": JOURNAL,
        }
    )
    status, output = _done(root, "ada", "deck")  # the entry is about Ada
    assert status == 0, output
    status, output = _done(root, "grace", "call grace")  # the action names Grace
    assert status == 0, output
    assert (root / "journal.yml").read_text(encoding="utf-8") == JOURNAL.replace(
        "due: 2026-11-25}", "due: 2026-11-25, done: 2026-11-23}"
    ).replace("      contact: grace\n", "      contact: grace\n      done: 2026-11-23\n")
    dataset = load(root).dataset
    assert compute(dataset, dt.date(2026, 11, 23)).journal_actions == ()


def test_an_action_of_no_one_is_not_found_by_a_contact(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "journal.yml": "- {date: 2026-11-20, actions: [{do: Write the post}]}\n",
        }
    )
    status, output = _done(root, "ada", "post")
    assert status == 1 and "has no open follow-up" in output
