"""`netdash diff BASE HEAD`: two data folders, and two commits of a real git repository.

The scenario, worked by hand for the head's day, 2026-04-15 (the base pins another day,
2026-01-01, which must not be used):
- Ada (inner, every 30 days), last touched 2026-02-01: due 2026-03-03, 43 days overdue.
  The head logs a coffee on 2026-04-10: due 2026-05-10, on track. She leaves overdue.
- Bob (middle, 90 days), last touched 2026-01-10: due 2026-04-10, 5 days overdue on both
  sides: not listed.
- Eve, last touched 2026-03-10, moves from middle (due 2026-06-08) to inner (due
  2026-04-09): 6 days overdue in the head. She enters overdue.
- Cy is removed; Dee is added.
- The target of 4 interactions in months 1-6: 3 in the base (on track: 3/4 = 0.75 is past
  the elapsed 104/181 of the window), 4 in the head (done).
- The monthly habit of 1 interaction: April has none in the base (0 of 1, the streak of
  January to March stands at 3); the head's coffee meets it (streak 4).
- The head adds `event.yml`, read by nobody: a new warning. `notes.yml` is in both.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.automation.diff import MARKER
from site_builder.cli.app import app
from site_builder.compute import compute
from site_builder.compute.compare import compare
from site_builder.loading.loader import load

DEE = "Dee <b>@team</b> [x](y)"
BASE = {
    "settings.yml": "owner: Owner\nroadmap_start: 2026-01-01\ntoday: 2026-01-01\n",
    "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-01-01}\n",
    "contacts/bob.yml": "name: Bob\ncircle: middle\nmet: {on: 2025-12-01}\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\nmet: {on: 2026-01-01}\n",
    "contacts/eve.yml": "name: Eve\ncircle: middle\nmet: {on: 2026-01-01}\n",
    "interactions/2026.yml": """\
    - {date: 2026-01-10, with: [bob], kind: call}
    - {date: 2026-02-01, with: [ada], kind: call}
    - {date: 2026-03-10, with: [eve], kind: call}
    """,
    "goals.yml": """\
    roadmap:
      - phase: Start
        months: 1-6
        targets:
          - {metric: interactions, target: 4}
    habits:
      - {every: month, metric: interactions, target: 1}
    """,
    "notes.yml": "a: 1\n",
}
HEAD_CHANGES = {
    "settings.yml": "owner: Owner\nroadmap_start: 2026-01-01\ntoday: 2026-04-15\n",
    "contacts/eve.yml": "name: Eve\ncircle: inner\nmet: {on: 2026-01-01}\n",
    "contacts/dee.yml": f'name: "{DEE}"\ncircle: outer\nmet: {{on: 2026-04-01}}\n',
    "interactions/2026.yml": BASE["interactions/2026.yml"]
    + "- {date: 2026-04-10, with: [ada], kind: coffee}\n",
    "event.yml": "[]\n",
}
EXPECTED = f"""\
{MARKER}
## What this pull request changes

Computed for 2026-04-15 on both sides.

### Overdue

Enter the overdue list:

- Eve: 6 days overdue

Leave the overdue list:

- Ada: was 43 days overdue, now on track

### People

- New: Dee \\<b\\>\\@team\\</b\\> \\[x\\](y) (outer circle)
- Removed: Cy

### Roadmap targets

| Phase | Target | Before | After |
|---|---|---|---|
| Start | Interactions | 3 of 4, on track | 4 of 4, done |

### Habits

| Habit | Before | After |
|---|---|---|
| every month: Interactions | 0 of 1, not met yet, streak 3 periods | 1 of 1, met, streak 4 periods |

### New problems

