"""Event preparation, worked by hand: which events get a sheet, what it says about each
target (mutual people, shared topics, the opener), and the targets met after an event."""

from __future__ import annotations

import datetime as dt

import pytest

from site_builder.compute import Report, compute
from site_builder.compute.openers import QUESTIONS, ROLE, ROOM
from site_builder.compute.prep import pitch_text, shared_topics, targets_words
from site_builder.compute.prep_records import EventPrep, Mutual
from site_builder.loading.loader import load
from site_builder.models.settings import Pitch
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 18)  # a Wednesday

FILES = {
    "settings.yml": """\
        owner: Sam Owner
        pitch:
          who: Sam, a designer
          what: I make forms people finish
          hook: Ask me about the worst form I ever shipped!
        """,
    # ada: a target at Loom, met at the summit, last seen over coffee at the expo
    "contacts/ada.yml": """\
        name: Ada
        circle: inner
        company: Loom
        role: CTO
        interests: [pricing experiments, sailing]
        met: {event: summit}
        """,
    "contacts/bea.yml": "name: Bea\ncircle: middle\ncompany: Loom\n",  # same company as ada
    "contacts/cal.yml": "name: Cal\ncircle: middle\n",  # met at the summit too
    "contacts/dan.yml": "name: Dan\ncircle: middle\n",  # in a call with ada and you
    "contacts/eli.yml": "name: Eli\ncircle: outer\ncompany: Loom\narchived: true\n",
    "contacts/fay.yml": "name: Fay\ncircle: outer\n",  # nothing known
    "contacts/gil.yml": (
        "name: Gil\ncircle: outer\ncompany: Acme\ninterests: [chess]\nmet: {event: expo}\n"
    ),
    "contacts/hugo.yml": "name: Hugo\ncircle: outer\ncompany: Acme\n",
    "events.yml": """\
        - {id: summit, name: Summit, date: 2025-10-01, met: [cal]}
        - id: expo
          name: Expo
          date: 2026-03-10
          end: 2026-03-11
          goal_new_contacts: 2
          targets: [ada, bea, cal, gil]
          met: [bea]
        - {id: fair, name: Fair, date: 2026-03-17, end: 2026-03-19, kind: conference}
        - id: forum
          name: Forum
          date: 2026-04-01
          kind: meetup
          role: speaker
          topics: [Pricing]
          prep: Ask Ada about the pricing test
          targets: [ada, fay, gil, hugo]
        - {id: far, name: Far, date: 2026-04-02, targets: [ada]}
        """,
    "interactions/2026.yml": """\
        - {date: 2026-02-01, with: [ada, dan], kind: call}
        - {date: 2026-03-11, with: [ada], kind: coffee}
        - {date: 2026-03-12, with: [cal], kind: email}
        """,
}


@pytest.fixture
def report(write_data: WriteData) -> Report:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    return compute(result.dataset, TODAY)


def _prep(report: Report, event: str) -> EventPrep:
    return next(prep for prep in report.prep if prep.event == event)


def test_sheets_for_the_next_fourteen_days_and_past_events_with_targets(report: Report) -> None:
    # fair is under way (began yesterday), forum begins in exactly 14 days, far in 15;
    # expo is over and had targets, the summit had none
    assert [(p.event, p.days_until, p.sheet, p.past) for p in report.prep] == [
        ("fair", -1, True, False),
        ("forum", 14, True, False),
        ("expo", -8, False, True),
    ]


def test_a_sheet_has_the_notes_the_pitch_and_openers_for_the_room(report: Report) -> None:
    forum = _prep(report, "forum")
    assert forum.topics == ("Pricing",) and forum.notes == "Ask Ada about the pricing test"
    assert forum.pitch == (
        "I'm Sam, a designer. I make forms people finish. "
        "Ask me about the worst form I ever shipped!"
    )
    assert forum.openers == (*ROOM["meetup"], ROLE["speaker"])
    assert forum.questions == QUESTIONS
    assert (forum.planned, forum.targets_met) == (4, 0)


