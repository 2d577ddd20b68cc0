"""Edits at once lose nothing: twenty `netdash log` started together leave twenty records
(or say plainly why one was not made); the lock they share is never reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_builder.loading.leftovers import LOCK_NAME
from site_builder.loading.loader import load
from tests.conftest import WriteData

RUNS = 20


def _log(root: Path, number: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "site_builder", "log", "ada", "--kind", "call"]
    options = ["--date", f"2026-03-{number + 1:02d}", "--summary", f"visit {number}"]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.Popen(
        [*command, *options, "--data", str(root)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_twenty_logs_at_once_leave_twenty_records(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": "# one a line\n- {date: 2026-01-02, with: [ada], kind: call}\n",
        }
    )
    runs = [_log(root, number) for number in range(RUNS)]
    outcomes = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    made = {number for number, (status, _, _) in enumerate(outcomes) if status == 0}
    for status, _, errors in outcomes:
        assert status == 0 or errors.startswith("error: "), errors
        assert "Traceback" not in errors
    result = load(root)
    assert result.problems == []
    summaries = [i.summary for i in result.dataset.interactions[1:]]
    assert sorted(summaries, key=lambda s: int(str(s).split()[1])) == [
        f"visit {number}" for number in sorted(made)
    ]
    assert len(made) == RUNS
    assert (root / LOCK_NAME).exists()
    assert sorted(path.name for path in (root / "interactions").iterdir()) == ["2026.yml"]
