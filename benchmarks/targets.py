"""The performance targets, checked against a full run's results.

Each target names a figure of results.json, the limit it must stay within, and says
whether it does. A quick run has other sizes; its targets are not checked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KIB = 1024
GROWTH_LIMIT = 2.0
"""Doubling the data may at most double the time."""
STARTUP_LIMIT = 3.0
"""`netdash check` may take at most three times as long as parsing the files alone."""


@dataclass(frozen=True)
class Target:
    """One target and how the run did."""

    name: str
    value: float
    limit: float
    unit: str

    @property
    def met(self) -> bool:
        """True when the figure is within its limit."""
        return self.value <= self.limit

    def line(self) -> str:
        """`met  realistic: check 0.41 s <= 0.5 s`."""
        word = "met " if self.met else "MISS"
        unit = self.unit
        return f"{word}  {self.name}: {self.value:,.2f} {unit} <= {self.limit:,.2f} {unit}"

    def as_json(self) -> dict[str, Any]:
        """The target for results.json."""
        return {**asdict(self), "met": self.met}


def _seconds(results: dict[str, Any], size: str, operation: str) -> float:
    return float(results[size][operation]["seconds"])


def check(
    results: dict[str, Any],
    growth: dict[str, dict[str, float]],
    work_growth: dict[str, dict[str, float]],
    extra: dict[str, Any],
) -> list[Target]:
    """Every target the results speak to. Growth is checked twice: in time, as the issue
    words it, and in instructions executed, the work itself (see benchmarks/instructions.py:
    time also grows as the data outgrows the processor's caches)."""
    targets = []
    if "realistic" in results:
        real = results["realistic"]
        targets += [
            Target("realistic: netdash check", _seconds(results, "realistic", "check"), 0.5, "s"),
            Target("realistic: build / bare mkdocs build", real["build_over_bare"], 1.3, "x"),
        ]
    if "large" in results:
        large = results["large"]
        targets += [
            Target("large: netdash check", _seconds(results, "large", "check"), 10, "s"),
            Target("large: compute", _seconds(results, "large", "compute"), 5, "s"),
            Target(
                "large: the week's agenda, added to the rest of compute",
                large["compute"]["agenda_share"] * 100,
                10,
                "%",
            ),
            Target("large: full build", _seconds(results, "large", "build"), 60, "s"),
            Target("large: peak memory (build)", large["build"]["peak_rss_mib"], 2048, "MiB"),
        ]
    for pair, ratios in growth.items():
        for operation, ratio in ratios.items():
            if operation != "bare_mkdocs":  # MkDocs' own growth: shown, not a target
                targets.append(Target(f"growth {pair}: {operation}", ratio, GROWTH_LIMIT, "x"))
    for pair, ratios in work_growth.items():
        for operation, ratio in ratios.items():
            targets.append(
                Target(f"growth {pair}: {operation} (instructions)", ratio, GROWTH_LIMIT, "x")
            )
    for size, result in results.items():
        weight = result["weight"]
        targets += [
            Target(f"{size}: Home HTML", weight["home_html_bytes"] / KIB, 150, "KiB"),
            Target(
                f"{size}: Plotly's script named on one page",
                weight["plotly_references_most_on_a_page"],
                1,
                "times",
            ),
        ]
    browser = extra.get("browser")
    if browser and "drawn_ms_max" in browser:
        targets += [
            Target(
                "realistic: charts drawn after navigation start, cold cache (slowest page)",
                browser["drawn_ms_max"] / 1000,
                1.0,
                "s",
            ),
            Target(
                "realistic: charts drawn after navigation start, warm cache (slowest page)",
                browser["warm_drawn_ms_max"] / 1000,
                1.0,
                "s",
            ),
            Target(
                "realistic: Plotly's script requested in one page load",
                browser["plotly_requests_most_in_a_load"],
                1,
                "times",
            ),
        ]
    startup = extra.get("startup")
    if startup:
        targets.append(
            Target(
                "realistic: netdash check / parsing the same files alone (processor time)",
                startup["check_over_parse_only_cpu"],
                STARTUP_LIMIT,
                "x",
            )
        )
    serve = extra.get("serve")
    if serve and "seconds" in serve:
        targets.append(
            Target("realistic: data edit shown under netdash serve", serve["seconds"], 0.5, "s")
        )
    return targets
