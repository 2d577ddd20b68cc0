"""Measure one operation in this process: `python -m benchmarks.measure OP DATA [SITE]`.

Prints one JSON line: wall seconds (imports included, as a user waits for them), the
processor seconds the process used (user + system: steadier than wall time when other
work shares the machine) and its peak resident memory. Run in a fresh process per
measurement, so that peaks do not carry over.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

TODAY = dt.date(2026, 11, 22)
COMPUTE_RUNS = 3


def _check(data: Path) -> None:
    """`netdash check` as a user runs it: the command line's imports included."""
    from site_builder.cli.app import app

    app(["check", "--data", str(data)], standalone_mode=False)


def _load(data: Path) -> None:
    """What `compute` is timed after: the data loaded and the engine imported. Counting
    instructions, this is subtracted from `compute` to leave the engine's own."""
    from site_builder.compute import compute  # noqa: F401
    from site_builder.loading.loader import load

    load(data)


def _compute(data: Path) -> dict[str, float]:
    """Load, then time `compute` alone (the figure its target speaks of), run as `netdash
    build` and `netdash report` run it (with the garbage collector paused): wall and
    processor seconds of the first run, as a build waits for it, and of the fastest of
    `COMPUTE_RUNS` (as `timeit` takes it: the run least disturbed by other work on the
    machine), which the growth series compares."""
    from site_builder.compute import compute
    from site_builder.loading.loader import load
    from site_builder.pipeline.collector import paused_gc

    dataset = load(data).dataset
    runs = []
    for _ in range(COMPUTE_RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        with paused_gc():
            report = compute(dataset, TODAY)
        runs.append((time.perf_counter() - start, time.process_time() - start_cpu))
    agenda = min(_agenda_cpu(dataset, report) for _ in range(COMPUTE_RUNS))
    fastest_cpu = min(cpu for _, cpu in runs)
    return {
        "seconds": runs[0][0],
        "cpu_seconds": runs[0][1],
        "fastest_seconds": min(wall for wall, _ in runs),
        "fastest_cpu_seconds": fastest_cpu,
        "agenda_cpu_seconds": agenda,
        "agenda_share": agenda / (fastest_cpu - agenda),
    }


def _agenda_cpu(dataset: Any, report: Any) -> float:
    """Processor seconds of planning the week alone (drafts included), from the parts of
    the report it is planned from, as `compute` plans it."""
    from site_builder.compute.agenda import plan
    from site_builder.compute.index import build_index
    from site_builder.pipeline.collector import paused_gc

    index = build_index(dataset, TODAY)
    start = time.process_time()
    with paused_gc():
        plan(
            index,
            report.touchpoints,
            report.people,
            key_dates=report.key_dates,
            follow_ups=report.follow_ups,
            event_follow_ups=report.event_follow_ups,
            journal_actions=report.journal_actions,
            introductions=report.introductions,
        )
    return time.process_time() - start


def _build(data: Path, site: Path) -> None:
    from typer.testing import CliRunner

    from site_builder.cli.app import app

    os.environ["NETDASH_DATA"] = str(data)
    result = CliRunner().invoke(
        app, ["build", "--today", TODAY.isoformat(), "--site-dir", str(site)]
    )
    if result.exit_code != 0:
        raise SystemExit(f"netdash build failed:\n{result.output}")


def _bare(docs: Path, site: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(docs.parent / "mkdocs.yml"), site_dir=str(site)))


def main() -> None:
    """Run the operation named on the command line and print its figures."""
    operation, data = sys.argv[1], Path(sys.argv[2])
    site = Path(sys.argv[3]) if len(sys.argv) > 3 else data.parent / "site"
    timed: dict[str, float] = {}
    if operation == "check":
        _check(data)
    elif operation == "load":
        _load(data)
    elif operation == "compute":
        timed = _compute(data)
    elif operation == "build":
        _build(data, site)
    elif operation == "bare":
        _bare(data, site)
    else:
        raise SystemExit(f"unknown operation {operation!r}")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "seconds": time.perf_counter() - STARTED,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        **timed,
    }
    print(json.dumps({**figures, "peak_rss_bytes": usage.ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
