"""`netdash log --community`: an activity in a community, with people or alone."""

from __future__ import annotations

from typer.testing import CliRunner

from site_builder.cli.app import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

FILES = {
    "contacts/ada.yml": "name: Ada Lovelace\ncircle: inner\n",
    "communities.yml": "- {name: Open Banking Builders, kind: online, joined: 2026-02-20}\n",
    "interactions/2026.yml": "# my year\n- {date: 2026-01-05, with: [ada], kind: call}\n",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["log", *args, "--today", "2026-11-23"])
    return result.exit_code, result.output


def test_an_activity_alone_is_logged_in_the_files_style(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run(
        "--community", "open-banking-builders", "--kind", "answer", "--value", "give",
        "--summary", "A thread on <sandbox> limits", "--data", str(root),
    )  # fmt: skip
    assert code == 0, output
    assert "log answer in open-banking-builders on 2026-11-23: wrote" in output
    text = (root / "interactions" / "2026.yml").read_text("utf-8")
    assert text == FILES["interactions/2026.yml"] + (
        "- {date: 2026-11-23, kind: answer, value: give, summary: A thread on <sandbox> limits, "
        "community: open-banking-builders}\n"
    )
    added = load(root).dataset.interactions[-1]
    assert (added.with_, added.community, added.planned) == ([], "open-banking-builders", False)


def test_an_activity_with_people_names_both(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run("ada", "--community", "open-banking-builders", "--kind", "coffee",
                       "--data", str(root))  # fmt: skip
    assert code == 0 and "log coffee with Ada Lovelace in open-banking-builders" in output
    added = load(root).dataset.interactions[-1]
    assert (added.with_, added.community) == (["ada"], "open-banking-builders")


def test_an_unknown_community_is_refused_with_a_suggestion(write_data: WriteData) -> None:
    root = write_data(FILES)
    before = (root / "interactions" / "2026.yml").read_bytes()
    code, output = run("--community", "open-banking-bulders", "--kind", "post",
                       "--data", str(root))  # fmt: skip
    assert code == 1
    assert "unknown community 'open-banking-bulders' (did you mean 'open-banking-builders'?)" in (
        output
    )
    assert "2026.yml:3:" in output
    assert (root / "interactions" / "2026.yml").read_bytes() == before
    code, output = run("--kind", "post", "--data", str(root))
    assert code == 2 and "give the people (or --community)" in output
