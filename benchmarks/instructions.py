"""Instructions executed, counted by Valgrind (cachegrind, its cache simulation off).

The time a doubling of the data takes mixes two things: the work done, and how much of the
data the processor's caches still hold (on this machine the 1k set fits its 32 MiB cache and
the 2k set does not). The count of instructions is the work alone, whatever else the
machine does (with string hashing seeded, the same on every run): a quadratic step shows
in it as a ratio near 4 per doubling, sorting as a little over 2 (n log n), and a linear
pass as 2.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.measure import COMPUTE_RUNS

VALGRIND_ARGS = ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def valgrind() -> str | None:
    """Valgrind's path, or None when it is not installed (`apt-get install valgrind`)."""
    return shutil.which("valgrind")


def count(operation: str, data: Path, root: Path) -> int:
    """Instructions one fresh process of `benchmarks.measure OPERATION DATA` executes."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.measure",
        operation,
        str(data),
        str(data.parent / "site-valgrind"),
    ]
    return count_command(command, {**os.environ, "PYTHONPATH": str(root)}, root)


def count_command(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Instructions one fresh process of `command` executes (string hashing seeded)."""
    path = valgrind()
    if path is None:
        raise RuntimeError("no Valgrind (apt-get install valgrind)")
    done = subprocess.run(
        [path, *VALGRIND_ARGS, *command],
        cwd=cwd,
        env={**env, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind {command[1:4]} failed:\n{done.stdout}\n{done.stderr}")
    return int(found.group(1).replace(",", ""))


def measure_instructions(data: Path, root: Path) -> dict[str, float]:
    """`check` as timed (the whole command, imports included) and `compute` alone: a
    process that loads the data and computes `COMPUTE_RUNS` times, less one that only
    loads it, per run."""
    loaded = count("load", data, root)
    return {
        "check": count("check", data, root),
        "compute": (count("compute", data, root) - loaded) / COMPUTE_RUNS,
    }
