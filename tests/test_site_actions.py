"""Quick actions: the repository read from mkdocs.yml, the links and commands on Home and
the person pages (with and without `repo_url`), and the one-event calendar files."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from site_builder.site.actions import Repo, repo_from_config
from tests.site_support import PRIVATE_VALUES, build, hostile_files, write_files

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
    assert eve["calendar"].startswith("calendar/promise-eve-2026-05-15-")
    assert "<code id=" not in _actions(home)["eve"]  # every action is a link


def test_person_pages_offer_the_same_actions(linked: Path) -> None:
    page = (linked / "people" / "ada" / "index.html").read_text(encoding="utf-8")
    ada = dict(LINK.findall(_actions(page)["ada"]))
    assert set(ada) == {"log", "snooze", "done", "edit", "calendar"}
    # The promise of the coffee with Eve and Ada is Ada's too.
    assert "contact=ada&amp;follow-up=%3Ciframe+src" in ada["done"]
    assert "with=ada&amp;" in ada["log"] and "contact=ada&amp;" in ada["snooze"]
    assert ada["calendar"] == "../../calendar/touchpoint-ada.ics"
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


def test_each_calendar_file_holds_one_event_and_nothing_private(unlinked: Path) -> None:
    files = sorted((unlinked / "calendar").iterdir())
    assert [f.name for f in files] == [
        f.name for f in files if re.fullmatch(r"[a-z0-9][a-z0-9.-]*\.ics", f.name)
    ]
    names = {f.name for f in files}
    assert {"touchpoint-ada.ics", "touchpoint-eve.ics"} <= names
    assert "touchpoint-bob.ics" not in names  # archived
    for file in files:
        data = file.read_bytes()
        events = Calendar.from_ical(data).walk("VEVENT")
        assert len(events) == 1, file.name
        assert str(events[0]["UID"]) == file.name.removesuffix(".ics") + "@netdash"
        text = data.decode()
        assert not [value for value in PRIVATE_VALUES if value in text], file.name
