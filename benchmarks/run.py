"""Benchmarks: netdash check, compute and build beside a bare MkDocs build of as many pages,
the weight of the built pages, charts drawn in a browser, and a data edit under serve.

    python benchmarks/run.py            # the full run (minutes), the figures in the README
    python benchmarks/run.py --quick    # small sizes, once each: a smoke run for CI

Data sets are synthetic and seeded (benchmarks/synthetic.py). Each measurement runs in a
fresh process (benchmarks/measure.py) and reports wall time, processor time and peak
memory; the table shows the median of `--repeat` runs. The runs go round (every set and
operation once per round, the bare build right after the build it is compared with), so
that other work on the machine slows all of them alike; build / bare is the median of the
ratios of those pairs, and the growth series' ratios compare the fastest runs.
On the growth series, Valgrind counts the instructions `check` and `compute` execute
(benchmarks/instructions.py): the work, apart from the caches and the machine's load.
Then, on the realistic set: page weight (benchmarks/weight.py, every set), charts drawn
in headless Chromium (benchmarks/browser.py) and the time a data edit takes to show under
`netdash serve` (benchmarks/serve.py), and how quickly `netdash check` answers beside a
process that only parses the same files (benchmarks/startup.py). A full run checks the
targets (benchmarks/targets.py). Results go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import targets  # noqa: E402
from benchmarks.browser import chromium, measure_browser, served  # noqa: E402
from benchmarks.edit_scale import describe as describe_edits  # noqa: E402
from benchmarks.edit_scale import measure_edit_scale  # noqa: E402
from benchmarks.instructions import measure_instructions, valgrind  # noqa: E402
from benchmarks.measure import TODAY  # noqa: E402
from benchmarks.serve import free_port, measure_serve  # noqa: E402
from benchmarks.startup import describe as describe_startup  # noqa: E402
from benchmarks.startup import measure_startup  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402
from benchmarks.weight import measure_weight  # noqa: E402

OPERATIONS = ("check", "compute", "build")


@dataclass(frozen=True)
class Size:
    """One data set to measure."""

    name: str
    contacts: int
    interactions: int
    events: int


FULL = [
    Size("realistic", 500, 2_000, 40),
    Size("large", 10_000, 100_000, 400),
    *(Size(f"growth-{n // 1000}k", n, 10 * n, n // 25) for n in (1_000, 2_000, 4_000, 8_000)),
]
QUICK = [
    Size("realistic", 50, 200, 5),
    Size("growth-1", 100, 1_000, 4),
    Size("growth-2", 200, 2_000, 8),
]


@dataclass(frozen=True)
class Settings:
    """How much of everything a run does."""

    repeat: int
    browser_loads: int
    serve_edits: int
    startup_rounds: int


def run_once(
    operation: str, target: Path, site: Path, env: dict[str, str] | None = None
) -> dict[str, float]:
    """One measurement, in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.measure", operation, str(target), str(site)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{operation} on {target} failed:\n{done.stdout}\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def summary(runs: list[dict[str, float]]) -> dict[str, Any]:
    """Median seconds (wall and processor), the fastest (over the runs, and over the repeats
    within a run where it repeats: compute) and the largest peak memory of the runs."""
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
        "fastest_seconds": min(r.get("fastest_seconds", r["seconds"]) for r in runs),
        "fastest_cpu_seconds": min(r.get("fastest_cpu_seconds", r["cpu_seconds"]) for r in runs),
        "peak_rss_mib": max(r["peak_rss_bytes"] for r in runs) / 2**20,
        "runs": [r["seconds"] for r in runs],
        **(
            {"agenda_share": statistics.median(r["agenda_share"] for r in runs)}
            if runs and "agenda_share" in runs[0]
            else {}
        ),
    }


def bare_site(folder: Path, pages: int) -> Path:
    """A plain MkDocs Material project of `pages` pages: the floor a build stands on."""
    docs = folder / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nA bare page.\n")
    for index in range(max(pages - 1, 0)):
        (docs / "people" / f"person-{index}.md").write_text(
            f"# Person {index}\n\nWorks at Example. Met at a meetup.\n\n"
            "| when | what |\n|---|---|\n| 2026-01-02 | coffee |\n| 2026-03-04 | call |\n"
        )
    (folder / "mkdocs.yml").write_text(
        "site_name: bare\ntheme: {name: material, font: false, "
        "features: [navigation.instant]}\nplugins: [search]\nnav: [index.md]\n"
    )
    return docs


def count_pages(site: Path) -> int:
    """HTML pages of a built site (the 404 page left out)."""
    return sum(1 for page in site.rglob("*.html") if page.name != "404.html")


