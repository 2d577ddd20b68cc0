"""Edits at scale: `netdash log` into the biggest year file, beside `netdash check` of the
same data.

    python benchmarks/edit_scale.py              # on the large set (generated), 3 rounds
    python benchmarks/edit_scale.py --repeat 5

A log reads the data as check does, then judges the year file it writes as check judges
it; so it costs check and that file once more. Both run as a user runs them, each in a
fresh process, on a copy of the data (a log writes): a round runs check, then log, and
the figure is the median of the rounds' ratios, log / check (target: at most 2).
`benchmarks/run.py` measures it on its largest data set.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import TODAY  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402

TARGET = 2.0
"""`netdash log` takes at most this many times as long as `netdash check`."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _netdash(*arguments: str) -> tuple[float, float]:
    """Wall and processor seconds of one netdash command in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"netdash {' '.join(arguments)} failed:\n{done.stderr}")
    return time.perf_counter() - start, _children_cpu() - start_cpu


def biggest_year(data: Path) -> Path:
    """The largest interactions file."""
    return max((data / "interactions").glob("*.yml"), key=lambda path: path.stat().st_size)


def measure_edit_scale(data: Path, repeat: int) -> dict[str, Any]:
    """`netdash check` and `netdash log` (into the biggest year file) on a copy of `data`,
    `repeat` rounds."""
    with tempfile.TemporaryDirectory(prefix="netdash-edit-") as folder:
        copy = Path(shutil.copytree(data, Path(folder) / "data"))
        year = biggest_year(copy)
        size, records = year.stat().st_size, year.read_text("utf-8").count("\n- ")
        person = min(path.stem for path in (copy / "contacts").glob("*.yml"))
        log = ["log", person, "--kind", "call", "--date", f"{year.stem}-06-01"]
        rounds = []
        for _ in range(repeat):
            check = _netdash("check", "--data", str(copy))
            logged = _netdash(*log, "--summary", "Benchmark", "--data", str(copy))
            rounds.append((check, logged))
    return {
        "year_file": year.name,
        "year_file_bytes": size,
        "year_file_records": records,
        "check_seconds": statistics.median(check[0] for check, _ in rounds),
        "log_seconds": statistics.median(logged[0] for _, logged in rounds),
        "log_over_check": statistics.median(logged[0] / check[0] for check, logged in rounds),
        "log_over_check_cpu": statistics.median(logged[1] / check[1] for check, logged in rounds),
        "runs": [[check[0], logged[0]] for check, logged in rounds],
        "target": TARGET,
    }


def describe(figures: dict[str, Any]) -> str:
    """One line: the times, the ratio and whether it meets its target."""
    ratio = figures["log_over_check"]
    verdict = "met" if ratio <= figures["target"] else "MISSED"
    return (
        f"edit at scale: netdash log into {figures['year_file']} "
        f"({figures['year_file_bytes'] / 2**20:.1f} MiB, {figures['year_file_records']:,} "
        f"records) {figures['log_seconds']:.2f} s, netdash check {figures['check_seconds']:.2f} s"
        f": log / check x{ratio:.2f} (processor time x{figures['log_over_check_cpu']:.2f}); "
        f"target <= x{figures['target']:.0f}: {verdict}"
    )


def main() -> None:
    """Generate the large set, measure, print."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds of check then log")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netdash-bench-") as folder:
        data = generate(
            Path(folder) / "data", contacts=10_000, interactions=100_000, events=400, today=TODAY
        )
        print(describe(measure_edit_scale(data, args.repeat)))


if __name__ == "__main__":
    main()
