"""A reader that stops early (`netdash due | head -1`): the command ends quietly, status 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize(
    "args",
    [
        ["due"],  # rich's tables
        ["report", "--json"],  # more than a pipe holds: the write itself fails
        ["check", "--format", "json"],  # little output: the last flush fails
    ],
    ids=" ".join,
)
def test_a_closed_pipe_ends_quietly_with_status_0(args: list[str]) -> None:
    env = {**os.environ, "NETDASH_TODAY": "2026-11-20"}
    command = [sys.executable, "-m", "site_builder", *args]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the command writes a byte
        errors = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert status == 0, errors
    assert "Error" not in errors and "Traceback" not in errors


def test_other_failures_keep_their_status() -> None:
    env = {**os.environ, "NETDASH_TODAY": "2026-11-20"}
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "due", "--data", "nowhere"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "data folder not found" in result.stderr