- `event.yml:1:1` warning: ignored: netdash does not read 'event.yml' (did you mean 'events.yml'?)
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def head_of(root: Path) -> Path:
    write(root, HEAD_CHANGES)
    (root / "contacts" / "cy.yml").unlink()
    return root


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["diff", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_two_data_folders(tmp_path: Path) -> None:
    base = write(tmp_path / "base", BASE)
    head = head_of(write(tmp_path / "head", BASE))
    assert run(str(base), str(head)) == EXPECTED


def test_the_same_folder_twice_changes_nothing(tmp_path: Path) -> None:
    base = write(tmp_path / "base", BASE)
    text = run(str(base), str(base), "--today", "2026-04-15")
    assert text.splitlines()[3:] == [
        "Computed for 2026-04-15 on both sides.",
        "",
        "No change to who is overdue, the people, the roadmap, the habits or the problems.",
    ]


def test_today_can_be_pinned(tmp_path: Path) -> None:
    base = write(tmp_path / "base", BASE)
    head = head_of(write(tmp_path / "head", BASE))
    # On 2026-03-20 Ada is 17 days overdue in the base; in the head her coffee of
    # 2026-04-10 is booked, so she is scheduled. Eve (due 2026-04-09 in the head) is not
    # overdue yet.
    text = run(str(base), str(head), "--today", "2026-03-20")
    assert "Computed for 2026-03-20 on both sides." in text
    assert (
        "### Overdue\n\nLeave the overdue list:\n\n- Ada: was 17 days overdue, now scheduled\n\n###"
        in text
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    assert shutil.which("git"), "git is needed to compare commits"
    root = tmp_path / "repo"
    write(root / "data", BASE)
    (root / "README.md").write_text("my network\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    git(root, "switch", "-q", "-c", "change")
    head_of(root / "data")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "head")
    return root


def test_two_commits_of_a_git_repository(repo: Path) -> None:
    (repo / "data" / "contacts" / "ada.yml").write_text("not: [valid\n", encoding="utf-8")
    assert run("main", "change", "--data", str(repo / "data")) == EXPECTED
    assert run("HEAD~1", "HEAD", "--data", str(repo / "data")) == EXPECTED
    # The working tree is left as it was; the temporary folders are gone.
    assert (repo / "data" / "contacts" / "ada.yml").read_text("utf-8") == "not: [valid\n"


def test_a_commit_without_a_data_folder_is_an_empty_side(repo: Path) -> None:
    empty = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "commit-tree",
            "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
            "-m",
            "nothing yet",
        ],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()  # the empty tree's id, the same in every repository
    git(repo, "branch", "empty", empty)
    text = run("empty", "change", "--data", str(repo / "data"))
    assert "- New: Ada (inner circle)" in text
    # Everyone overdue in the head enters, the most overdue first (Ada's coffee keeps her
    # off the list); the base's missing settings.yml is not the head's problem.
    assert "Enter the overdue list:\n\n- Eve: 6 days overdue\n- Bob: 5 days overdue\n\n" in text
    assert "settings.yml" not in text


def test_an_unknown_commit_is_an_error(repo: Path) -> None:
    result = CliRunner().invoke(
        app, ["diff", "main", "no-such-branch", "--data", str(repo / "data")]
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: ")


def test_a_long_list_is_cut_with_a_count(tmp_path: Path) -> None:
    base = write(tmp_path / "base", {"settings.yml": BASE["settings.yml"]})
    people = {f"contacts/p{i:03}.yml": f"name: P{i:03}\ncircle: outer\n" for i in range(103)}
    head = write(tmp_path / "head", {**HEAD_CHANGES, **people})
    lines = run(str(base), str(head)).splitlines()
    new = [line for line in lines if line.startswith("- New: ")]
    # 105 people (Dee, Eve and P000-P102), by name: Dee, Eve, then P000 to P097; 5 more.
    assert (
        len(new) == 100
        and new[0].startswith("- New: Dee")
        and new[-1] == "- New: P097 (outer circle)"
    )
    assert lines[lines.index(new[-1]) + 1] == "- and 5 more"


def test_reports_of_two_days_are_not_compared(tmp_path: Path) -> None:
    dataset = load(write(tmp_path / "base", BASE)).dataset
    with pytest.raises(ValueError, match="not one day"):
        compare(compute(dataset, dt.date(2026, 4, 1)), compute(dataset, dt.date(2026, 4, 2)))


def test_a_link_in_a_commit_is_not_followed(repo: Path) -> None:
    secret = repo.parent / "secret.yml"
    secret.write_text("name: Secret Person\ncircle: inner\n", encoding="utf-8")
    (repo / "data" / "contacts" / "zed.yml").symlink_to(secret)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a link")
    text = run("HEAD~1", "HEAD", "--data", str(repo / "data"))
    assert "Secret" not in text
    assert "No change to who is overdue" in text
