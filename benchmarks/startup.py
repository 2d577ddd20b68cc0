"""How quickly `netdash check` answers, beside a process that only parses the same files.

Both are fresh processes, timed from the outside (start-up and imports included, as a
user waits for them). The floor is Python itself reading the data: a script that globs
the data folder and parses every file with `yaml_rs`, as netdash's reader does, and
nothing else. The two run in turns, several rounds, so that other work on the machine
slows both alike, and each is timed in wall and in processor seconds (user + system).
Both run with their modules' bytecode compiled once beforehand (a warm-up run, into a
cache folder of the run's own), as an installed netdash runs.

The target is on the ratio of the median processor times. On a quiet machine a user waits
that long; on a busy one the wall time also counts the time each process waits for a
processor, a wait about as long for the short process as for the long one, which pulls
the wall ratio towards 1 (on 2 busy processors it ranged from 2.5x to 5.7x for the same
code). With Valgrind, the instructions each executes are counted too: the work itself,
apart from the machine.
"""

from __future__ import annotations

import os
import resource
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

NAMES = ("check", "parse_only")


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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, command: list[str], env: dict[str, str], root: Path) -> tuple[float, float]:
    """Wall and processor seconds of one run of `command`; it must succeed."""
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    seconds, cpu_seconds = time.perf_counter() - start, _children_cpu() - start_cpu
    if done.returncode != 0:
        raise SystemExit(f"start-up: {name} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, cpu_seconds


def measure_startup(data: Path, root: Path, rounds: int) -> dict[str, Any]:
    """`netdash check` on `data` and the parse-only floor, in turns for `rounds` rounds
    after one untimed warm-up each: medians, ratios (check / floor) and every run."""
    compared = commands(data)
    env = environment(root, data.parent / "bytecode")
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in NAMES}
    for round_ in range(rounds + 1):
        for name in NAMES:
            measured = timed(name, compared[name], env, root)
            if round_:  # the first round compiles the bytecode
                runs[name].append(measured)
    return {
        **figures(runs),
        "runs": {name: [wall for wall, _ in found] for name, found in runs.items()},
        "cpu_runs": {name: [cpu for _, cpu in found] for name, found in runs.items()},
        "instructions": instructions(compared, env, root),
    }


def figures(runs: dict[str, list[tuple[float, float]]]) -> dict[str, float]:
    """Median wall and processor seconds of each process, and check / floor of both."""
    wall = {name: statistics.median(w for w, _ in runs[name]) for name in NAMES}
    cpu = {name: statistics.median(c for _, c in runs[name]) for name in NAMES}
    return {
        "check_seconds": wall["check"],
        "parse_only_seconds": wall["parse_only"],
        "check_over_parse_only": wall["check"] / wall["parse_only"],
        "check_cpu_seconds": cpu["check"],
        "parse_only_cpu_seconds": cpu["parse_only"],
        "check_over_parse_only_cpu": cpu["check"] / cpu["parse_only"],
    }


def instructions(compared: dict[str, list[str]], env: dict[str, str], root: Path) -> dict[str, Any]:
    """Instructions each process executes, and check / floor; skipped without Valgrind."""
    if valgrind() is None:
        return {"skipped": "no Valgrind installed"}
    counts = {name: count_command(compared[name], env, root) for name in NAMES}
    return {**counts, "check_over_parse_only": counts["check"] / counts["parse_only"]}


def describe(startup: dict[str, Any]) -> str:
    """One line for the report."""
    counted = startup["instructions"]
    work = (
        f"; instructions {counted['check'] / 1e6:,.0f} M / {counted['parse_only'] / 1e6:,.0f} M "
        f"= {counted['check_over_parse_only']:.2f}x"
        if "skipped" not in counted
        else ""
    )
    return (
        f"start-up: netdash check / parsing the same files alone (medians of "
        f"{len(startup['runs']['check'])} rounds): processor "
        f"{startup['check_cpu_seconds']:.3f} s / {startup['parse_only_cpu_seconds']:.3f} s "
        f"= {startup['check_over_parse_only_cpu']:.2f}x, wall {startup['check_seconds']:.3f} s "
        f"/ {startup['parse_only_seconds']:.3f} s = {startup['check_over_parse_only']:.2f}x"
        f"{work}"
    )
