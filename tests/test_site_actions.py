"""Quick actions: the repository read from mkdocs.yml, the links and commands on Home and
the person pages (with and without `repo_url`), and the one-event calendar downloads."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from site_builder.compute import compute
from site_builder.interop import ics
from site_builder.loading.loader import load
from site_builder.site.actions import Repo, repo_from_config
from tests.site_support import PRIVATE_VALUES, TODAY, build, hostile_files, write_files

REPO_URL = "https://github.com/sam/network"
ACTIONS = re.compile(r'<div class="nd-actions" data-nd-contact="([^"]*)">(.*?)</div>', re.DOTALL)
LINK = re.compile(r'<a class="md-button nd-action" data-nd-action="(\w+)" href="([^"]*)"')
COMMAND = re.compile(r'<li data-nd-action="(\w+)">.*?<code id="[^"]*">([^<]*)</code>')


def _actions(page: str) -> dict[str, str]:
    """The first actions block of each contact on a page: contact -> its HTML."""
    found: dict[str, str] = {}
    for contact, block in ACTIONS.findall(page):
        found.setdefault(contact, block)
    return found


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("actions-linked")
    data = write_files(folder / "data", hostile_files())
    return build(folder, data, repo_url=REPO_URL + "/", edit_uri="edit/main/docs/")


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("actions-unlinked")
    data = write_files(folder / "data", hostile_files())
    return build(folder, data)


def test_the_repository_comes_from_repo_url_and_edit_uri(tmp_path: Path) -> None:
    root = tmp_path
    found = repo_from_config(
        REPO_URL + "/",
        "edit/main/docs/",
        config_dir=root,
        docs_dir=root / "docs",
        data_dir=root / "data",
    )
    assert found == Repo(REPO_URL, f"{REPO_URL}/edit/main/", "data")
    assert found.edit_url("contacts/ada.yml") == f"{REPO_URL}/edit/main/data/contacts/ada.yml"
    # An edit_uri at the repository's root is taken as it is.
    at_root = repo_from_config(
        REPO_URL, "edit/main/", config_dir=root, docs_dir=root / "docs", data_dir=root / "data"
    )
    assert at_root == Repo(REPO_URL, f"{REPO_URL}/edit/main/", "data")
    # A data folder outside the repository cannot be edited there; the forms still work.
    outside = repo_from_config(
        REPO_URL, "edit/main/", config_dir=root, docs_dir=root / "docs", data_dir=Path("/elsewhere")
    )
    assert outside == Repo(REPO_URL)
    assert outside.edit_url("contacts/ada.yml") is None
    for url in (None, "", "javascript:alert(1)", "mailto:me@example.org"):
        assert (
            repo_from_config(
                url, None, config_dir=root, docs_dir=root / "docs", data_dir=root / "data"
            )
            is None
        )


def test_issue_form_links_carry_the_contact_and_encode_its_text(linked: Path) -> None:
    home = (linked / "index.html").read_text(encoding="utf-8")
    eve = dict(LINK.findall(_actions(home)["eve"]))
    new = f"{REPO_URL}/issues/new?"
    assert (
        eve["log"]
        == new + "template=log-interaction.yml&amp;title=Log%3A+eve&amp;with=eve&amp;kind=coffee"
    )
    # Snooze puts the touchpoint off 14 days from today (2026-11-23).
    assert eve["snooze"] == (
        new
        + "template=snooze-contact.yml&amp;title=Snooze%3A+eve&amp;contact=eve&amp;until=2026-12-07"
    )
    # Eve's promise is the move of her week: Done names it, every character encoded.
    assert eve["done"] == (
        new + "template=mark-done.yml&amp;title=Done%3A+eve&amp;contact=eve&amp;follow-up="
        "%3Ciframe+src%3Djavascript%3Aalert%284%29%3E%3C%2Fiframe%3E+send+it"
    )
    assert eve["edit"] == f"{REPO_URL}/edit/main/data/contacts/eve.yml"
    assert eve["calendar"].startswith("data:text/calendar;charset=utf-8;base64,")
    assert 'download="promise-eve-2026-05-15-' in _actions(home)["eve"]
    assert "<code id=" not in _actions(home)["eve"]  # every action is a link


def test_person_pages_offer_the_same_actions(linked: Path) -> None:
    page = (linked / "people" / "ada" / "index.html").read_text(encoding="utf-8")
    ada = dict(LINK.findall(_actions(page)["ada"]))
    assert set(ada) == {"log", "snooze", "done", "edit", "calendar"}
    # The promise of the coffee with Eve and Ada is Ada's too.
    assert "contact=ada&amp;follow-up=%3Ciframe+src" in ada["done"]
    assert "with=ada&amp;" in ada["log"] and "contact=ada&amp;" in ada["snooze"]
    assert 'download="touchpoint-ada.ics"' in _actions(page)["ada"]
    # Archived people have no touchpoint, so no calendar file.
    bob = (linked / "people" / "bob" / "index.html").read_text(encoding="utf-8")
    assert set(dict(LINK.findall(_actions(bob)["bob"]))) == {"log", "snooze", "edit"}


def test_without_repo_url_each_action_is_a_command_to_copy(unlinked: Path) -> None:
    home = (unlinked / "index.html").read_text(encoding="utf-8")
    block = _actions(home)["eve"]
    assert dict(LINK.findall(block)).keys() == {"calendar"}
    commands = {key: html.unescape(command) for key, command in COMMAND.findall(block)}
    assert commands == {
        "log": "netdash log eve --kind coffee",
        "snooze": "netdash snooze eve --until 2026-12-07",
        # The promise is one shell word, quoted: nothing in it runs.
        "done": "netdash done eve '<iframe src=javascript:alert(4)></iframe> send it'",
        "edit": "data/contacts/eve.yml",
    }
    assert "<iframe" not in block
    assert "issues/new" not in home and "github.com" not in home


def _event(href: str) -> str:
    """The iCalendar text a `data:` link downloads."""
    head, _, encoded = href.partition(",")
    assert head == "data:text/calendar;charset=utf-8;base64"
    return base64.b64decode(encoded).decode("utf-8")


def test_add_to_calendar_downloads_one_event_and_nothing_private(linked: Path) -> None:
    pages = [linked / "index.html", linked / "week" / "index.html"]
    pages += sorted((linked / "people").glob("*/index.html"))
    seen = 0
    for page in pages:
        for contact, block in _actions(page.read_text(encoding="utf-8")).items():
            href = dict(LINK.findall(block)).get("calendar")
            if href is None:
                continue
            text = _event(html.unescape(href))
            events = Calendar.from_ical(text).walk("VEVENT")
            assert len(events) == 1, (page, contact)
            name = re.search(r'download="([^"]+)\.ics"', block)
            assert name is not None and str(events[0]["UID"]) == name.group(1) + "@netdash"
            assert contact in str(events[0]["UID"])
            assert not [value for value in PRIVATE_VALUES if value in text], (page, contact)
            seen += 1
    assert seen >= 4  # Eve's promise on Home and This week; Ada's and Eve's pages
    ada = _actions((linked / "people" / "ada" / "index.html").read_text(encoding="utf-8"))["ada"]
    text = _event(html.unescape(dict(LINK.findall(ada))["calendar"]))
    # Ada's next touchpoint: her last touch was the call of 2026-10-01, and the middle
    # circle's 90 days make it due on 2026-12-30.
    assert "UID:touchpoint-ada@netdash" in text and "DTSTART;VALUE=DATE:20261230" in text
    assert not (linked / "calendar").exists()  # no file per person in the site


def test_one_event_files_are_the_feed_of_that_event_alone(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    dataset = load(data).dataset
    report = compute(dataset, TODAY)
    entries = [ics.agenda_entry(item, report, dataset) for item in report.agenda.items]
    entries += [ics.touchpoint_entry(p, TODAY, dataset) for p in report.touchpoints]
    entries.append(ics.Entry("x@netdash", TODAY, "Chloé " * 30, "Müller\nline, two; three"))
    assert len(entries) >= 4
    events = ics.Events(report.owner, TODAY)
    whole = events.feed(entries)  # each event made for the feed, then taken again alone
    assert whole == ics.feed(report.owner, TODAY, entries)
    for entry in entries:
        assert events.alone(entry) == ics.feed(report.owner, TODAY, [entry]), entry.uid
