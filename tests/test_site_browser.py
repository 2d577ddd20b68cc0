"""The built site in a real browser (Playwright driving Debian's Chromium), served by a
local http.server: pages load cleanly, charts draw and follow the palette, tables sort,
and hostile data stays text."""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site.runner import ENV_DATA, build_site
from tests.site_support import (
    HOSTILE_ACTIVITY,
    HOSTILE_COMMUNITY,
    HOSTILE_DECISION,
    HOSTILE_IMPROVE,
    HOSTILE_INDUSTRY,
    HOSTILE_NAME,
    HOSTILE_ROLE,
    REPO,
    hostile_files,
    project,
    unset_until_teardown,
    write_files,
)

pytestmark = pytest.mark.browser

DEMO_TODAY = dt.date(2026, 11, 23)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = [
    "",
    "touchpoints/",
    "people/",
    "circles/",
    "matrix/",
    "events/",
    "roadmap/",
    "metrics/",
    "journal/",
    "health/",
    "review/",
    "guide/editing/",
    "guide/data-format/",
    "guide/rules/",
    "guide/automation/",
    "guide/hosting/",
    "communities/",
    "intros/",
]
CHART_PAGES = ["", "touchpoints/", "circles/", "matrix/", "roadmap/", "metrics/", "review/"]
# Charts in view; those in a closed content tab are drawn when it opens.
SHOWN_CHARTS = (
    "[...document.querySelectorAll('.nd-chart')].filter(el => el.getClientRects().length)"
)
ALL_DRAWN = f"""() => {SHOWN_CHARTS}
    .every(el => el.classList.contains('nd-chart--drawn'))"""
SVG_COUNTS = f"""() => {SHOWN_CHARTS}
    .map(el => el.querySelectorAll('svg.main-svg').length)"""
# The charts of the page navigated to: fresh elements (the old ones were marked), all drawn.
NEW_CHARTS_DRAWN = f"""() => {{
    const charts = {SHOWN_CHARTS};
    return charts.length > 0 && charts.every(el => !el.hasAttribute('data-old')
        && el.classList.contains('nd-chart--drawn'));
}}"""
MARK_OLD = (
    "() => document.querySelectorAll('.nd-chart').forEach(el => el.setAttribute('data-old', ''))"
)
FONT_COLOUR = "() => document.querySelector('.nd-chart')._fullLayout.font.color"


def chromium() -> str:
    """The browser to drive; without one the tests skip, except in CI where they fail."""
    path = os.environ.get("NETDASH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("no Chromium: the browser tests need Debian's chromium package in CI")
        pytest.skip("no Chromium installed (apt-get install chromium)")
    return path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site without logging every request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Served:
    """A built site served on 127.0.0.1."""

    url: str
    site: Path


def serve(site: Path, build: Callable[[str], None]) -> Iterator[Served]:
    """Start a server for `site`, build into it for the server's address (instant
    navigation needs the right site_url), serve until the fixture ends."""
    site.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build(url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(url, site)
    finally:
        server.shutdown()
        server.server_close()


def serve_demo(site: Path) -> Iterator[Served]:
    """The demo, as of its own day, built strictly into `site` and served."""
    with pytest.MonkeyPatch.context() as env:
        unset_until_teardown(env, ENV_DATA)
        env.setenv(ENV_TODAY, DEMO_TODAY.isoformat())
        yield from serve(
            site,
            lambda url: build_site(REPO / "mkdocs.yml", strict=True, site_dir=site, site_url=url),
        )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_demo(tmp_path_factory.mktemp("browser-demo") / "site")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("browser-hostile")
    data = write_files(folder / "data", hostile_files())

    def build(url: str) -> None:
        build_site(project(folder, data, site_url=url), strict=True)

    yield from serve(folder / "site", build)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium()
    with sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Log:
    """What went wrong while a page was open."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.errors or self.failed or self.foreign or self.dialogs)


@pytest.fixture
def tab(browser: Browser) -> Iterator[tuple[Page, Log]]:
    """A fresh page in light mode, with everything worth failing for recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme="light")
    page = context.new_page()
    log = Log()
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("requestfailed", lambda r: log.failed.append(f"{r.url} {r.failure}"))
    page.on(
        "response", lambda r: log.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.on(
        "request",
        lambda r: (
            log.foreign.append(r.url)
            if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))
            else None
        ),
    )

    def on_dialog(dialog: Dialog) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page, log
    context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=20_000)
    page.wait_for_load_state("networkidle")