def test_a_target_comes_with_what_to_know_and_whom_you_both_know(report: Report) -> None:
    ada = _prep(report, "forum").targets[0]
    assert (ada.name, ada.role, ada.company) == ("Ada", "CTO", "Loom")
    assert (ada.last_touch, ada.last_kind) == (dt.date(2026, 3, 11), "coffee")
    assert ada.interests == ("pricing experiments", "sailing")
    assert ada.shared_topics == ("pricing experiments",)
    # strongest first: Cal (an email 6 days ago), Dan (a call 45 days ago), Bea (no touch);
    # Eli, also at Loom, is archived
    assert ada.mutual == (
        Mutual("cal", "Cal", "also met at Summit"),
        Mutual("dan", "Dan", "with you both on 2026-02-01"),
        Mutual("bea", "Bea", "also at Loom"),
    )
    assert ada.mutual_total == 3
    assert ada.opener == (
        "I hear you work on pricing experiments: what is the hardest part of it right now?"
    )


def test_each_target_gets_the_most_specific_opener(report: Report) -> None:
    openers = {t.contact: t.opener for t in _prep(report, "forum").targets}
    assert openers["gil"] == "How did you first get into chess?"
    assert openers["hugo"] == "What are you working on at Acme these days?"
    assert openers["fay"] == "What brought you to Forum?"
    assert [m.contact for m in _prep(report, "forum").targets[3].mutual] == ["gil"]


def test_targets_met_after_the_event_beside_its_goal(report: Report) -> None:
    expo = _prep(report, "expo")
    # ada: a coffee on its second day; bea: listed as met; gil: names it as where you met;
    # cal: only an email the day after it
    assert {t.contact: t.met_on for t in expo.targets} == {
        "ada": dt.date(2026, 3, 11),
        "bea": dt.date(2026, 3, 10),
        "cal": None,
        "gil": dt.date(2026, 3, 10),
    }
    assert (expo.planned, expo.targets_met, expo.goal_new_contacts, expo.met_new) == (4, 3, 2, 1)
    # the sheet's people you both know are made only while it is due
    assert all(t.mutual == () and t.mutual_total == 0 for t in expo.targets)
    assert targets_words(expo) == "3 of 4 targets met · goal 2 new people, 1 met"
    assert targets_words(_prep(report, "forum")) == "4 targets planned"


def test_a_pitch_reads_as_three_sentences() -> None:
    assert pitch_text(None) is None
    pitch = Pitch(who="Alex at Ledgerline", what="Faster credit.", hook="Ask me why?")
    assert pitch_text(pitch) == "I'm Alex at Ledgerline. Faster credit. Ask me why?"


def test_topics_match_interests_by_their_words() -> None:
    topics = ["Open banking", "fraud and risk"]
    interests = ["open-banking APIs", "risk", "sailing", "banking"]
    assert shared_topics(interests, topics) == ("open-banking APIs", "risk", "banking")
    assert shared_topics(interests, []) == ()


def test_five_people_you_both_know_are_shown_and_all_are_counted(write_data: WriteData) -> None:
    colleagues = {
        f"contacts/{name.lower()}.yml": f"name: {name}\ncircle: outer\ncompany: Big\n"
        for name in ("Fred", "Bo", "Cy", "Eve", "Al", "Di")
    }
    result = load(
        write_data(
            {
                **colleagues,
                "contacts/tia.yml": "name: Tia\ncircle: outer\ncompany: Big\n",
                "contacts/old.yml": "name: Old\ncircle: outer\ncompany: Big\narchived: true\n",
                "events.yml": "- {id: forum, name: Forum, date: 2026-03-20, targets: [tia]}\n",
            }
        )
    )
    tia = compute(result.dataset, TODAY).prep[0].targets[0]
    # none has a touch: equal strength, so by name; Old is archived
    assert [m.name for m in tia.mutual] == ["Al", "Bo", "Cy", "Di", "Eve"]
    assert tia.mutual_total == 6
