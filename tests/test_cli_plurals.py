"""Counts read as people write them: `1 day overdue`, `2 days overdue`, `1 error`."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from site_builder.cli import app
from site_builder.plural import counted
from tests.conftest import WriteData


@pytest.mark.parametrize(
    ("count", "noun", "plural", "words"),
    [
        (0, "day", None, "0 days"),
        (1, "day", None, "1 day"),
        (2, "day", None, "2 days"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
    ],
)
def test_counted(count: int, noun: str, plural: str | None, words: str) -> None:
    assert counted(count, noun, plural) == words


def test_the_due_table_says_1_day_overdue(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada Lovelace\ncircle: inner\ncadence_days: 10\n",
            "contacts/bob.yml": "name: Bob Noyce\ncircle: inner\ncadence_days: 10\n",
            "interactions/2026.yml": "- {date: 2026-02-19, with: [ada], kind: call}\n"
            "- {date: 2026-02-18, with: [bob], kind: call}\n",
        }
    )
    result = CliRunner().invoke(
        app, ["due", "--data", str(root), "--today", "2026-03-02"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "1 day overdue" in result.stdout and "2 days overdue" in result.stdout
    assert not re.search(r"\b1 days\b", result.stdout)


def test_check_counts_in_words(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada Lovelace\ncircle: inner\n",
            "contacts/bob.yml": "name: Bob Noyce\ncircle: innr\n",
        }
    )
    result = CliRunner().invoke(app, ["check", "--data", str(root)])
    assert "1 contact, 0 interactions: 1 error, 0 warnings" in result.stderr
