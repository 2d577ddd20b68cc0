"""`netdash check` on the fields of event preparation and the journal's actions: unknown
ids at file:line:column with "did you mean" (the column of the value in a list, of the key
in a mapping), dates before the entry, mistyped keys."""

from __future__ import annotations

from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

CONTACTS = {
    "contacts/ada-lovelace.yml": "name: Ada\ncircle: inner\n",
    "contacts/grace-hopper.yml": "name: Grace\ncircle: middle\n",
}
EVENTS = """\
- id: forum
  name: Forum
  date: 2026-12-03
  targets:
    - ada-lovelace
    - grace-hoper
  topics: [pricing]
"""
JOURNAL = """\
- date: 2026-11-20
  about: {event: forum}
  learned: [Pricing pages]
  actions:
    - {do: Write to Grace, contact: grace-hopper}
    - {do: Call Ada, contact: ada-lovelance, due: 2026-11-25}
    - {do: Too early, due: 2026-11-19, done: 2026-11-18}
"""


def test_unknown_targets_and_action_contacts_are_errors_with_a_guess(
    write_data: WriteData,
) -> None:
    root = write_data({**CONTACTS, "events.yml": EVENTS, "journal.yml": JOURNAL})
    found = {(p.path.name, p.line, p.column, p.message) for p in load(root).problems}
    assert found == {
        ("events.yml", 6, 7, "unknown contact 'grace-hoper' (did you mean 'grace-hopper'?)"),
        (
            "journal.yml",
            6,
            22,
            "unknown contact 'ada-lovelance' (did you mean 'ada-lovelace'?)",
        ),
        ("journal.yml", 7, 23, "actions[2].due 2026-11-19 is before the entry (2026-11-20)"),
        ("journal.yml", 7, 40, "actions[2].done 2026-11-18 is before the entry (2026-11-20)"),
    }


def test_check_prints_them_at_file_line_column_and_fails(write_data: WriteData) -> None:
    root = write_data({**CONTACTS, "events.yml": EVENTS})
    result = CliRunner().invoke(app, ["check", "--data", str(root)])
    assert result.exit_code == 1
    assert "events.yml:6:7: error: unknown contact 'grace-hoper' (did you mean" in result.output


def test_mistyped_keys_of_the_new_fields_are_errors(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "events.yml": "- {id: forum, name: Forum, date: 2026-12-03, target: [ada-lovelace]}\n",
            "journal.yml": "- {date: 2026-11-20, actions: [{todo: Call Ada}], learnt: [x]}\n",
        }
    )
    found = sorted((p.path.name, p.column, p.message) for p in load(root).problems)
    assert found == [
        ("events.yml", 46, "unknown key 'target' (did you mean 'targets'?)"),
        ("journal.yml", 32, "actions[0]: missing required key 'do'"),
        ("journal.yml", 33, "unknown key 'todo' (did you mean 'do'?)"),
        ("journal.yml", 51, "unknown key 'learnt'"),
    ]
