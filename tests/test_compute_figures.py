"""The figures of the site: mix, reciprocity, circles, board, matrix, trust, rates,
quarters, diversity, consistency, strength and workload."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from site_builder.compute import Report, compute
from site_builder.compute.jsonify import report_json
from site_builder.compute.network import evenness
from site_builder.loading.loader import load
from site_builder.models import Dataset, Settings
from tests.conftest import WriteData

TODAY = dt.date(2026, 4, 15)  # a Wednesday


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def test_value_mix_over_the_last_90_days_without_social(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-01-15, with: [ada], kind: call, value: ask}
            - {date: 2026-01-16, with: [ada], kind: call, value: give}
            - {date: 2026-02-01, with: [ada], kind: call, value: give}
            - {date: 2026-03-01, with: [ada], kind: call, value: give}
            - {date: 2026-04-01, with: [ada], kind: call, value: share}
            - {date: 2026-04-02, with: [ada], kind: call, value: social}
            - {date: 2026-04-03, with: [ada], kind: call}
            - {date: 2026-04-20, with: [ada], kind: call, value: ask}
            """,
        }
    )
    mix = report_of(root).value_mix
    assert (mix.start, mix.end, mix.total, mix.social) == (
        dt.date(2026, 1, 16),
        dt.date(2026, 4, 16),
        4,
        1,
    )
    assert [(s.value, s.count, s.percent, s.target_percent) for s in mix.shares] == [
        ("give", 3, 75.0, 70.0),
        ("share", 1, 25.0, 20.0),
        ("ask", 0, 0.0, 10.0),
    ]


def test_reciprocity_trust_matrix_and_board(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": """\
            name: Ada
            circle: inner
            influence: 4
            accessibility: 5
            board_role: mentor
            trust: {credibility: 8, reliability: 9, intimacy: 6, self_orientation: 3}
            """,
            "contacts/bob.yml": "name: Bob\ncircle: inner\ninfluence: 5\naccessibility: 3\n",
            "contacts/cy.yml": """\
            name: Cy
            circle: inner
            influence: 3
            accessibility: 4
            board_role: mentor
            """,
            "contacts/dee.yml": "name: Dee\ncircle: middle\ninfluence: 3\naccessibility: 3\n",
            "contacts/eve.yml": "name: Eve\ncircle: outer\n",
            "contacts/old.yml": "name: Old\ncircle: outer\nboard_role: sponsor\narchived: true\n",
            "interactions/2026.yml": """\
            - {date: 2026-03-01, with: [ada], kind: call, value: give}
            - {date: 2026-03-02, with: [ada], kind: call, value: give}
            - {date: 2026-03-03, with: [ada], kind: call, value: ask}
            """,
        }
    )
    report = report_of(root)
    ada = report.person("ada")
    assert ada is not None and ada.trust is not None and ada.trust.score == pytest.approx(7.67)
    assert (ada.reciprocity.gives, ada.reciprocity.asks, ada.reciprocity.balance) == (2, 1, 1)
    assert ada.reciprocity.give_ratio == pytest.approx(0.6667)
    eve = report.person("eve")
    assert eve is not None and eve.reciprocity.give_ratio is None and eve.trust is None
    assert {c.contact: c.quadrant for c in report.matrix.cells} == {
        "ada": "golden",
        "bob": "aspirational",
        "cy": "peer",
        "dee": "avoid",
    }
    assert report.matrix.counts == {"golden": 1, "aspirational": 1, "peer": 1, "avoid": 1}
    assert report.matrix.unrated == 1
    seats = {seat.role: seat.names for seat in report.board.seats}
    assert seats == {
        "sponsor": (),
        "mentor": ("Ada", "Cy"),
        "coach": (),
        "connector": (),
        "peer": (),
    }
    assert (report.board.filled, report.board.coverage) == (1, 0.2)


def test_circle_sizes_against_their_bands(write_data: WriteData) -> None:
    root = write_data(
        {
            "settings.yml": "owner: Me\ncircle_targets: {inner: {min: 1, max: 1}, middle: {min: 2}}\n",
            "contacts/a.yml": "name: A\ncircle: inner\n",
            "contacts/b.yml": "name: B\ncircle: inner\n",
            "contacts/c.yml": "name: C\ncircle: middle\n",
            "contacts/d.yml": "name: D\ncircle: middle\narchived: true\n",
        }
    )
    sizes = [(c.circle, c.count, c.min, c.max, c.fit) for c in report_of(root).circles]
    assert sizes == [
        ("inner", 2, 1, 1, "over"),
        ("middle", 1, 2, None, "under"),
        ("outer", 0, 150, None, "under"),
    ]


def test_response_rate_meeting_acceptance_and_quarters(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2025-11-01, with: [ada], kind: email, reply: replied, outcomes: [referral]}
            - {date: 2026-01-02, with: [ada], kind: email, reply: no_reply}
            - {date: 2026-02-01, with: [ada], kind: email, reply: replied, meeting: accepted}
            - {date: 2026-03-01, with: [ada], kind: email, reply: pending, meeting: declined}
            - {date: 2026-04-01, with: [ada], kind: call, outcomes: [referral, job_lead]}
            - {date: 2026-05-01, with: [ada], kind: email, reply: no_reply}
            """,
        }
    )
    report = report_of(root)
    rates = report.responses
    assert (rates.replied, rates.no_reply, rates.pending) == (2, 1, 1)
    assert rates.response_rate == pytest.approx(0.6667)
    assert (rates.accepted, rates.declined, rates.acceptance_rate) == (1, 1, 0.5)
    quarters = [(q.label, q.referrals, q.opportunities) for q in report.quarters]
    assert len(quarters) == 8 and quarters[-1] == ("2026-Q2", 1, 2)
    assert quarters[-2:-4:-1] == [("2026-Q1", 0, 0), ("2025-Q4", 1, 1)]


