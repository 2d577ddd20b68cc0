"""Benchmarks: netdash check, compute and build beside a bare MkDocs build of as many pages.

    python benchmarks/run.py            # the full run (minutes), the figures in the README
    python benchmarks/run.py --quick    # small sizes, once each: a smoke run for CI

Data sets are synthetic and seeded (benchmarks/synthetic.py). Each measurement runs in a
fresh process (benchmarks/measure.py) and reports wall time and peak memory; the table
shows the median of `--repeat` runs. Results go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import TODAY  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402


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


def measure(operation: str, target: Path, site: Path, repeat: int) -> dict[str, float]:
    """Median seconds and the largest peak memory over `repeat` fresh processes."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.measure", operation, str(target), str(site)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{operation} on {target} failed:\n{done.stdout}\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak_rss_mib": max(r["peak_rss_bytes"] for r in runs) / 2**20,
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


def run_size(size: Size, work: Path, repeat: int) -> dict[str, object]:
    """Every measurement for one data set."""
    data = generate(
        work / size.name / "data",
        contacts=size.contacts,
        interactions=size.interactions,
        events=size.events,
        today=TODAY,
    )
    site = work / size.name / "site"
    result: dict[str, object] = {"contacts": size.contacts, "interactions": size.interactions}
    for operation in ("check", "compute", "build"):
        result[operation] = measure(operation, data, site, repeat)
    result["pages"] = pages = count_pages(site)
    docs = bare_site(work / size.name / "bare", pages)
    result["bare_mkdocs"] = measure("bare", docs, work / size.name / "bare-site", repeat)
    build, bare = result["build"], result["bare_mkdocs"]
    assert isinstance(build, dict) and isinstance(bare, dict)
    result["build_over_bare"] = build["seconds"] / bare["seconds"]
    return result


def growth(results: dict[str, dict[str, object]]) -> dict[str, dict[str, float]]:
    """Time ratios between consecutive sizes of the growth series (2.0 = linear)."""
    names = [name for name in results if name.startswith("growth")]
    ratios: dict[str, dict[str, float]] = {}
    for small, big in itertools.pairwise(names):
        ratios[f"{big}/{small}"] = {
            op: results[big][op]["seconds"] / results[small][op]["seconds"]  # type: ignore[index]
            for op in ("check", "compute", "build")
        }
    return ratios


def table(results: dict[str, dict[str, object]]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| data set | contacts | interactions | pages | check s | compute s | build s "
        "| bare mkdocs s | build / bare | peak MiB (build) |",
        "|---" * 10 + "|",
    ]
    for name, r in results.items():
        check, compute, build, bare = (r[k] for k in ("check", "compute", "build", "bare_mkdocs"))
        lines.append(
            f"| {name} | {r['contacts']:,} | {r['interactions']:,} | {r['pages']:,} "
            f"| {check['seconds']:.2f} | {compute['seconds']:.2f} | {build['seconds']:.2f} "  # type: ignore[index]
            f"| {bare['seconds']:.2f} | {r['build_over_bare']:.2f} "  # type: ignore[index]
            f"| {build['peak_rss_mib']:.0f} |"  # type: ignore[index]
        )
    return "\n".join(lines)


def main() -> None:
    """Generate, measure, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--repeat", type=int, default=None, help="runs per measurement")
    parser.add_argument("--only", nargs="*", help="names of data sets to run")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    sizes = [s for s in (QUICK if args.quick else FULL) if not args.only or s.name in args.only]
    repeat = args.repeat or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="netdash-bench-") as folder:
        results = {}
        for size in sizes:
            print(f"measuring {size.name} ...", file=sys.stderr, flush=True)
            results[size.name] = run_size(size, Path(folder), repeat)
    report = {
        "today": TODAY.isoformat(),
        "repeat": repeat,
        "quick": args.quick,
        "results": results,
        "growth": growth(results),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(results))
    for pair, ratios in report["growth"].items():
        print(f"growth {pair}: " + ", ".join(f"{op} x{v:.2f}" for op, v in ratios.items()))


if __name__ == "__main__":
    main()
