"""One judge: an edit is refused exactly when `netdash check` would find an error in the
file it writes, with check's own words at check's own lines; what check accepts can be
edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from site_builder.cli import app
from site_builder.editing import EditError
from site_builder.editing.actions import LogEntry, done_change, log_change
from site_builder.editing.writer import Change, apply, kind_of
from site_builder.loading.judge import judge
from site_builder.loading.loader import load
from tests.conftest import WriteData
from tests.test_loading_bad_input import ADA, CASES

# Data sets of the loader's tests: every file of each is judged as check judges it.
DATA_SETS: dict[str, dict[str, str | bytes]] = {
    "cross references": {
        "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {event: pycon}\n",
        "events.yml": "- {id: pycon-2026, name: PyCon, date: 2026-05-14, met: [ada, bob]}\n"
        "- {id: pycon-2026, name: PyCon again, date: 2026-05-15}\n",
        "journal.yml": "- {date: 2026-05-20, about: {contact: adda}, feedback_from: ada}\n",
        "goals.yml": "roadmap:\n  - phase: One\n    months: 1-3\n    targets:\n"
        "      - {measure: linkedin_conections, target: 900}\n",
        "metrics.yml": "linkedin_connections: [{date: 2026-01-01, value: 1}]\n",
    },
    "a bad record among good ones": {
        "contacts/ada.yml": "name: Ada\ncircle: inner\n",
        "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n"
        "- {date: 2026-01-03, with: [ada], kind: carrier-pigeon}\n"
        "- {date: 2026-01-04, with: [ada, ada], kind: email, introduced: [ada]}\n",
    },
    "settings and goals": {
        "settings.yml": "owner: Me\ntimezone: Mars/Olympus\n"
        "value_mix_target: {give: 70, share: 20, ask: 20}\n",
        "goals.yml": "roadmap:\n  - phase: One\n    months: 13\n    targets:\n"
        "      - {metric: gives, milestone: Both}\n",
        "metrics.yml": "Bad-Name: [{date: 2026-01-01, value: 1}]\n",
    },
    "likely duplicates": {
        "contacts/ada.yml": "name: Ada Lovelace\ncircle: inner\nprivate: {email: a@x.org}\n",
        "contacts/ada-l.yml": "name: Ada Lovelace\ncircle: outer\nprivate: {email: a@x.org}\n",
    },
    "a broken contact referred to": {
        "contacts/ada.yml": "name: Ada\ncircle: innr\n",
        "interactions/2026.yml": "- {date: 2026-01-02, with: [ada, bob], kind: call}\n",
    },
}

# Files check accepts, written in ways people (and other tools) write them.
ACCEPTED = {
    "tab after a colon": "- date: 2026-01-05\n  with: [ada]\n  kind:\tmeeting\n",
    "windows line ends": "- date: 2026-01-05\r\n  with: [ada]\r\n  kind: call\r\n",
    "flow items": "- {date: 2026-01-05, with: [ada], kind: call}\n",
    "no final newline": "- date: 2026-01-05\n  with: [ada]\n  kind: call",
    "line separators": "# notes \u2028 \x85\n- date: 2026-01-05\n"
    '  with: [ada]\n  kind: call\n  summary: "a\u2028b\x85c\u2029d"\n',
    "a document start": "---\n- date: 2026-01-05\n  with: [ada]\n  kind: call\n",
    "a multi-line string": '- date: 2026-01-05\n  with: [ada]\n  kind: call\n  summary: "one\n- two"\n',
}


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _outcome(result: Result) -> tuple[int, str]:
    return result.exit_code, result.output


def _edit_touching(root: Path, path: str, runner: CliRunner) -> tuple[int, str]:
    """Exit status and output of an edit that writes `path`: `log` for an interactions
    file, `archive` for a contact; for another file (no command edits it), a change made
    through the writer, as `netdash` would report it."""
    if path.startswith("interactions/"):
        return _outcome(
            runner.invoke(app, ["log", "ada", "--kind", "call", "--date", "2026-03-01"])
        )
    if path.startswith("contacts/"):
        return _outcome(runner.invoke(app, ["archive", Path(path).stem]))
    context = load(root).dataset
    before = (root / path).read_text("utf-8")
    try:
        apply(context, [Change(root / path, before, before + "# reviewed\n", "review")])
    except EditError as refused:
        return 1, f"error: {refused}"
    return 0, ""


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_every_problem_check_reports_refuses_the_edit_of_its_file(
    case: str, write_data: WriteData, runner: CliRunner
) -> None:
    files, path, line, column, words = CASES[case]
    root = write_data(files)
    before = snapshot(root)
    status, output = _edit_touching(root, path, runner)
    assert status == 1, output
    [reason] = [
        text.strip()
        for text in output.splitlines()
        if text.strip().startswith(f"data/{path}:{line}:{column}: ")
    ]
    assert words in reason
    assert "Traceback" not in output
    assert snapshot(root) == before


def _every_file(root: Path) -> list[Path]:
    return [
        path
        for path in sorted(root.rglob("*.yml"))
        if path.is_file() and not path.name.startswith(".")
    ]


@pytest.mark.parametrize(
    "files",
    [*(case[0] for case in CASES.values()), *DATA_SETS.values()],
    ids=[*CASES, *DATA_SETS],
)
def test_the_judge_finds_in_a_file_exactly_what_check_reports(
    files: dict[str, str | bytes], write_data: WriteData
) -> None:
    root = write_data(files)
    loaded = load(root)
    for path in _every_file(root):
        verdict = judge(kind_of(root, path), path, path.read_bytes(), loaded.dataset)
        assert verdict.problems == [p for p in loaded.problems if p.path == path], path


@pytest.mark.parametrize("style", ACCEPTED)
def test_a_file_check_accepts_can_be_logged_to(
    style: str, write_data: WriteData, runner: CliRunner
) -> None:
    root = write_data({"contacts/ada.yml": ADA, "interactions/2026.yml": ACCEPTED[style].encode()})
    assert load(root).problems == []
    result = runner.invoke(app, ["log", "ada", "--kind", "coffee", "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    after = (root / "interactions" / "2026.yml").read_bytes().decode("utf-8")
    assert after.startswith(ACCEPTED[style])
    loaded = load(root)
    assert loaded.problems == []
    assert loaded.dataset.interactions[-1].date == dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "name: Ada\ncircle:\tinner\n",
        "name: Ada\r\ncircle: inner\r\n",
        "{name: Ada, circle: inner}",
        '# \u2028 \x85\nname: "Ada\u2029"\ncircle: inner\n',
    ],
)
def test_a_contact_check_accepts_can_be_snoozed(
    text: str, write_data: WriteData, runner: CliRunner
) -> None:
    root = write_data({"contacts/ada.yml": text.encode()})
    assert load(root).problems == []
    result = runner.invoke(app, ["snooze", "ada", "--until", "2026-12-01"])
    assert result.exit_code == 0, result.output
    loaded = load(root)
    assert loaded.problems == []
    assert loaded.dataset.contacts["ada"].snooze_until == dt.date(2026, 12, 1)


def test_an_edit_that_mends_the_file_is_made(write_data: WriteData, runner: CliRunner) -> None:
    schema_only = "# yaml-language-server: $schema=../../schemas/interactions.schema.json\n"
    root = write_data(
        {
            "contacts/ada.yml": ADA + "snooze_until: 2026-13-01  # oops\n",
            "interactions/2026.yml": schema_only,
        }
    )
    bad_date, empty = (p.message for p in load(root).problems)
    assert (bad_date[:27], empty) == ("snooze_until: '2026-13-01' ", "is empty")
    logged = runner.invoke(app, ["log", "ada", "--kind", "call", "--date", "2026-03-01"])
    assert logged.exit_code == 0, logged.output
    assert (root / "interactions" / "2026.yml").read_text("utf-8").startswith(schema_only)
    result = runner.invoke(app, ["snooze", "ada", "--until", "2026-12-01"])
    assert result.exit_code == 0, result.output
    assert (
        (root / "contacts" / "ada.yml")
        .read_text("utf-8")
        .endswith("snooze_until: 2026-12-01  # oops\n")
    )
    assert load(root).ok


def test_a_change_made_meanwhile_is_kept_and_the_edit_made_again(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": ADA,
            "interactions/2026.yml": "- date: 2026-01-05\n  with: [ada]\n  kind: call\n"
            "  follow_ups: [{do: Send notes}]\n",
        }
    )
    context = load(root).dataset
    first = log_change(context, LogEntry(["ada"], "coffee", dt.date(2026, 3, 1)))
    done = done_change(context, "ada", "notes", dt.date(2026, 3, 2))
    second = log_change(context, LogEntry(["ada"], "email", dt.date(2026, 3, 3)))
    apply(context, [first])
    apply(context, [second])  # made on the text as `first` left it
    assert [i.kind for i in load(root).dataset.interactions] == ["call", "coffee", "email"]
    with pytest.raises(EditError, match="changed while it was being edited; run the command"):
        apply(context, [done])  # which record it marks depends on the text it was made on


def test_a_new_item_that_would_change_the_last_one_is_refused(write_data: WriteData) -> None:
    original = (
        "- date: 2026-01-05\n  with: [ada]\n  kind: call\n\n"
        "- date: 2026-01-06\n  with: [ada]\n  kind: call\n  summary: |+\n    kept\n"
    )
    root = write_data({"contacts/ada.yml": ADA, "interactions/2026.yml": original})
    context = load(root).dataset
    with pytest.raises(EditError, match="without touching other lines"):
        apply(context, [log_change(context, LogEntry(["ada"], "call", dt.date(2026, 3, 1)))])
    assert (root / "interactions" / "2026.yml").read_text("utf-8") == original


def test_a_folder_where_the_year_file_belongs_is_refused(
    write_data: WriteData, runner: CliRunner
) -> None:
    root = write_data({"contacts/ada.yml": ADA})
    (root / "interactions" / "2026.yml").mkdir(parents=True)
    result = runner.invoke(app, ["log", "ada", "--kind", "call", "--date", "2026-03-01"])
    assert result.exit_code == 1
    assert "data/interactions/2026.yml: it is not a regular file" in result.output
