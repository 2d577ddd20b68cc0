"""An encrypted build in a real browser: a person page shows only the password form; the
wrong password opens nothing; the right one shows the page, and the next page opens with
the same password, kept for the browser's session; charts draw once a page is opened
(the plugin tells Material's `document$`, which netdash.js follows)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from site_builder.site.runner import build_site
from tests.site_support import hostile_files, project, write_files
from tests.test_site_a11y import findings
from tests.test_site_browser import ALL_DRAWN, Served, browser, serve
from tests.test_site_encrypt import PASSWORD

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, shared with the other browser tests

FORM = "#mkdocs-content-password"


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("browser-encrypted")
    data = write_files(folder / "data", hostile_files())

    def build(url: str) -> None:
        build_site(project(folder, data, site_url=url), strict=True, password=PASSWORD)

    yield from serve(folder / "site", build)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def _article(page: Page) -> str:
    return page.inner_text("article")


def test_a_person_page_opens_with_the_password(locked: Served, page: Page) -> None:
    page.goto(locked.url + "people/ada/", wait_until="load")
    page.locator(FORM).wait_for()
    assert "Ada Lovelace" not in page.content()
    assert page.title() == "Person - netdash"

    page.fill(FORM, "not the password")
    page.keyboard.press("Enter")
    page.locator("#mkdocs-decrypt-msg", has_text="That is not the password.").wait_for()
    assert "Ada Lovelace" not in _article(page)

    page.fill(FORM, PASSWORD)
    page.keyboard.press("Enter")
    page.locator("article h1", has_text="Ada Lovelace").wait_for(timeout=15_000)
    assert "Analytical Engines" in _article(page)

    page.goto(locked.url + "people/", wait_until="load")
    page.locator("#nd-people td a", has_text="Ada Lovelace").wait_for(timeout=15_000)
    assert page.locator(FORM).is_hidden()


def test_charts_draw_once_the_password_opens_a_page(locked: Served, page: Page) -> None:
    page.goto(locked.url + "touchpoints/", wait_until="load")
    assert page.locator(".nd-chart").count() == 0  # the page is still ciphertext
    page.fill(FORM, PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('.nd-chart').length > 0 && ({ALL_DRAWN})()",
        timeout=20_000,
    )
    assert page.locator("article a[href$='touchpoints.ics']").count() == 0  # no feed


def test_the_password_form_is_accessible(locked: Served, page: Page) -> None:
    page.goto(locked.url + "people/ada/", wait_until="load")
    page.locator(FORM).wait_for()
    assert findings(page) == []
    page.fill(FORM, PASSWORD)
    page.keyboard.press("Enter")
    page.locator("article h1", has_text="Ada Lovelace").wait_for(timeout=15_000)
    assert findings(page) == []
