"""The prep sheets and the journal in a real browser: the pages load cleanly, and hostile
prep notes, topics, lessons and actions show as text and run nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from site_builder.site.runner import build_site
from tests.site_support import hostile_files, project, write_files
from tests.test_site_browser import Log, Served, _open, browser, serve, tab  # noqa: F401
from tests.test_site_prep import (
    HOSTILE_ACTION,
    HOSTILE_LEARNED,
    HOSTILE_PREP,
    HOSTILE_TOPIC,
    _changes,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("browser-prep")
    data = write_files(folder / "data", {**hostile_files(), **_changes()})

    def build(url: str) -> None:
        build_site(project(folder, data, site_url=url), strict=True)

    yield from serve(folder / "site", build)


def test_hostile_prep_and_journal_text_is_shown_as_text(
    prepared: Served, request: pytest.FixtureRequest
) -> None:
    opened: tuple[Page, Log] = request.getfixturevalue("tab")  # the browser tests' tab
    page, log = opened
    _open(page, prepared.url + "events/")
    sheet = page.locator("#prep-forum")
    assert HOSTILE_PREP in sheet.inner_text()
    assert HOSTILE_TOPIC in sheet.locator(".nd-tag").all_inner_texts()
    assert sheet.locator("script, img, iframe, a[href^='javascript']").count() == 0
    assert page.locator("#event-meetup-1").count() == 1
    for path in ("journal/", "people/ada/"):
        _open(page, prepared.url + path)
        text = page.inner_text("article")
        assert HOSTILE_LEARNED in text and HOSTILE_ACTION in text, path
        assert page.locator("article iframe, article b, article script").count() == 0
    assert log.clean(), log