@dataclass
class Prepared:
    """A data set written out, and where its sites are built."""

    size: Size
    data: Path
    site: Path
    bare: Path
    port: int
    """The built site is served there for the browser: its site_url."""
    bare_docs: Path | None = None

    @property
    def env(self) -> dict[str, str]:
        """What the build is given."""
        return {"NETDASH_SITE_URL": f"http://127.0.0.1:{self.port}/"}


def prepare(size: Size, work: Path) -> Prepared:
    """Write the data set."""
    data = generate(
        work / size.name / "data",
        contacts=size.contacts,
        interactions=size.interactions,
        events=size.events,
        today=TODAY,
    )
    return Prepared(size, data, work / size.name / "site", work / size.name / "bare", free_port())


def measure_all(sizes: list[Size], work: Path, settings: Settings) -> dict[str, Any]:
    """Every measurement of every data set. The runs go round: each round measures every
    operation of every set once, the bare build right after the build it is compared
    with, so that a busy spell of the machine falls on all of them alike."""
    prepared = [prepare(size, work) for size in sizes]
    runs: dict[str, dict[str, list[dict[str, float]]]] = {
        p.size.name: {op: [] for op in (*OPERATIONS, "bare_mkdocs")} for p in prepared
    }
    for round_ in range(settings.repeat):
        for p in prepared:
            print(
                f"measuring {p.size.name} (round {round_ + 1} of {settings.repeat}) ...",
                file=sys.stderr,
                flush=True,
            )
            for operation in OPERATIONS:
                runs[p.size.name][operation].append(run_once(operation, p.data, p.site, p.env))
            if p.bare_docs is None:
                p.bare_docs = bare_site(p.bare, count_pages(p.site))
            runs[p.size.name]["bare_mkdocs"].append(run_once("bare", p.bare_docs, p.bare / "site"))
    return {p.size.name: finish(p, runs[p.size.name], settings) for p in prepared}


def finish(
    p: Prepared, runs: dict[str, list[dict[str, float]]], settings: Settings
) -> dict[str, Any]:
    """The figures of one data set; on the realistic one, the browser and serve too."""
    result: dict[str, Any] = {
        "contacts": p.size.contacts,
        "interactions": p.size.interactions,
        "pages": count_pages(p.site),
    }
    result.update({operation: summary(found) for operation, found in runs.items()})
    # Each build is compared with the bare build run right after it, in the same spell of
    # the machine; the median of those ratios is the figure.
    pairs = list(zip(runs["build"], runs["bare_mkdocs"], strict=True))
    result["build_over_bare"] = statistics.median(b["seconds"] / m["seconds"] for b, m in pairs)
    result["build_over_bare_cpu"] = statistics.median(
        b["cpu_seconds"] / m["cpu_seconds"] for b, m in pairs
    )
    result["build_over_bare_runs"] = [b["seconds"] / m["seconds"] for b, m in pairs]
    result["weight"] = measure_weight(p.site)
    if p.size.name.startswith("growth"):
        result["instructions"] = instructions(p.data)
    if p.size.name == "realistic":
        result["browser"] = browser(p.site, p.port, settings.browser_loads)
        result["serve"] = measure_serve(ROOT, p.data, TODAY.isoformat(), settings.serve_edits)
        result["startup"] = measure_startup(p.data, ROOT, settings.startup_rounds)
    return result


def browser(site: Path, port: int, loads: int) -> dict[str, Any]:
    """Charts drawn in headless Chromium; skipped without a browser, except in CI."""
    if chromium() is None:
        if os.environ.get("CI"):
            raise SystemExit("no Chromium: the browser measurement needs it in CI")
        print("no Chromium: the browser measurement is skipped", file=sys.stderr)
        return {"skipped": "no Chromium installed"}
    with served(site, port) as url:
        return measure_browser(site, url, loads)


def instructions(data: Path) -> dict[str, Any]:
    """Instructions `check` and `compute` execute; skipped without Valgrind, except in CI."""
    if valgrind() is None:
        if os.environ.get("CI"):
            raise SystemExit("no Valgrind: the instruction counts need it in CI")
        print("no Valgrind: instructions are not counted", file=sys.stderr)
        return {"skipped": "no Valgrind installed"}
    print(f"counting instructions on {data.parent.name} ...", file=sys.stderr, flush=True)
    return measure_instructions(data, ROOT)


