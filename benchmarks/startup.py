"""How quickly `netdash check` answers, beside a process that only parses the same files.

Both are fresh processes, timed from the outside (start-up and imports included, as a
user waits for them). The floor is Python itself reading the data: a script that globs
the data folder and parses every file with `yaml_rs`, as netdash's reader does, and
nothing else. The two run in turns, several rounds, so that other work on the machine
slows both alike; the figure is the ratio of their medians. Both run with their modules'
bytecode compiled once beforehand (a warm-up run, into a cache folder of the run's own),
as an installed netdash runs. With Valgrind, the instructions each executes are counted
too: the same ratio, apart from the machine's load.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.instructions import count_command, valgrind

PARSE_ONLY = """\
import glob, sys, yaml_rs
for name in glob.glob(sys.argv[1] + "/**/*.yml", recursive=True):
    with open(name, encoding="utf-8") as file:
        yaml_rs.loads(file.read(), parse_datetime=False)
"""
"""The floor: read and parse every data file, nothing else."""


def commands(data: Path) -> dict[str, list[str]]:
    """The two processes compared: `netdash check` and the parse-only floor."""
    return {
        "check": [sys.executable, "-m", "site_builder", "check", "--data", str(data)],
        "parse_only": [sys.executable, "-c", PARSE_ONLY, str(data)],
    }


def environment(root: Path, bytecode: Path) -> dict[str, str]:
    """The processes' environment: this checkout's code, bytecode cached in `bytecode`."""
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONPYCACHEPREFIX": str(bytecode)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(name: str, command: list[str], env: dict[str, str], root: Path) -> float:
    """Wall seconds of one run of `command`; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"start-up: {name} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def measure_startup(data: Path, root: Path, rounds: int) -> dict[str, Any]:
    """`netdash check` on `data` and the parse-only floor, in turns for `rounds` rounds
    after one untimed warm-up each: the medians, every run, and check / floor."""
    compared = commands(data)
    env = environment(root, data.parent / "bytecode")
    runs: dict[str, list[float]] = {name: [] for name in compared}
    for round_ in range(rounds + 1):
        for name, command in compared.items():
            seconds = timed(name, command, env, root)
            if round_:  # the first round compiles the bytecode
                runs[name].append(seconds)
    check, floor = (statistics.median(runs[name]) for name in ("check", "parse_only"))
    return {
        "check_seconds": check,
        "parse_only_seconds": floor,
        "check_over_parse_only": check / floor,
        "runs": runs,
        "instructions": instructions(compared, env, root),
    }


def instructions(compared: dict[str, list[str]], env: dict[str, str], root: Path) -> dict[str, Any]:
    """Instructions each process executes, and check / floor; skipped without Valgrind."""
    if valgrind() is None:
        return {"skipped": "no Valgrind installed"}
    counts = {name: count_command(command, env, root) for name, command in compared.items()}
    return {**counts, "check_over_parse_only": counts["check"] / counts["parse_only"]}


def describe(startup: dict[str, Any]) -> str:
    """One line for the report."""
    rounds = len(startup["runs"]["check"])
    counted = startup["instructions"]
    work = (
        f"; instructions {counted['check'] / 1e6:,.0f} M / {counted['parse_only'] / 1e6:,.0f} M: "
        f"{counted['check_over_parse_only']:.2f}x"
        if "skipped" not in counted
        else ""
    )
    return (
        f"start-up: netdash check {startup['check_seconds']:.3f} s, parsing the same files "
        f"alone {startup['parse_only_seconds']:.3f} s: "
        f"{startup['check_over_parse_only']:.2f}x (medians of {rounds} rounds){work}"
    )