def test_diversity_with_an_evenness_index(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/a.yml": "name: A\ncircle: outer\nindustry: Software\nseniority: mid\n",
            "contacts/b.yml": "name: B\ncircle: outer\nindustry: Software\nseniority: mid\n",
            "contacts/c.yml": "name: C\ncircle: outer\nindustry: Health\nseniority: mid\n",
            "contacts/d.yml": "name: D\ncircle: outer\nindustry: Energy\n",
        }
    )
    industry, _, seniority, company = report_of(root).diversity
    assert industry.counts == (("Software", 2), ("Energy", 1), ("Health", 1))
    entropy = -(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25))
    assert industry.evenness == round(entropy / math.log(3), 4)
    assert (seniority.distinct, seniority.unknown, seniority.evenness) == (1, 1, 0.0)
    assert (company.distinct, company.unknown, company.evenness) == (0, 4, 0.0)
    assert evenness([5, 5]) == 1.0 and evenness([]) == 0.0


def test_weekly_consistency_streak(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-01-05, with: [ada], kind: call}
            - {date: 2026-01-12, with: [ada], kind: call}
            - {date: 2026-01-19, with: [ada], kind: call}
            - {date: 2026-03-29, with: [ada], kind: call}
            - {date: 2026-04-05, with: [ada], kind: call}
            - {date: 2026-04-06, with: [ada], kind: call}
            - {date: 2026-04-30, with: [ada], kind: call}
            """,
        }
    )
    consistency = report_of(root).consistency
    assert (consistency.current_streak, consistency.longest_streak) == (3, 3)  # W13-W15
    assert consistency.weeks[-1] == consistency.weeks[-1].__class__(dt.date(2026, 4, 13), 0)
    assert [w.interactions for w in consistency.weeks[-3:]] == [1, 1, 0]
    assert len(consistency.weeks) == 26


def test_strength_score_follows_its_formula(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "contacts/bob.yml": "name: Bob\ncircle: inner\n",
            "contacts/new.yml": "name: New\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-04-15, with: [ada], kind: call, initiated: them}
            - {date: 2026-04-01, with: [ada], kind: call, initiated: me}
            - {date: 2026-03-01, with: [ada], kind: call}
            - {date: 2026-03-01, with: [bob], kind: call}
            """,
        }
    )
    report = report_of(root)
    ada, bob, new = (report.person(c) for c in ("ada", "bob", "new"))
    assert ada is not None and bob is not None and new is not None
    # ada: touched today, 3 of 365/30 expected touches a year, half of the starts are theirs.
    expected_touches = 365 / 30
    frequency = 3 / expected_touches
    assert (ada.strength.recency, ada.strength.reciprocity) == (1, 1)
    assert ada.strength.frequency == round(frequency, 4)
    assert ada.strength.score == round(100 * (0.5 + 0.3 * frequency + 0.2)) == 77
    # bob: 45 of 60 days used, 1 touch, nobody recorded who started.
    assert bob.strength.score == round(100 * (0.5 * 0.25 + 0.3 / expected_touches + 0.2 * 0.5))
    assert new.strength.score == 0