def instruction_growth(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Instruction ratios between consecutive sizes of the growth series (2.0 = linear)."""
    counted = [
        name
        for name in results
        if name.startswith("growth") and "skipped" not in results[name]["instructions"]
    ]
    return {
        f"{big}/{small}": {
            op: results[big]["instructions"][op] / results[small]["instructions"][op]
            for op in results[small]["instructions"]
        }
        for small, big in itertools.pairwise(counted)
    }


def growth(
    results: dict[str, dict[str, Any]], figure: str = "fastest_seconds"
) -> dict[str, dict[str, float]]:
    """Time ratios between consecutive sizes of the growth series (2.0 = linear), of the
    fastest runs: a busy spell of the machine slows single runs by 20-40 %, which would
    hide or fake a step in a ratio of medians. The bare MkDocs build's beside them shows
    how MkDocs itself grows."""
    names = [name for name in results if name.startswith("growth")]
    return {
        f"{big}/{small}": {
            op: results[big][op][figure] / results[small][op][figure]
            for op in (*OPERATIONS, "bare_mkdocs")
        }
        for small, big in itertools.pairwise(names)
    }


def table(results: dict[str, dict[str, Any]]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| data set | contacts | interactions | pages | check s | compute s | build s "
        "| bare mkdocs s | build / bare | peak MiB (build) | Home KiB |",
        "|---" * 11 + "|",
    ]
    for name, r in results.items():
        check, compute, build, bare = (r[k] for k in ("check", "compute", "build", "bare_mkdocs"))
        lines.append(
            f"| {name} | {r['contacts']:,} | {r['interactions']:,} | {r['pages']:,} "
            f"| {check['seconds']:.2f} | {compute['seconds']:.2f} | {build['seconds']:.2f} "
            f"| {bare['seconds']:.2f} | {r['build_over_bare']:.2f} "
            f"| {build['peak_rss_mib']:.0f} | {r['weight']['home_html_bytes'] / 1024:.0f} |"
        )
    return "\n".join(lines)


def details(results: dict[str, dict[str, Any]]) -> list[str]:
    """Lines on the agenda's share of compute, and the browser and serve measurements."""
    real = results.get("realistic", {})
    lines = [
        f"agenda: {name} {r['compute']['agenda_share'] * 100:.1f} % of the rest of compute"
        for name, r in results.items()
        if "agenda_share" in r.get("compute", {})
    ]
    browser = real.get("browser", {})
    if "pages" in browser:
        lines.append(
            "charts drawn after navigation start (ms, cold / warm cache): "
            + ", ".join(
                f"{page} {p['drawn_ms']:.0f} / {p['warm_drawn_ms']:.0f}"
                for page, p in browser["pages"].items()
            )
        )
    elif browser:
        lines.append(f"browser: {browser.get('skipped')}")
    if "startup" in real:
        lines.append(describe_startup(real["startup"]))
    serve = real.get("serve")
    if serve:
        lines.append(
            f"serve: a data edit showed after {serve['seconds']:.2f} s (median; "
            + ", ".join(f"{s:.2f}" for s in serve["runs"])
            + ")"
        )
    return lines


def machine() -> dict[str, Any]:
    """What the machine was doing: processors and load averages."""
    return {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    """Generate, measure, print and save."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--repeat", type=int, default=None, help="runs per measurement")
    parser.add_argument("--only", nargs="*", help="names of data sets to run")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    sizes = [s for s in (QUICK if args.quick else FULL) if not args.only or s.name in args.only]
    settings = (
        Settings(args.repeat or 1, browser_loads=1, serve_edits=2, startup_rounds=2)
        if args.quick
        else Settings(args.repeat or 3, browser_loads=3, serve_edits=5, startup_rounds=15)
    )
    before = machine()
    with tempfile.TemporaryDirectory(prefix="netdash-bench-") as folder:
        results = measure_all(sizes, Path(folder), settings)
        largest = max(sizes, key=lambda size: size.interactions).name
        edit_scale = measure_edit_scale(Path(folder) / largest / "data", settings.repeat)
    ratios = growth(results)
    cpu_ratios = growth(results, "fastest_cpu_seconds")
    work_ratios = instruction_growth(results)
    checked = (
        []
        if args.quick
        else targets.check(results, ratios, work_ratios, results.get("realistic", {}))
    )
    report = {
        "today": TODAY.isoformat(),
        "repeat": settings.repeat,
        "quick": args.quick,
        "machine": {"before": before, "after": machine()},
        "results": results,
        "growth": ratios,
        "growth_cpu": cpu_ratios,
        "growth_instructions": work_ratios,
        "targets": [target.as_json() for target in checked],
        "edit_scale": edit_scale,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(results))
    for pair, pair_ratios in ratios.items():
        print(
            f"growth {pair}: "
            + ", ".join(f"{op} x{v:.2f}" for op, v in pair_ratios.items())
            + " (processor time: "
            + ", ".join(f"x{v:.2f}" for v in cpu_ratios[pair].values())
            + ")"
        )
    for pair, pair_ratios in work_ratios.items():
        print(
            f"instructions {pair}: " + ", ".join(f"{op} x{v:.3f}" for op, v in pair_ratios.items())
        )
    for line in details(results):
        print(line)
    print(describe_edits(edit_scale))
    after = report["machine"]["after"]
    print(
        f"machine: {before['cpus']} processors, load average {before['load_average']} "
        f"before, {after['load_average']} after"
    )
    for target in checked:
        print(target.line())


if __name__ == "__main__":
    main()
