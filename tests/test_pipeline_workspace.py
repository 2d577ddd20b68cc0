"""`Workspace`: the data folder loaded once, today resolved once, the report computed once,
and reloading that rereads only what changed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from site_builder.pipeline.clock import ENV_TODAY, ClockError
from site_builder.pipeline.workspace import Workspace
from tests.conftest import WriteData

DAY = dt.date(2026, 3, 2)
FILES = {
    "contacts/ada.yml": "name: Ada\ncircle: inner\n",
    "contacts/bob.yml": "name: Bob\ncircle: outer\ncompnay: X\n",
    "interactions/2026.yml": "- {date: 2026-02-01, with: [ada], kind: call}\n",
}


def _touch(path: Path, text: str) -> None:
    """Rewrite a file and move its modification time on, as an editor saving it does."""
    status = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def test_the_data_its_problems_and_the_report_for_the_pinned_day(write_data: WriteData) -> None:
    workspace = Workspace(write_data(FILES), DAY)
    assert sorted(workspace.dataset.contacts) == ["ada"]
    assert [p.severity for p in workspace.problems] == ["error"]
    assert workspace.errors == workspace.problems and not workspace.ok
    assert "bob.yml" in str(workspace.errors[0].path)
    assert workspace.today == DAY
    assert workspace.report.today == DAY
    assert workspace.report is workspace.report  # computed once
    assert workspace.report.touchpoints[0].last_touch == dt.date(2026, 2, 1)


def test_today_is_the_variable_else_the_clock_in_the_owners_zone(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_data({"settings.yml": "owner: Me\ntimezone: Pacific/Kiritimati\n"})
    monkeypatch.setenv(ENV_TODAY, "2026-05-01")
    assert Workspace(root).today == dt.date(2026, 5, 1)
    assert Workspace(root, DAY).today == DAY  # a pinned day comes first
    monkeypatch.delenv(ENV_TODAY)
    kiritimati = dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()
    assert Workspace(root).today == kiritimati
    monkeypatch.setenv(ENV_TODAY, "tomorrow")
    with pytest.raises(
        ClockError, match="NETDASH_TODAY: expected a date YYYY-MM-DD, got 'tomorrow'"
    ):
        _ = Workspace(root).today


def test_a_demo_shows_its_own_day_unless_another_is_asked_for(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_data({"settings.yml": "owner: Me\ntoday: 2026-11-23\n"})
    monkeypatch.delenv(ENV_TODAY, raising=False)
    assert Workspace(root).today == dt.date(2026, 11, 23)
    assert Workspace(root, DAY).today == DAY
    monkeypatch.setenv(ENV_TODAY, "2026-05-01")
    assert Workspace(root).today == dt.date(2026, 5, 1)


def test_reload_rereads_only_the_files_that_changed(write_data: WriteData) -> None:
    root = write_data(FILES)
    workspace = Workspace(root, DAY, keep_files=True)
    dataset, report = workspace.dataset, workspace.report
    assert workspace.reload() is False
    assert workspace.dataset is dataset and workspace.report is report
    _touch(root / "contacts" / "bob.yml", "name: Bob\ncircle: outer\n")
    assert workspace.reload() is True
    assert workspace.ok and sorted(workspace.dataset.contacts) == ["ada", "bob"]
    assert workspace.dataset.contacts["ada"] is dataset.contacts["ada"]  # not read again
    assert workspace.report is not report and len(workspace.report.touchpoints) == 2
    (root / "contacts" / "bob.yml").unlink()
    assert workspace.reload() is True
    assert sorted(workspace.dataset.contacts) == ["ada"]


def test_reload_without_kept_files_reads_everything_again(write_data: WriteData) -> None:
    workspace = Workspace(write_data(FILES), DAY)
    contacts = workspace.dataset.contacts
    assert workspace.reload() is True
    assert workspace.dataset.contacts["ada"] is not contacts["ada"]


def test_a_new_day_computes_the_report_again(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_TODAY, DAY.isoformat())
    workspace = Workspace(write_data(FILES), keep_files=True)
    report = workspace.report
    monkeypatch.setenv(ENV_TODAY, "2026-03-03")
    assert workspace.reload() is True
    assert workspace.report is not report and workspace.report.today == dt.date(2026, 3, 3)


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "nowhere", DAY)
    assert not workspace.ok
    assert workspace.problems[0].message == "data folder not found"
