"""The pages laid out to read well: every month of the metrics shown, names in words,
long lists that open in place, links that land filtered, person summaries search reads."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

import pytest

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.site.context import Site, person_uri
from site_builder.site.generate import generate
from site_builder.site.pages import circles
from tests.site_support import REPO, whole_text

DEMO_TODAY = dt.date(2026, 11, 23)
MORE = re.compile(r'<details class="nd-more"><summary>and (\d+) more</summary>(.*?)</details>')


@pytest.fixture(scope="module")
def demo() -> Site:
    result = load(REPO / "data")
    assert result.ok, result.problems
    return Site(result.dataset, compute(result.dataset, DEMO_TODAY), tuple(result.problems))


@pytest.fixture(scope="module")
def pages(demo: Site) -> dict[str, str]:
    return {page.src_uri: whole_text(page) for page in generate(demo)}


def _headers(table: str) -> list[str]:
    return re.findall(r"<th>([^<]*)</th>", table)


def test_the_metrics_show_the_year_in_two_halves_of_six_months(pages: dict[str, str]) -> None:
    monthly = pages["metrics.md"].split("## Month by month", 1)[1]
    tables = monthly.split("</table>")[:2]
    assert _headers(tables[0]) == ["Metric", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026",
                                   "May 2026", "Jun 2026"]  # fmt: skip
    assert _headers(tables[1]) == ["Metric", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026",
                                   "Nov 2026", "Dec 2026", "Year", "Last 90 d"]  # fmt: skip
    assert '<td data-label="Metric">Dormant contacts reconnected</td>' in tables[1]


def test_targets_and_habits_are_named_in_words(pages: dict[str, str]) -> None:
    roadmap = pages["roadmap.md"]
    assert "Events attended (conference)" in roadmap
    assert "New contacts (influence 4 or more)" in roadmap
    assert "Dormant contacts reconnected, every week" in roadmap
    words = re.sub(r"<[^>]*>|data-chart='[^']*'", " ", roadmap)
    assert "dormant_reconnected" not in words and "kind = " not in words


def test_the_phase_under_way_comes_first(demo: Site, pages: dict[str, str]) -> None:
    current = next(p.phase for p in demo.report.roadmap if p.current)
    assert current != demo.report.roadmap[0].phase
    titles = re.findall(r'nd-phase[^"]*"><p class="nd-card__title">([^<]*)<', pages["roadmap.md"])
    assert titles[0] == current.replace("&", "&amp;")
    assert len(titles) == len(demo.report.roadmap)


def test_and_n_more_opens_to_the_rest_of_the_names(demo: Site, pages: dict[str, str]) -> None:
    found = MORE.findall(pages["matrix.md"])
    assert found
    for count, rest in found:
        assert rest.count("<a href=") == int(count)


def test_filter_the_directory_lands_filtered(demo: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(circles, "MEMBERS_SHOWN", 5)
    text = whole_text(circles.render(demo))
    for circle in ("inner", "middle", "outer"):
        assert f'<a href="../people/?circle={circle}">Filter the directory</a>' in text


def test_a_person_summary_indexes_words_apart_and_the_name_without_accents(
    pages: dict[str, str],
) -> None:
    chloe = pages[person_uri("chloe-martin")]
    assert '<span class="nd-tag">credit building</span> <span class="nd-tag">climbing</span>' in (
        chloe
    )
    assert "<p hidden>Chloe Martin · Tidepool Credit · London, UK</p>" in chloe
    aydin = pages[person_uri("mehmet-aydin")]
    assert "<p hidden>Mehmet Aydin" in aydin
    assert "<p hidden>" not in pages[person_uri("aiko-brennan")]  # no accent, nothing added


def test_the_directory_filter_matches_names_without_accents(pages: dict[str, str]) -> None:
    row = re.search(r'<tr [^>]*data-text="(inês carvalho[^"]*)"', pages["people/index.md"])
    assert row and "ines carvalho" in row.group(1)


def _spec(page: str, label: str) -> dict[str, Any]:
    """The spec of the chart described by `label` on a page."""
    found = re.search(r"data-chart='([^']*)' role=\"img\" aria-label=\"" + re.escape(label), page)
    assert found, label
    spec: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return spec


def test_the_value_mix_sets_each_share_beside_its_target(pages: dict[str, str]) -> None:
    spec = _spec(pages["index.md"], "Value mix of the last 90 days")
    actual, target = spec["data"]
    assert actual["text"] == ["75%", "18%", "7%"]  # no count in brackets to read as a target
    assert actual["x"] == ["give<br>target 70%", "share<br>target 20%", "ask<br>target 10%"]
    assert target["type"] == "bar" and target["y"] == [70, 20, 10] and "text" not in target
    assert spec["layout"]["barmode"] == "group"


def test_a_habit_draws_its_target_behind_the_bars_on_whole_numbers(
    pages: dict[str, str],
) -> None:
    spec = _spec(pages["roadmap.md"], "Events attended, every quarter")
    layout = spec["layout"]
    assert [trace["type"] for trace in spec["data"]] == ["bar"]
    assert {shape["layer"] for shape in layout["shapes"]} == {"below"}
    assert layout["yaxis"]["dtick"] == 1 and layout["yaxis"]["tickformat"] == ",d"
    assert layout["xaxis"]["tickangle"] == 0
    assert layout["xaxis"]["tickvals"][-1] == "Q4<br>2026"  # the current quarter labelled


def test_the_circles_share_one_scale(pages: dict[str, str]) -> None:
    spec = _spec(pages["circles.md"], "Contacts per circle")
    layout = spec["layout"]
    assert not [key for key in layout if re.fullmatch(r"[xy]axis\d+", key)]
    traces = spec["data"]
    assert {t.get("xaxis", "x") for t in traces} == {"x"}
    assert layout["xaxis"]["range"][1] >= 150  # the outer circle's target band fits