def test_every_page_loads_cleanly_and_draws_its_charts(demo: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    people = [f"people/{p.name}/" for p in sorted((demo.site / "people").iterdir()) if p.is_dir()][
        :3
    ]
    for path in [*PAGES, *people]:
        _open(page, demo.url + path)
        counts = page.evaluate(SVG_COUNTS)
        assert all(n >= 1 for n in counts), f"{path}: {counts}"
        if path in CHART_PAGES:
            assert counts, f"{path} has no chart"
        assert page.title(), path
    assert log.clean(), log


def test_plotly_loads_only_on_pages_with_charts(demo: Served, tab: tuple[Page, Log]) -> None:
    page, _ = tab
    plotly: list[str] = []
    page.on("request", lambda r: plotly.append(r.url) if "plotly" in r.url else None)
    _open(page, demo.url + "journal/")
    assert plotly == [] and page.evaluate("typeof window.Plotly") == "undefined"
    _open(page, demo.url + "metrics/")
    assert len(plotly) == 1


def test_charts_draw_after_instant_navigation(demo: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    _open(page, demo.url + "journal/")
    page.evaluate("window.netdashSamePage = true")
    for target in ("Metrics", "Roadmap & habits", "Home"):
        link = page.locator(".md-sidebar--primary .md-nav__link", has_text=target).first
        page.evaluate(MARK_OLD)
        link.click()
        page.wait_for_function(NEW_CHARTS_DRAWN, timeout=20_000)
        assert page.evaluate("window.netdashSamePage === true"), "a full reload, not instant"
        counts = page.evaluate(SVG_COUNTS)
        assert counts and all(n >= 1 for n in counts), (target, counts)
    assert log.clean(), log


def test_the_dark_toggle_rethemes_the_charts(demo: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    _open(page, demo.url + "metrics/")
    light = page.evaluate(FONT_COLOUR)
    page.locator("label[title='Switch to dark mode']:visible").click()
    page.wait_for_function(f"() => ({FONT_COLOUR})() !== {light!r}", timeout=10_000)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark = page.evaluate(FONT_COLOUR)
    page.locator("label[title='Switch to light mode']:visible").click()
    page.wait_for_function(f"() => ({FONT_COLOUR})() === {light!r}", timeout=10_000)
    assert dark != light and log.clean(), log


def test_a_chart_in_a_hidden_tab_fits_when_revealed(demo: Served, tab: tuple[Page, Log]) -> None:
    page, _ = tab
    _open(page, demo.url + "metrics/")
    label = page.locator(".tabbed-labels label", has_text="Location").first
    label.click()
    chart = page.locator(".tabbed-block:visible .nd-chart").first
    page.wait_for_function(
        "el => Math.abs(el._fullLayout.width - el.clientWidth) <= 2 && el.clientWidth > 300",
        arg=chart.element_handle(),
        timeout=10_000,
    )


def _column(page: Page, index: int) -> list[str]:
    return [
        text.strip()
        for text in page.locator(
            f"#nd-people tbody tr:not([hidden]) td:nth-child({index})"
        ).all_inner_texts()
    ]


def test_the_people_table_sorts_on_click(demo: Served, tab: tuple[Page, Log]) -> None:
    page, _ = tab
    _open(page, demo.url + "people/")
    header = page.locator("#nd-people th", has_text="Strength")
    header.click()
    ascending = [int(text.split()[0]) for text in _column(page, 7)]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    descending = [int(text.split()[0]) for text in _column(page, 7)]
    assert descending == sorted(descending, reverse=True)
    page.locator("#nd-people th", has_text="Name").click()
    names = _column(page, 1)
    assert names == sorted(names, key=str.lower)


def test_the_people_table_filters_by_circle_and_text(demo: Served, tab: tuple[Page, Log]) -> None:
    page, _ = tab
    _open(page, demo.url + "people/")
    total = page.locator("#nd-people tbody tr").count()
    page.select_option("select[data-filter='circle']", "inner")
    circles = page.locator("#nd-people tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.dataset.circle)"
    )
    assert circles and set(circles) == {"inner"} and len(circles) < total
    assert page.inner_text("[data-filter-count]") == str(len(circles))
    page.select_option("select[data-filter='circle']", "")
    first = _column(page, 1)[0]
    page.fill("input[data-filter='text']", first.lower())
    assert first in _column(page, 1) and len(_column(page, 1)) < total


def test_touchpoints_lists_the_overdue_people_of_the_demo(
    demo: Served, tab: tuple[Page, Log]
) -> None:
    report = compute(load(REPO / "data").dataset, DEMO_TODAY)
    overdue = [p.name for p in report.touchpoints if p.status == "overdue"]
    assert overdue, "the demo data should have someone overdue"
    page, _ = tab
    _open(page, demo.url + "touchpoints/")
    heading = page.locator("h2", has_text="Overdue")
    assert heading.inner_text().startswith(f"Overdue ({len(overdue)})")
    names = page.locator("h2:has-text('Overdue') + .nd-table tbody td:nth-child(2)")
    assert [n.strip() for n in names.all_inner_texts()] == overdue


def test_hostile_data_is_shown_as_text_and_runs_nothing(
    hostile: Served, tab: tuple[Page, Log]
) -> None:
    page, log = tab
    for path in [*PAGES[:10], "people/eve/", "people/ada/"]:
        _open(page, hostile.url + path)
    assert log.dialogs == []
    _open(page, hostile.url + "people/eve/")
    assert page.inner_text("article h1") == HOSTILE_NAME
    assert HOSTILE_ROLE in page.inner_text("article")
    assert (
        page.locator("article img, article script, article iframe, article svg[onload]").count()
        == 0
    )
    _open(page, hostile.url + "intros/")
    pair = page.locator("article tbody tr").first.inner_text()
    assert HOSTILE_NAME in pair and "both care about **interest**" in pair
    assert page.locator("article td script, article td b, article td strong").count() == 0
    _open(page, hostile.url + "metrics/")
    cells = page.locator("article td").all_inner_texts()
    assert HOSTILE_INDUSTRY in [cell.strip() for cell in cells]
    assert page.locator("article td b").count() == 0
    _open(page, hostile.url + "matrix/")
    hovered = []
    for point in page.locator(".nd-chart .scatterlayer .point").all():
        point.hover(force=True)  # Plotly takes the mouse over its drag layer
        hovered += page.locator(".nd-chart .hoverlayer text").all_text_contents()
    assert any(HOSTILE_NAME in text for text in hovered), hovered  # Plotly shows it as text
    assert page.locator(".nd-chart .hoverlayer a, .nd-chart script").count() == 0
    assert log.clean(), log


def test_searching_hostile_names_runs_nothing(hostile: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    _open(page, hostile.url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Eve")
    result = page.locator(".md-search-result__item", has_text="alert").first
    result.wait_for(timeout=15_000)
    assert '<script>alert("name")</script> Eve' in result.inner_text()
    assert log.dialogs == [] and log.errors == [], log


def test_the_communities_page_shows_hostile_names_as_text(
    hostile: Served, tab: tuple[Page, Log]
) -> None:
    page, _log = tab
    _open(page, hostile.url + "communities/")
    assert page.inner_text("article h2#guild") == HOSTILE_COMMUNITY
    assert HOSTILE_ACTIVITY in page.inner_text("article")
    assert page.locator("article img, article script, article strong a").count() == 0
    assert page.locator("#nd-communities tbody tr").count() == 1


def test_the_review_pages_and_the_strength_line(demo: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    _open(page, demo.url + "review/")
    assert page.inner_text("article h1").startswith("Review 2026 Q4")
    assert page.locator("article .nd-chart svg.main-svg").count() >= 1
    page.locator("article a", has_text="2026 Q3").first.click()
    page.wait_for_function(
        "() => document.querySelector('article h1').textContent.includes('2026 Q3')"
    )
    assert "Rosa Delgado" in page.locator("article table").last.inner_text()
    _open(page, demo.url + "people/rosa-delgado/")
    line = page.locator("article svg.nd-spark polyline")
    assert line.count() == 1 and len((line.get_attribute("points") or "").split()) == 12
    assert log.clean(), log


def test_hostile_review_notes_stay_text(hostile: Served, tab: tuple[Page, Log]) -> None:
    page, log = tab
    _open(page, hostile.url + "review/")
    assert HOSTILE_IMPROVE in page.inner_text("article")
    _open(page, hostile.url + "review/2026-q3/")
    assert HOSTILE_DECISION in page.inner_text("article")
    assert page.locator("article img, article script, article iframe").count() == 0
    assert page.locator("article strong").count() == 0  # **her** stays as written
    assert log.dialogs == [] and log.clean(), log
