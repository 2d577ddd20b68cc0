"""A write killed between the temp file and the rename leaves the original intact and valid;
its temporary file is named by `check` and removed by the next write."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from site_builder.editing import EditError
from site_builder.editing.actions import LogEntry, log_change
from site_builder.editing.writer import apply, write_atomic
from site_builder.loading.loader import load
from tests.conftest import WriteData

ORIGINAL = "# 2026\n- date: 2026-01-05  # keep me\n  with: [ada-lovelace]\n  kind: call\n"


def _data(write_data: WriteData) -> Path:
    return write_data(
        {
            "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
            "interactions/2026.yml": ORIGINAL,
        }
    )


def test_failed_rename_keeps_the_original_and_leaves_no_temp_file(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _data(write_data)
    context = load(root).dataset
    change = log_change(context, LogEntry(["ada-lovelace"], "coffee", dt.date(2026, 2, 1)))

    def crash(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(EditError, match="No space left on device; it was left as it was"):
        apply(context, [change])
    folder = root / "interactions"
    assert (folder / "2026.yml").read_text("utf-8") == ORIGINAL
    assert [p.name for p in folder.iterdir()] == ["2026.yml"]
    assert load(root).ok


def test_process_killed_before_rename_leaves_a_valid_data_folder(write_data: WriteData) -> None:
    root = _data(write_data)
    script = textwrap.dedent(f"""
        import datetime as dt, os
        from pathlib import Path
        from site_builder.editing.actions import LogEntry, log_change
        from site_builder.editing.writer import apply
        from site_builder.loading.loader import load
        os.replace = lambda *args: os._exit(9)   # the power goes out right here
        context = load(Path({str(root)!r})).dataset
        entry = LogEntry(["ada-lovelace"], "coffee", dt.date(2026, 2, 1))
        apply(context, [log_change(context, entry)])
    """)
    killed = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True)
    assert killed.returncode == 9, killed.stderr
    folder = root / "interactions"
    assert (folder / "2026.yml").read_text("utf-8") == ORIGINAL
    leftovers = [p.name for p in folder.iterdir() if p.name != "2026.yml"]
    [leftover] = leftovers
    assert leftover.startswith(".2026.yml.netdash-") and leftover.endswith(".tmp")
    result = load(root)
    assert result.ok  # the leftover is never read, only named
    [warning] = result.problems
    assert (warning.path, warning.severity) == (folder / leftover, "warning")
    assert f"interactions/{leftover}" in warning.message

    context = result.dataset
    apply(context, [log_change(context, LogEntry(["ada-lovelace"], "call", dt.date(2026, 2, 2)))])
    assert [p.name for p in folder.iterdir()] == ["2026.yml"]  # the next write removed it
    assert load(root).problems == []


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: 1\n")
    with pytest.raises(EditError, match="changed while it was being edited"):
        write_atomic(path, "a: 2\n", expected="a: 0\n")
    with pytest.raises(EditError, match="already exists"):
        write_atomic(path, "a: 2\n", expected=None)
    assert path.read_text() == "a: 1\n"


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: 1\n")
    path.chmod(0o640)
    write_atomic(path, "a: 2\n", expected="a: 1\n")
    assert path.read_text() == "a: 2\n"
    assert path.stat().st_mode & 0o777 == 0o640