def test_workload_for_the_next_26_weeks(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/late.yml": "name: Late\ncircle: inner\n",
            "contacts/soon.yml": "name: Soon\ncircle: middle\n",
            "contacts/meet.yml": "name: Meet\ncircle: outer\n",
            "interactions/2026.yml": """\
            - {date: 2026-01-01, with: [late], kind: call}
            - {date: 2026-02-01, with: [soon], kind: call}
            - {date: 2026-05-05, with: [meet], kind: coffee}
            """,
        }
    )
    weeks = report_of(root).workload
    assert len(weeks) == 26 and weeks[0].start == dt.date(2026, 4, 13)
    assert weeks[0].contacts == ("late",)  # overdue: counted this week
    assert weeks[3].contacts == ("meet",)  # the coffee on 5 May
    assert {w.start: w.contacts for w in weeks if w.count}[dt.date(2026, 4, 27)] == ("soon",)
    # late every 30 days from today, soon every 90 from 2 May, meet once: up to 12 October.
    assert sum(w.count for w in weeks) == 6 + 2 + 1


def test_an_empty_data_set_defines_every_figure() -> None:
    report = compute(Dataset(settings=Settings(owner="Me")), dt.date(2026, 1, 1))
    assert report.touchpoints == () and report.people == ()
    assert report.value_mix.total == 0 and all(s.percent == 0 for s in report.value_mix.shares)
    assert report.responses.response_rate is None and report.board.coverage == 0
    assert all(d.evenness == 0 for d in report.diversity)
    assert report.consistency.current_streak == 0 and len(report.workload) == 26
    text = report_json(report)
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert data["today"] == "2026-01-01" and len(data["metrics"]) == 19


def test_the_report_json_has_no_nan_and_iso_dates(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-01-01}\n",
            "goals.yml": "roadmap: [{phase: One, months: 1, targets: [{metric: gives, target: 1}]}]\n",
            "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n",
        }
    )
    data = json.loads(report_json(report_of(root)), parse_constant=pytest.fail)
    assert data["touchpoints"][0]["due"] == "2026-02-01"
    assert data["roadmap"][0]["targets"][0]["status"] == "missed"
    assert data["people"][0]["interaction_indexes"] == [0]


def test_compute_leaves_the_garbage_collector_alone(write_data: WriteData) -> None:
    import gc
    import sys
    from types import FrameType

    dataset = load(write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\n"})).dataset
    calls: list[str] = []

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "c_call" and getattr(arg, "__module__", None) == gc.__name__:
            calls.append(getattr(arg, "__name__", "?"))

    sys.setprofile(watch)
    try:
        compute(dataset, TODAY)
    finally:
        sys.setprofile(None)
    assert calls == []


def test_the_matrix_carries_its_scale_and_quadrant_bounds(write_data: WriteData) -> None:
    files = {
        f"contacts/p{i}{a}.yml": f"name: P{i}{a}\ncircle: outer\ninfluence: {i}\n"
        f"accessibility: {a}\n"
        for i in range(1, 6)
        for a in range(1, 6)
    }
    matrix = report_of(write_data(files)).matrix
    assert (matrix.scores, matrix.high) == ((1, 5), 4)
    bounds = {b.quadrant: (b.influence, b.accessibility) for b in matrix.bounds}
    assert list(bounds) == ["golden", "aspirational", "peer", "avoid"]
    assert bounds == {
        "golden": ((4, 5), (4, 5)),
        "aspirational": ((4, 5), (1, 3)),
        "peer": ((1, 3), (4, 5)),
        "avoid": ((1, 3), (1, 3)),
    }
    for cell in matrix.cells:  # every score pair lies in the box of its own quadrant
        (i_low, i_high), (a_low, a_high) = bounds[cell.quadrant]
        assert i_low <= cell.influence <= i_high and a_low <= cell.accessibility <= a_high
    assert matrix.counts == {"golden": 4, "aspirational": 6, "peer": 6, "avoid": 9}


def test_each_circle_carries_its_cadence(write_data: WriteData) -> None:
    root = write_data({"settings.yml": "owner: Me\ncadence_days: {inner: 21}\n"})
    assert [(c.circle, c.cadence_days) for c in report_of(root).circles] == [
        ("inner", 21),
        ("middle", 90),
        ("outer", 365),
    ]


def test_outcomes_over_the_eight_quarters_together(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2024-03-31, with: [ada], kind: call, outcomes: [referral]}
            - {date: 2024-04-01, with: [ada], kind: call, outcomes: [referral, job_lead]}
            - {date: 2026-04-15, with: [ada], kind: call, outcomes: [referral]}
            - {date: 2026-04-16, with: [ada], kind: call, outcomes: [referral]}
            """,
        }
    )
    report = report_of(root)
    total = report.quarters_total
    assert (total.label, total.start, total.end) == (
        "2024-Q3 to 2026-Q2",
        dt.date(2024, 7, 1),
        dt.date(2026, 7, 1),
    )
    assert (total.referrals, total.opportunities) == (1, 1)  # 2024-Q2 is nine quarters back
    assert total.referrals == sum(q.referrals for q in report.quarters)
