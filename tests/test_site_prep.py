"""The prep sheets and the journal on the pages, without MkDocs: what the Events page,
the event sections, the person pages and the Journal say, and that data stays text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.site.context import GeneratedPage, Site, person_uri
from site_builder.site.generate import generate
from tests.site_support import TODAY, cells, hostile_files, write_files
from tests.site_support import page_text as _page
from tests.site_support import page_texts as _texts

HOSTILE_PREP = "<script>alert('prep')</script> {{ 7*7 }} [x](javascript:alert(9))"
HOSTILE_TOPIC = "<img src=x onerror=alert(8)> pricing"
HOSTILE_LEARNED = "<b>learned</b> {% raw %} **bold**"
HOSTILE_ACTION = "<iframe src=javascript:alert(10)></iframe> call back"
HOSTILE = (HOSTILE_PREP, HOSTILE_TOPIC, HOSTILE_LEARNED, HOSTILE_ACTION)


def escaped(text: str) -> str:
    """Text as the pages' templates escape it."""
    return str(escape(text))


def _changes() -> dict[str, str]:
    q = json.dumps
    files = hostile_files()
    return {
        # a meetup two weeks ago and, ten days ahead, a forum to prepare for
        "events.yml": files["events.yml"]
        + f"""
            - id: forum
              name: Forum
              date: 2026-12-03
              kind: conference
              topics: [{q(HOSTILE_TOPIC)}]
              prep: {q(HOSTILE_PREP)}
              targets: [eve, ada]
            - {{id: later, name: Later, date: 2027-01-10, targets: [ada]}}
            """,
        "journal.yml": files["journal.yml"]
        + f"""
            - date: 2026-11-20
              about: {{contact: ada}}
              learned: [{q(HOSTILE_LEARNED)}]
              actions:
                - {{do: {q(HOSTILE_ACTION)}, due: 2026-11-25}}
            """,
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[GeneratedPage]:
    files = {**hostile_files(), **_changes()}
    result = load(write_files(tmp_path_factory.mktemp("prep") / "data", files))
    assert result.ok, result.problems
    return generate(Site(result.dataset, compute(result.dataset, TODAY), ()))


def test_the_events_page_has_the_prep_sheet(pages: list[GeneratedPage]) -> None:
    events = _page(pages, "events.md")
    sheet = events[events.index('id="prep-forum"') :]
    assert "Thu 03 Dec 2026, in 10 days" in sheet
    assert escaped(HOSTILE_PREP) in sheet and escaped(HOSTILE_TOPIC) in sheet
    assert "Your 30-second introduction" in sheet and "<code>pitch:</code>" in sheet
    assert "Which session so far has been worth the trip?" in sheet
    # Eve and Ada both had the coffee of 15 May: each is someone the other knows
    assert "with you both on 2026-05-15" in sheet
    # the Coming up table's Targets column, for an event beyond the two weeks too
    table = cells(events)
    assert "<td>2 planned</td>" in table and "<td>1 planned</td>" in table
    assert 'id="prep-later"' not in events


def test_an_event_section_holds_its_reflections(pages: list[GeneratedPage]) -> None:
    events = _page(pages, "events.md")
    section = events[events.index('id="event-meetup-1"') :]
    assert "Went well" in section and "be calmer" in section
    assert "Feedback from" in section


def test_a_person_page_shows_the_reflections_about_them(pages: list[GeneratedPage]) -> None:
    ada = _page(pages, person_uri("ada"))
    journal = ada[ada.index("<h2>Journal</h2>") :]
    assert escaped(HOSTILE_LEARNED) in journal and escaped(HOSTILE_ACTION) in journal
    assert "by 2026-11-25" in journal and "due soon" in journal
    # the meetup's reflection has her feedback, so it is hers too, with a link to its section
    assert "events/#event-meetup-1" in journal
    assert "<h2>Journal</h2>" not in _page(pages, person_uri("bob"))


def test_the_journal_page_shows_what_was_learned_and_the_actions(
    pages: list[GeneratedPage],
) -> None:
    journal = _page(pages, "journal.md")
    assert journal.index("Friday 20 November 2026") < journal.index("Saturday 16 May 2026")
    assert "Learned" in journal and escaped(HOSTILE_LEARNED) in journal
    assert escaped(HOSTILE_ACTION) in journal


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_prep_and_journal_text_stays_literal(pages: list[GeneratedPage], text: str) -> None:
    for where, content in _texts(pages):
        for fragment in ("<script", "<img", "<iframe", "<b>learned"):
            assert fragment not in content, f"{fragment!r} unescaped in {where}"
        assert text not in content or "<" not in text, where


def test_no_sheet_without_an_event_in_the_next_two_weeks(tmp_path: Path) -> None:
    result = load(write_files(tmp_path / "data", hostile_files()))
    site = Site(result.dataset, compute(result.dataset, TODAY), ())
    events = _page(generate(site), "events.md")
    assert "No event in the next two weeks." in events and "prep-" not in events
