"""How much a change adds to `compute`: this tree against an earlier commit, on one data set.

    python benchmarks/versus.py BASE [--size large] [--rounds 5]

The earlier commit is unpacked with `git archive` into a temporary folder; the data set is
generated once (benchmarks/synthetic.py) in a form both trees read. Each round times
`compute` in a fresh Python of each tree in turn (processor time, the fastest of three
runs in the process, the garbage collector paused), so both see the same load; the
fastest round of each is compared, as `timeit` compares, and so is each round's pair (the
median of their ratios), which a single lucky round moves less.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import TODAY  # noqa: E402
from benchmarks.run import FULL as SIZES  # noqa: E402
from benchmarks.synthetic import generate  # noqa: E402

TIMER = """
import datetime as dt, gc, sys, time
from pathlib import Path
from site_builder.compute import compute
from site_builder.loading.loader import load
dataset = load(Path(sys.argv[1])).dataset
day = dt.date.fromisoformat(sys.argv[2])
gc.disable()
runs = []
for _ in range(3):
    start = time.process_time()
    compute(dataset, day)
    runs.append(time.process_time() - start)
print(min(runs))
"""


def unpack(ref: str, into: Path) -> Path:
    """The tree of `ref` in `into` (its files only)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "site_builder"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def seconds(tree: Path, data: Path) -> float:
    """Processor seconds of one `compute` of `data` by the code in `tree`."""
    out = subprocess.run(
        [sys.executable, "-c", TIMER, str(data), TODAY.isoformat()],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        cwd=tree,  # `python -c` puts the working folder first on the path
    ).stdout
    return float(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the earlier commit (a git ref)")
    parser.add_argument("--size", default="large", choices=[s.name for s in SIZES])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    size = next(s for s in SIZES if s.name == args.size)
    with tempfile.TemporaryDirectory() as folder:
        base = unpack(args.base, Path(folder) / "base")
        data = generate(
            Path(folder) / "data",
            contacts=size.contacts,
            interactions=size.interactions,
            events=size.events,
            today=TODAY,
        )
        before, after = [], []
        for _ in range(args.rounds):
            before.append(seconds(base, data))
            after.append(seconds(ROOT, data))
    added = min(after) / min(before) - 1
    paired = statistics.median(now / then for then, now in zip(before, after, strict=True)) - 1
    print(
        f"{args.size}: compute {min(before):.3f} s at {args.base}, {min(after):.3f} s now: "
        f"{added * 100:+.1f} %; the median of the {args.rounds} rounds' own ratios "
        f"{paired * 100:+.1f} %"
    )


if __name__ == "__main__":
    main()
