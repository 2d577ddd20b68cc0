"""Accessibility checked, not assumed: axe-core (shipped in axe-playwright-python's wheel,
so it runs offline) finds nothing serious or critical on any page of the demo site, in
light or dark mode, and badges are large enough to read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser, Page, sync_playwright

from tests.site_support import REPO
from tests.test_site_browser import ALL_DRAWN, CHROMIUM_ARGS, Served, chromium, serve_demo

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("serious", "critical")
PEOPLE = ("abena-owusu", "chloe-martin", "grace-adeyemi")


def _nav_paths(items: list[Any]) -> Iterator[str]:
    """The address of every page in mkdocs.yml's nav, in order."""
    for item in items:
        for value in item.values():
            if isinstance(value, list):
                yield from _nav_paths(value)
            else:
                page = str(value).removesuffix(".md").removesuffix("index")
                yield page if page == "" or page.endswith("/") else page + "/"


def site_paths() -> list[str]:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as stream:
        nav = yaml_load(stream)["nav"]
    people = [f"people/{person}/" for person in PEOPLE]
    return [*_nav_paths(nav), *people]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve_demo(tmp_path_factory.mktemp("a11y-demo") / "site")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium()
    with sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def findings(page: Page) -> list[str]:
    """axe's serious and critical findings on the page, one line per element."""
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def _open(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=20_000)
    page.wait_for_load_state("networkidle")


def test_the_demo_pages_are_the_nav_and_some_people(demo: Served) -> None:
    paths = site_paths()
    assert paths[:3] == ["", "week/", "touchpoints/"]
    assert "guide/hosting/" in paths and "people/" in paths
    for path in paths:
        assert (demo.site / path / "index.html").is_file(), path


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_nothing_serious_on_any_page(demo: Served, browser: Browser, scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 1400, "height": 900},
        color_scheme="light" if scheme == "light" else "dark",
    )
    page = context.new_page()
    by_page: dict[str, list[str]] = {}
    try:
        for path in site_paths():
            _open(page, demo.url + path)
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == SCHEMES[scheme], path
            if found := findings(page):
                by_page[path] = found
    finally:
        context.close()
    assert by_page == {}


def test_axe_sees_a_badge_that_is_too_faint(demo: Served, browser: Browser) -> None:
    """The check can fail: white text on the old amber (2.1:1) is a serious finding."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    try:
        _open(page, demo.url + "touchpoints/")
        page.add_style_tag(
            content=".md-typeset .nd-badge { background: #f59f00 !important; color: #fff !important }"
        )
        assert any(line.startswith("color-contrast (serious)") for line in findings(page))
    finally:
        context.close()


BADGE_SIZES = """() => [...document.querySelectorAll('article .nd-badge')]
    .filter(el => el.getClientRects().length)
    .map(el => parseFloat(getComputedStyle(el).fontSize))"""


@pytest.mark.parametrize("path", ["touchpoints/", "people/", "people/abena-owusu/", ""])
def test_badges_are_at_least_11_px(demo: Served, browser: Browser, path: str) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        _open(page, demo.url + path)
        sizes: list[float] = page.evaluate(BADGE_SIZES)
        assert sizes, f"{path} shows no badge"
        assert min(sizes) >= 11, (path, min(sizes))
    finally:
        context.close()


def test_axe_core_is_shipped_with_the_binding() -> None:
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    assert script.stat().st_size > 100_000  # the engine itself, not a loader from a CDN
