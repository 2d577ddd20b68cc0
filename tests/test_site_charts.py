"""Every chart the pages draw for the demo data: a valid Plotly figure, in the form Plotly
itself writes, made only of the traces plotly.js's basic bundle draws (bar and scatter)."""

from __future__ import annotations

import copy
import datetime as dt
import html
import inspect
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import plotly.graph_objects as go
import pytest
from plotly.utils import PlotlyJSONEncoder

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.site.charts import activity, network, payoff, review, roadmap
from site_builder.site.charts.figure import Chart
from site_builder.site.context import Site
from site_builder.site.generate import generate
from tests.site_support import REPO, whole_text

DEMO_TODAY = dt.date(2026, 11, 23)
CHART_MODULES = (activity, network, roadmap, payoff, review)
BASIC_BUNDLE_TRACES = {"bar", "scatter"}
DATA_CHART = re.compile(r"data-chart='([^']*)'")

Spec = dict[str, Any]


def _chart_functions(module: ModuleType) -> Iterator[tuple[str, Callable[..., Chart]]]:
    """The public functions a chart module defines (not those it imports)."""
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if not name.startswith("_") and function.__module__ == module.__name__:
            yield name, function


def _counting(
    function: Callable[..., Chart], name: str, calls: Counter[str]
) -> Callable[..., Chart]:
    def counted(*args: Any, **kwargs: Any) -> Chart:
        calls[name] += 1
        return function(*args, **kwargs)

    return counted


def _specs(text: str) -> list[Spec]:
    """The parsed JSON of every `data-chart` attribute (single-quoted) in `text`."""
    return [json.loads(html.unescape(found)) for found in DATA_CHART.findall(text)]


@pytest.fixture(scope="module")
def demo_charts() -> tuple[list[tuple[str, Spec]], Counter[str]]:
    """Every chart spec of every demo page, by page, and the calls of each chart function."""
    result = load(REPO / "data")
    assert result.ok, result.problems
    site = Site(result.dataset, compute(result.dataset, DEMO_TODAY), tuple(result.problems))
    calls: Counter[str] = Counter()
    with pytest.MonkeyPatch.context() as patch:
        for module in CHART_MODULES:
            for name, function in _chart_functions(module):
                qualified = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
                patch.setattr(module, name, _counting(function, qualified, calls))
        specs = [
            (page.src_uri, spec) for page in generate(site) for spec in _specs(whole_text(page))
        ]
    return specs, calls


@pytest.fixture(scope="module")
def specs(demo_charts: tuple[list[tuple[str, Spec]], Counter[str]]) -> list[tuple[str, Spec]]:
    return demo_charts[0]


def _plotly_json(figure: go.Figure) -> Spec:
    """The figure as Plotly writes it, without its default template."""
    written: Spec = json.loads(json.dumps(figure.to_plotly_json(), cls=PlotlyJSONEncoder))
    written["layout"].pop("template", None)
    return written


def test_the_demo_draws_every_chart_function_into_its_pages(
    demo_charts: tuple[list[tuple[str, Spec]], Counter[str]],
) -> None:
    specs, calls = demo_charts
    functions = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
        for module in CHART_MODULES
        for name, _ in _chart_functions(module)
    }
    assert functions >= {"activity.workload", "network.circles", "roadmap.burnup"}
    assert set(calls) == functions  # each function drew at least one demo chart
    assert len(specs) == sum(calls.values())  # and every chart drawn is on a page
    assert {page for page, _ in specs} >= {"index.md", "metrics.md", "roadmap.md"}


def test_every_chart_is_a_valid_plotly_figure_as_plotly_writes_it(
    specs: list[tuple[str, Spec]],
) -> None:
    for page, spec in specs:
        figure = go.Figure(spec)  # raises on any property Plotly does not know
        assert _plotly_json(figure) == spec, page
        assert figure.layout.height == spec["layout"]["height"], page


def test_validation_refuses_a_misspelled_property(specs: list[tuple[str, Spec]]) -> None:
    _, spec = specs[0]
    go.Figure(spec)
    misspelt_trace = copy.deepcopy(spec)
    misspelt_trace["data"][0]["hovertemplat"] = "%{y}"
    with pytest.raises(ValueError, match="hovertemplat"):
        go.Figure(misspelt_trace)
    misspelt_layout = copy.deepcopy(spec)
    misspelt_layout["layout"]["xaxis"] = {"rangemod": "tozero"}
    with pytest.raises(ValueError, match="rangemod"):
        go.Figure(misspelt_layout)
    unknown_type = copy.deepcopy(spec)
    unknown_type["data"][0]["type"] = "bars"
    with pytest.raises(ValueError, match="bars"):
        go.Figure(unknown_type)


def test_every_trace_is_one_the_basic_bundle_draws(specs: list[tuple[str, Spec]]) -> None:
    types = Counter(trace.get("type") for _, spec in specs for trace in spec["data"])
    assert set(types) <= BASIC_BUNDLE_TRACES, types
    assert set(types) == BASIC_BUNDLE_TRACES  # both are drawn, so the check above has work


def test_chart_dates_are_iso_strings(specs: list[tuple[str, Spec]]) -> None:
    iso_date = re.compile(r"\d{4}-\d{2}-\d{2}")
    date_axes = [
        (page, spec)
        for page, spec in specs
        if spec["layout"].get("xaxis", {}).get("type") == "date"
    ]
    assert date_axes
    for page, spec in date_axes:
        for trace in spec["data"]:
            assert trace["x"] and all(
                isinstance(x, str) and iso_date.fullmatch(x) for x in trace["x"]
            ), page


def test_the_site_imports_neither_plotly_nor_numpy() -> None:
    script = (
        "import sys\n"
        "import site_builder.site.charts.activity, site_builder.site.charts.network\n"
        "import site_builder.site.charts.roadmap, site_builder.site.generate\n"
        "print(sorted({'plotly', 'numpy'} & {m.split('.')[0] for m in sys.modules}))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert found.stdout.strip() == "[]"
