"""The quarterly review: candidates, board gaps, notes by theme, where opportunities came
from, and the decisions of reviews.yml; expected values worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from site_builder.compute import compute
from site_builder.compute.report import QuarterReview, Report
from site_builder.compute.review import quarter_key, quarter_window, review_of
from site_builder.compute.themes import group, words
from site_builder.loading.loader import load
from site_builder.models import Dataset
from tests.conftest import WriteData

TODAY = dt.date(2026, 6, 30)
FILES = {
    # dormant (outer: after 730 days), never a give, outreach unanswered, avoid quadrant
    "contacts/pat.yml": "name: Pat\ncircle: outer\ninfluence: 2\naccessibility: 2\n",
    # dormant, but gave and was answered: only one sign
    "contacts/quin.yml": "name: Quin\ncircle: outer\n",
    # middle and strong, met twice in the last 90 days
    "contacts/rae.yml": "name: Rae\ncircle: middle\n",
    # middle and strong, but only emails
    "contacts/sol.yml": "name: Sol\ncircle: middle\n",
    "contacts/uma.yml": "name: Uma\ncircle: inner\nboard_role: mentor\n",
    "contacts/vic.yml": "name: Vic\ncircle: inner\n",
    "contacts/old.yml": "name: Old\ncircle: inner\narchived: true\n",
    "interactions/2023.yml": """
        - {date: 2023-01-10, with: [pat], kind: email, value: ask, initiated: me, reply: no_reply}
        - {date: 2023-03-01, with: [quin], kind: email, value: give, initiated: me, reply: replied}
        """,
    "interactions/2026.yml": """
        - {date: 2026-02-01, with: [rae], kind: coffee, initiated: them}
        - {date: 2026-04-01, with: [rae], kind: video, initiated: them}
        - {date: 2026-05-10, with: [rae], kind: call, initiated: them, outcomes: [referral, job_lead]}
        - {date: 2026-06-20, with: [rae], kind: coffee, initiated: them}
        - {date: 2026-03-25, with: [sol], kind: email, initiated: them}
        - {date: 2026-04-25, with: [sol], kind: email, initiated: them, outcomes: [collaboration]}
        - {date: 2026-05-25, with: [sol], kind: email, initiated: them}
        - {date: 2026-06-25, with: [sol], kind: email, initiated: them}
        - {date: 2026-06-01, with: [uma], kind: coffee, initiated: me}
        - {date: 2026-03-01, with: [vic], kind: email, outcomes: [speaking]}
        """,
    "journal.yml": """
        - {date: 2026-01-05, improve: Send the follow-up sooner.}
        - {date: 2026-04-10, about: {contact: uma}, improve: Send the follow-up notes within a day.}
        - {date: 2026-05-02, improve: Follow-ups slipped again after the conference.}
        - {date: 2026-06-03, improve: Prepare questions before the conference.}
        - {date: 2026-06-04, went_well: A good day.}
        """,
    "reviews.yml": """
        - quarter: 2026Q1
          date: 2026-04-03
          decisions:
            - {contact: pat, action: keep, note: Still useful}
            - {contact: rae, action: move, circle: inner}
        """,
}


def _data(write_data: WriteData) -> tuple[Dataset, Report]:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    return result.dataset, compute(result.dataset, TODAY)


def _current(report: Report) -> QuarterReview:
    return report.reviews[0]


def test_the_current_quarter_then_each_reviewed_one(write_data: WriteData) -> None:
    _, report = _data(write_data)
    assert [(r.quarter, r.current) for r in report.reviews] == [
        ("2026Q2", True),
        ("2026Q1", False),
    ]
    current, earlier = report.reviews
    assert (current.start, current.end) == (dt.date(2026, 4, 1), dt.date(2026, 7, 1))
    assert current.reviewed_on is None and current.decisions == ()
    assert earlier.reviewed_on == dt.date(2026, 4, 3)
    assert [(d.name, d.action, d.circle, d.note) for d in earlier.decisions] == [
        ("Pat", "keep", None, "Still useful"),
        ("Rae", "move", "inner", None),
    ]
    # the candidates are today's: none for a past quarter
    assert earlier.prune == earlier.promote == earlier.deepen == () and earlier.prune_total == 0


def test_prune_needs_dormant_and_one_more_sign(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    # Quin gave and was answered: dormant alone is not enough. Vic (inner, dormant after
    # 60 days, 121 days since 1 March) never had a give. The most signs first.
    assert [(c.contact, c.reasons) for c in review.prune] == [
        ("pat", ("dormant", "no gives", "no replies", "avoid quadrant")),
        ("vic", ("dormant", "no gives")),
    ]
    assert review.prune_total == 2


def test_promote_strong_middle_people_who_met_lately(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    # Rae: 10 days since 20 June, 1 - 10/180 = 0.9444; 4 touches / 4.0556 = 0.9863; all
    # started by her: 1.0 -> 96.81 -> 97. The call of 10 May and the coffee of 20 June are
    # within 90 days (from 2 April); the video of 1 April is not. Sol only wrote.
    assert [(c.contact, c.strength, c.reasons) for c in review.promote] == [
        ("rae", 97, ("2 meetings in 90 days",))
    ]


def test_deepen_the_weakest_inner_or_board_relationships(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    # Vic: 121 days since 1 March (dormant at 60): 0 + 0.3 x 1/12.1667 + 0.2 x 0.5 (no
    # initiator recorded) = 12.47 -> 12. Uma: 29 days, 1 - 29/60 = 0.5167; 0.0822; she
    # started none: 0 -> 28.3 -> 28. Old is archived.
    assert [(c.contact, c.strength, c.reasons) for c in review.deepen] == [
        ("vic", 12, ("inner circle",)),
        ("uma", 28, ("inner circle", "board mentor")),
    ]


def test_board_gaps_are_the_seats_nobody_holds(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    assert review.board_gaps == ("sponsor", "coach", "connector", "peer")


def test_notes_to_improve_are_grouped_by_a_shared_word(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    # "conference" and "follow-up(s)" are each shared by two notes; the tie goes to
    # "conference" (alphabetical), which leaves the 10 April note alone.
    assert [(t.theme, [n.date.isoformat() for n in t.notes]) for t in review.improve] == [
        ("conference", ["2026-05-02", "2026-06-03"]),
        (None, ["2026-04-10"]),
    ]
    assert review.improve[1].notes[0].about == "Uma"


def test_grouping_rule_by_hand() -> None:
    assert words("Book the follow-up coffees, then ask!") == {"book", "follow-up", "coffees"}
    notes = ["Follow-up late", "follow-ups were late", "late again", "Calendar first"]
    # "late" is in three notes: it takes them all; the fourth stands alone.
    assert group(notes) == [("late", [0, 1, 2]), (None, [3])]
    assert group(["Send the follow-up", "Follow-ups slipped"]) == [("follow-up", [0, 1])]
    assert group([]) == []


def test_opportunities_by_person_and_kind(write_data: WriteData) -> None:
    review = _current(_data(write_data)[1])
    assert [(s.contact, s.circle, s.count, s.outcomes) for s in review.opportunities] == [
        ("rae", "middle", 2, ("referral", "job_lead")),
        ("sol", "middle", 1, ("collaboration",)),
    ]
    assert list(review.opportunity_kinds.items()) == [
        ("collaboration", 1),
        ("job_lead", 1),
        ("referral", 1),
    ]
    first = review_of(*_data(write_data), "2026Q1")
    assert [(s.contact, s.outcomes) for s in first.opportunities] == [("vic", ("speaking",))]


def test_any_past_quarter_can_be_reviewed_but_not_a_future_one(write_data: WriteData) -> None:
    dataset, report = _data(write_data)
    old = review_of(dataset, report, "2025-q4")
    assert old.quarter == "2025Q4" and old.improve == () and old.opportunities == ()
    assert review_of(dataset, report, None) is report.reviews[0]
    with pytest.raises(ValueError, match="has not started"):
        review_of(dataset, report, "2026Q3")
    with pytest.raises(ValueError, match="written like 2026Q4"):
        review_of(dataset, report, "Q3 2026")


def test_quarter_names() -> None:
    assert quarter_key("2026q4") == "2026Q4" and quarter_key(" 2026-Q1 ") == "2026Q1"
    assert quarter_window("2026Q4").start == dt.date(2026, 10, 1)
    assert quarter_window("2026Q4").end == dt.date(2027, 1, 1)
