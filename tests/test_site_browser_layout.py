"""The site's layout in a real browser (Chromium, light and dark, a 390 px phone and a
1440 px screen): tables fit their column and become cards on a phone, Home leads with the
agenda, no raw metric name shows, charts read right, search ignores accents, long lists
open in place, filters live in the address, closed tabs draw their charts when opened."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from site_builder.compute.labels import METRIC_LABELS
from site_builder.models import Where
from tests.test_site_browser import PAGES, Served, browser, demo

__all__ = ["browser", "demo"]  # the fixtures: one built site and one browser for the module

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREEN = {"width": 1440, "height": 900}
GENERATED = [p for p in PAGES if not p.startswith("guide/")] + ["week/", "people/chloe-martin/"]
OVERFLOWING_TABLES = """() => [...document.querySelectorAll('article table')].map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    const column = document.querySelector('.md-content').getBoundingClientRect();
    const box = t.getBoundingClientRect();
    return {scroll: wrap.scrollWidth, width: wrap.clientWidth, right: box.right,
            column: column.right, shown: box.width > 0};
}).filter(t => t.shown && (t.scroll > t.width + 1 || t.right > t.column + 1))"""
# Visible text of the article, code left out (the guide names metrics as they are written).
VISIBLE_TEXT = """() => {
    const words = [];
    const walker = document.createTreeWalker(document.querySelector('article'),
        NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest('code, pre, script, [hidden]')) continue;
        if (parent.checkVisibility && !parent.checkVisibility()) continue;
        words.push(node.textContent);
    }
    return words.join(' ');
}"""
RAW_NAME = re.compile(
    r"\b(?:" + "|".join(name for name in METRIC_LABELS if "_" in name) + r")\b"
    r"|\b(?:" + "|".join(Where.model_fields) + r"|influence|accessibility) (?:=|>=) "
)
OPEN_EVERY_TAB = """async () => {
    for (const label of document.querySelectorAll('.tabbed-labels label')) {
        label.click();
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
    }
}"""
CHARTS_DRAWN = """() => [...document.querySelectorAll('.nd-chart')]
    .filter(el => el.getClientRects().length)
    .every(el => el.classList.contains('nd-chart--drawn'))"""


def _page(browser: Browser, viewport: dict[str, int], scheme: str) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture(params=["light", "dark"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    yield from _page(browser, PHONE, request.param)


@pytest.fixture(params=["light", "dark"])
def screen(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    yield from _page(browser, SCREEN, request.param)


# The tests that walk every page do it once: the colour scheme changes no layout.
@pytest.fixture
def dark_phone(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, PHONE, "dark")


@pytest.fixture
def light_screen(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, SCREEN, "light")


@pytest.fixture
def dark_screen(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, SCREEN, "dark")


def _load(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(CHARTS_DRAWN, timeout=20_000)


def test_tables_fit_their_column_on_a_screen(demo: Served, light_screen: Page) -> None:
    screen = light_screen
    for path in GENERATED:
        screen.goto(demo.url + path, wait_until="load")
        assert screen.evaluate(OVERFLOWING_TABLES) == [], path
    screen.goto(demo.url + "people/", wait_until="load")
    bar = screen.locator("#nd-people tbody tr").first.locator(".nd-bar").bounding_box()
    column = screen.locator(".md-content").bounding_box()
    assert bar and column and bar["width"] > 40
    assert bar["x"] + bar["width"] <= column["x"] + column["width"]  # the bar is whole


def test_tables_become_cards_that_name_each_cell_on_a_phone(demo: Served, dark_phone: Page) -> None:
    phone = dark_phone
    for path in GENERATED:
        phone.goto(demo.url + path, wait_until="load")
        assert phone.evaluate(OVERFLOWING_TABLES) == [], path
    phone.goto(demo.url + "touchpoints/", wait_until="load")
    cell = phone.locator("article table tbody tr").first.locator("td").nth(1)
    cell.scroll_into_view_if_needed()
    shown = cell.evaluate(
        "td => [getComputedStyle(td).display, getComputedStyle(td, '::before').content]"
    )
    assert shown == ["block", '"Name"']
    head = phone.locator("article table thead").first.bounding_box()
    assert head is not None and head["height"] <= 1  # read by screen readers, not shown


def test_home_leads_with_the_agenda_on_a_phone(demo: Served, phone: Page) -> None:
    phone.goto(demo.url, wait_until="load")
    first = phone.locator(".nd-agenda__item").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    tiles = phone.locator(".nd-kpis").first.bounding_box()
    assert tiles is not None and tiles["y"] > box["y"]


def test_no_raw_metric_name_in_visible_text(demo: Served, dark_screen: Page) -> None:
    screen = dark_screen
    for path in [
        *(p for p in PAGES if p != "roadmap/"),
        "week/",
        "people/chloe-martin/",
        "roadmap/",
    ]:
        _load(screen, demo.url + path)
        screen.evaluate(OPEN_EVERY_TAB)
        screen.wait_for_function(CHARTS_DRAWN, timeout=20_000)
        found = RAW_NAME.findall(screen.evaluate(VISIBLE_TEXT))
        assert found == [], path
    assert "Events attended (conference)" in screen.inner_text("article")  # roadmap, last


def test_charts_read_right_on_a_phone(demo: Served, dark_phone: Page) -> None:
    phone = dark_phone
    for path in ["", "touchpoints/", "circles/", "roadmap/", "metrics/", "review/"]:
        _load(phone, demo.url + path)
        faults = phone.evaluate(
            """() => [...document.querySelectorAll('.nd-chart--drawn')].flatMap(chart => {
                const out = [];
                const entries = chart.querySelectorAll('.legend .traces').length;
                if (entries === 1) out.push('a one-entry legend');
                const ticks = [...chart.querySelectorAll('.xtick text, .ytick text')];
                if (ticks.some(t => /^-?\\d*\\.\\d+$/.test(t.textContent))) out.push('0.5 steps');
                if (ticks.some(t => /rotate/.test(t.getAttribute('transform') || '')))
                    out.push('labels turned');
                const legend = chart.querySelector('.legend');
                const title = chart.querySelector('.g-xtitle text');
                if (legend && title) {
                    const a = legend.getBoundingClientRect(), b = title.getBoundingClientRect();
                    const apart = a.bottom <= b.top || b.bottom <= a.top
                        || a.right <= b.left || b.right <= a.left;
                    if (!apart) out.push('a legend over the axis title');
                }
                return out.map(f => chart.getAttribute('aria-label') + ': ' + f);
            })"""
        )
        assert faults == [], path


def test_an_accented_name_is_found_without_its_accents(demo: Served, screen: Page) -> None:
    for query, name in (("Chloe", "Chloé Martin"), ("Ines", "Inês Carvalho"),
                        ("Muller", "Kai Müller")):  # fmt: skip
        screen.goto(demo.url, wait_until="load")
        screen.locator("input.md-search__input").click()
        screen.keyboard.type(query)
        result = screen.locator(".md-search-result__item h1", has_text=name).first
        result.wait_for(timeout=15_000)


def test_and_n_more_opens_to_the_rest(demo: Served, screen: Page) -> None:
    _load(screen, demo.url + "matrix/")
    more = screen.locator("details.nd-more").first
    count = int(re.findall(r"\d+", more.locator("summary").inner_text())[0])
    names = more.locator("a")
    assert names.count() == count and not names.first.is_visible()
    more.locator("summary").click()
    assert names.first.is_visible() and names.last.is_visible()


def test_a_filter_in_the_address_is_applied_on_load(demo: Served, screen: Page) -> None:
    screen.goto(demo.url + "people/?circle=inner", wait_until="load")
    rows = screen.locator("#nd-people tbody tr:not([hidden])")
    circles = rows.evaluate_all("rows => rows.map(r => r.dataset.circle)")
    assert circles and set(circles) == {"inner"}
    assert screen.input_value("select[data-filter='circle']") == "inner"
    screen.select_option("select[data-filter='circle']", "outer")
    screen.fill("input[data-filter='text']", "müller")
    assert screen.evaluate("location.search") == "?circle=outer&text=m%C3%BCller"
    screen.fill("input[data-filter='text']", "muller")  # accents ignored
    assert rows.count() == 1 and "Kai Müller" in rows.first.inner_text()


def test_a_filter_with_no_match_says_so(demo: Served, screen: Page) -> None:
    screen.goto(demo.url + "people/?text=nobody-by-this-name", wait_until="load")
    message = screen.locator("[data-filter-empty]")
    assert message.is_visible() and message.inner_text().startswith("No one matches")
    assert not screen.locator("#nd-people").is_visible()  # no bare header
    message.locator("button", has_text="Show everyone").click()
    screen.wait_for_function("() => location.search === ''")
    assert not message.is_visible() and screen.locator("#nd-people").is_visible()
    total = screen.locator("#nd-people tbody tr").count()
    assert screen.locator("#nd-people tbody tr:not([hidden])").count() == total


def test_charts_in_a_closed_tab_are_drawn_when_it_opens(demo: Served, screen: Page) -> None:
    _load(screen, demo.url + "roadmap/")
    first = screen.locator(".tabbed-set").first
    closed = first.locator(".tabbed-block .nd-chart").nth(1)
    assert closed.get_attribute("class") == "nd-chart"  # not drawn while closed
    first.locator(".tabbed-labels label").nth(1).click()
    screen.wait_for_function(
        "el => el.classList.contains('nd-chart--drawn') && el.querySelector('svg.main-svg')"
        " && Math.abs(el._fullLayout.width - el.clientWidth) <= 2",
        arg=closed.element_handle(),
        timeout=10_000,
    )


def test_the_phase_under_way_is_first(demo: Served, screen: Page) -> None:
    _load(screen, demo.url + "roadmap/")
    first = screen.locator(".nd-phase").first
    assert "Leadership & review" in first.inner_text() and "on track" in first.inner_text()


def test_home_weighs_at_most_150_kb(demo: Served) -> None:
    assert (demo.site / "index.html").stat().st_size <= 150_000


def test_a_filtered_link_lands_filtered_after_instant_navigation(
    demo: Served, screen: Page
) -> None:
    _load(screen, demo.url + "circles/")
    screen.evaluate("window.netdashSamePage = true")
    screen.evaluate(  # a link as the circle cards write it ("Filter the directory")
        """() => { const a = document.createElement('a'); a.id = 'nd-go';
        a.href = '../people/?circle=middle'; a.textContent = 'Filter the directory';
        document.querySelector('article').prepend(a); }"""
    )
    screen.click("#nd-go")
    screen.wait_for_url("**/people/?circle=middle")
    screen.wait_for_function("() => document.querySelector('#nd-people tbody tr[hidden]')")
    assert screen.evaluate("window.netdashSamePage === true"), "a full reload, not instant"
    circles = screen.locator("#nd-people tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.dataset.circle)"
    )
    assert circles and set(circles) == {"middle"}
