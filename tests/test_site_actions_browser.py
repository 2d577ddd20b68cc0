"""Quick actions in a real browser (Playwright driving Debian's Chromium): the links carry
the contact, with and without `repo_url`; the copy buttons put the command or the draft
on the clipboard; "Add to calendar" downloads one event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from site_builder.site.runner import build_site
from tests.site_support import hostile_files, project, write_files
from tests.test_site_browser import CHROMIUM_ARGS, Served, chromium, serve

pytestmark = pytest.mark.browser

REPO_URL = "https://github.com/sam/network"
# Each block's contact and its links: [contact, [[action, href], ...]].
LINKS = """() => [...document.querySelectorAll('.nd-actions')].map(block => [
    block.dataset.ndContact,
    [...block.querySelectorAll('a[data-nd-action]')].map(a => [a.dataset.ndAction, a.href])])"""
# Each block's contact and its commands: [contact, [[action, command], ...]].
COMMANDS = """() => [...document.querySelectorAll('.nd-actions')].map(block => [
    block.dataset.ndContact,
    [...block.querySelectorAll('li[data-nd-action]')].map(
        li => [li.dataset.ndAction, li.querySelector('code').textContent])])"""


def _site(tmp_path_factory: pytest.TempPathFactory, name: str, **config: Any) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp(name)
    data = write_files(folder / "data", hostile_files())

    def build(url: str) -> None:
        build_site(project(folder, data, site_url=url, **config), strict=True)

    yield from serve(folder / "site", build)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from _site(tmp_path_factory, "actions-linked", repo_url=REPO_URL, edit_uri="edit/main/")


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from _site(tmp_path_factory, "actions-unlinked")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        instance = driver.chromium.launch(
            executable_path=chromium(), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; it fails the test if it asks another host for anything."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    opened = context.new_page()
    foreign: list[str] = []
    opened.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1:", "data:")) else foreign.append(r.url)
        ),
    )
    yield opened
    opened.wait_for_load_state("networkidle")
    context.close()
    assert foreign == []  # with repo_url too: Material asks GitHub for no stars


@pytest.mark.parametrize("where", ["", "week/", "people/ada/", "people/eve/"])
def test_every_action_link_carries_its_contact(linked: Served, page: Page, where: str) -> None:
    page.goto(linked.url + where, wait_until="load")
    blocks = page.evaluate(LINKS)
    assert blocks, where
    for contact, links in blocks:
        actions = dict(links)
        assert {"log", "snooze", "edit", "calendar"} <= actions.keys(), (where, contact)
        assert f"with={contact}&" in actions["log"]
        assert f"contact={contact}&" in actions["snooze"]
        assert "done" not in actions or f"contact={contact}&" in actions["done"]
        assert actions["edit"] == f"{REPO_URL}/edit/main/data/contacts/{contact}.yml"
        assert actions["calendar"].startswith("data:text/calendar;charset=utf-8;base64,")


def test_add_to_calendar_downloads_one_event(linked: Served, page: Page) -> None:
    page.goto(linked.url + "people/ada/", wait_until="load")
    link = page.locator('.nd-actions a[data-nd-action="calendar"]')
    with page.expect_download() as started:
        link.click()
    download = started.value
    assert download.suggested_filename == "touchpoint-ada.ics"
    text = download.path().read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 1 and "UID:touchpoint-ada@netdash" in text


def test_without_repo_url_the_commands_carry_the_contact_and_copy(
    unlinked: Served, page: Page
) -> None:
    page.goto(unlinked.url, wait_until="load")
    blocks = page.evaluate(COMMANDS)
    assert blocks
    for contact, commands in blocks:
        found = dict(commands)
        assert found["log"].startswith(f"netdash log {contact} --kind ")
        assert found["snooze"].startswith(f"netdash snooze {contact} --until ")
        assert found["edit"] == f"data/contacts/{contact}.yml"
    assert not page.locator('.nd-actions a[href*="github.com"]').count()
    first = page.locator(".nd-actions").first
    first.locator("summary").click()
    first.locator('li[data-nd-action="log"] button').click()
    page.wait_for_function(
        "() => document.querySelector('.nd-commands button').textContent === 'Copied'"
    )
    contact = first.get_attribute("data-nd-contact")
    assert page.evaluate("navigator.clipboard.readText()") == f"netdash log {contact} --kind coffee"


def test_copy_draft_works_on_the_person_page(unlinked: Served, page: Page) -> None:
    page.goto(unlinked.url + "people/eve/", wait_until="load")
    draft = page.locator("#person-draft")
    page.locator(".nd-draft summary").first.click()
    page.locator('[data-nd-copy="person-draft"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-nd-copy=\"person-draft\"]').textContent === 'Copied'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == draft.text_content() and copied.strip()
