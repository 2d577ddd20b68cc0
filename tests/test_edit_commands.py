"""`netdash log`, `add`, `snooze`, `done`, `archive` from the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.core import TyperGroup
from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

PEOPLE = {
    "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner   # close\n",
    "contacts/ada-yonath.yml": "name: Ada Yonath\ncircle: outer\n",
    "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\n",
}
LOG = (
    "- date: 2026-01-05\n  with: [grace-hopper]\n  kind: call\n"
    "  follow_ups:\n    - {do: Send the MLIR paper, due: 2026-01-09}\n"
    "    - {do: Intro to Bob}\n"
)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root)])


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted(path for path in root.rglob("*") if path.is_file())
    return {str(path.relative_to(root)): path.read_bytes() for path in files}


def test_log_resolves_names_and_prefixes(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    result = run(
        root,
        "log",
        "lovelace",
        "Grace Hopper",
        "--kind",
        "coffee",
        "--value",
        "give",
        "--summary",
        "Compilers",
        "--today",
        "2026-03-01",
        "--introduced",
        "yonath",
    )
    assert result.exit_code == 0, result.output
    text = (root / "interactions" / "2026.yml").read_text("utf-8")
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/interactions.schema.json"
    )
    assert "  with: [ada-lovelace, grace-hopper]\n" in text
    assert "  introduced: [ada-yonath]\n" in text
    assert "- date: 2026-03-01\n" in text
    assert load(root).ok


def test_ambiguous_or_unknown_contact_lists_candidates_and_writes_nothing(
    write_data: WriteData,
) -> None:
    root = write_data(PEOPLE)
    before = snapshot(root)
    result = run(root, "log", "ada", "nobody-here", "--kind", "call", "--today", "2026-03-01")
    assert result.exit_code == 1
    assert (
        "'ada' could be 2 people: ada-lovelace (Ada Lovelace), ada-yonath (Ada Yonath)"
        in result.output
    )
    assert "unknown contact 'nobody-here'" in result.output
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def test_invalid_edit_is_refused_with_the_reason(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/2026.yml": LOG})
    before = snapshot(root)
    result = run(root, "log", "grace", "--kind", "cofee", "--today", "2026-03-01")
    assert result.exit_code == 1
    assert "'cofee' is not one of" in result.output and "did you mean 'coffee'" in result.output
    late = run(
        root,
        "log",
        "grace",
        "--kind",
        "call",
        "--date",
        "2026-03-01",
        "--follow-up",
        "Send slides",
        "--due",
        "2026-02-01",
    )
    assert late.exit_code == 1
    assert "follow_ups[0].due 2026-02-01 is before the interaction" in late.output
    assert snapshot(root) == before


def test_dry_run_prints_the_diff_and_writes_nothing(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/2026.yml": LOG})
    before = snapshot(root)
    result = run(root, "log", "grace", "--kind", "email", "--today", "2026-03-01", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+++ b/" in result.stdout and "+- date: 2026-03-01\n" in result.stdout
    assert snapshot(root) == before


def test_add_creates_a_file_and_never_overwrites(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    result = run(
        root,
        "add",
        "Zoë O'Brien",
        "--circle",
        "middle",
        "--company",
        "Acme, Inc",
        "--met-on",
        "2026-01-02",
        "--how",
        "PyCon sprint",
        "--tag",
        "python",
    )
    assert result.exit_code == 0, result.output
    assert (root / "contacts" / "zoe-obrien.yml").read_text("utf-8") == (
        "# yaml-language-server: $schema=../../schemas/contact.schema.json\n"
        "name: Zoë O'Brien\ncircle: middle\ncompany: Acme, Inc\n"
        "met:\n  on: 2026-01-02\n  how: PyCon sprint\ntags: [python]\n"
    )
    again = run(root, "add", "Zoe O'Brien", "--circle", "inner")
    assert again.exit_code == 1 and "already in contacts (zoe-obrien)" in again.output
    taken = run(root, "add", "Someone Else", "--circle", "inner", "--id", "ada-lovelace")
    assert taken.exit_code == 1 and "already exists" in taken.output
    ada = (root / "contacts" / "ada-lovelace.yml").read_text("utf-8")
    assert ada == PEOPLE["contacts/ada-lovelace.yml"]
    assert load(root).ok


def test_add_refuses_a_name_without_letters(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    before = snapshot(root)
    result = run(root, "add", "🚀✨", "--circle", "inner")
    assert result.exit_code == 1
    assert "cannot make an id from the name '🚀✨': pass one with --id" in result.output
    assert snapshot(root) == before
    assert run(root, "add", "🚀✨", "--circle", "inner", "--id", "rocket").exit_code == 0
    assert load(root).dataset.contacts["rocket"].name == "🚀✨"


def test_snooze_done_and_archive(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/2026.yml": LOG})
    assert run(root, "snooze", "grace", "--until", "2026-06-01").exit_code == 0
    assert run(root, "done", "grace", "mlir", "--today", "2026-01-08").exit_code == 0
    assert run(root, "archive", "ada-yonath").exit_code == 0
    again = run(root, "archive", "ada-yonath")
    assert again.exit_code == 0 and "already archived" in again.output
    dataset = load(root).dataset
    assert str(dataset.contacts["grace-hopper"].snooze_until) == "2026-06-01"
    assert dataset.contacts["ada-yonath"].archived
    follow_ups = dataset.interactions[0].follow_ups
    assert [str(f.done) for f in follow_ups] == ["2026-01-08", "None"]
    assert (root / "interactions" / "2026.yml").read_text("utf-8") == LOG.replace(
        "due: 2026-01-09}", "due: 2026-01-09, done: 2026-01-08}"
    )


def test_done_explains_what_is_open(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/2026.yml": LOG})
    result = run(root, "done", "grace", "slides", "--today", "2026-01-08")
    assert result.exit_code == 1
    assert "none of the open follow-ups of Grace Hopper match 'slides'" in result.output
    assert "'Send the MLIR paper'" in result.output and "'Intro to Bob'" in result.output
    nothing = run(root, "done", "lovelace", "anything", "--today", "2026-01-08")
    assert nothing.exit_code == 1 and "has no open follow-up" in nothing.output


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", "archive", "ada")
    assert result.exit_code == 1 and "data folder" in result.output and "not found" in result.output


def test_every_option_is_in_the_guide() -> None:
    guide = (Path(__file__).parents[1] / "docs" / "guide" / "editing.md").read_text("utf-8")
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    commands = [root.commands[name] for name in ("log", "add", "snooze", "done", "archive")]
    for group in ("import", "export"):
        sub = root.commands[group]
        assert isinstance(sub, TyperGroup)
        commands += list(sub.commands.values())
    missing = {
        f"{command.name} {option}"
        for command in commands
        for param in command.params
        for option in getattr(param, "opts", [])
        if option.startswith("--")
        and option not in ("--data", "--today", "--help")
        and f"`{option}" not in guide
    }
    assert not missing
