"""Roadmap progress per phase and target, and habits with history and streak."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_builder.compute import Report, compute
from site_builder.compute.calendar import Window, add_months, elapsed_share, roadmap_months
from site_builder.compute.roadmap import target_status
from site_builder.loading.loader import load
from tests.conftest import WriteData

CONTACTS = {
    f"contacts/p{k}.yml": f"name: P{k}\ncircle: outer\nmet: {{on: 2026-0{k}-10}}\n"
    for k in range(1, 7)
}
GOALS = """\
    roadmap:
      - phase: Foundation
        months: 1-3
        targets:
          - {metric: new_contacts, target: 3}
          - {metric: new_contacts, target: 4}
          - {milestone: Profile, done: 2026-01-20}
          - {metric: events_attended, where: {kind: conference}, target: 1}
      - phase: Expansion
        months: 4-6
        targets:
          - {metric: new_contacts, target: 6}
          - {metric: new_contacts, target: 2}
          - {measure: linkedin_connections, target: 1000}
          - {milestone: Talk}
      - phase: Later
        months: 7-12
        targets:
          - {metric: new_contacts, target: 5}
          - {metric: circle_size, target: 4}
    """
NO_READING = "linkedin_connections: []\n"


def report_of(root: Path, today: dt.date) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def test_roadmap_months_are_end_exclusive_and_clamp_month_ends() -> None:
    start = dt.date(2026, 1, 31)
    assert roadmap_months(start, 1, 1) == Window(dt.date(2026, 1, 31), dt.date(2026, 2, 28))
    second_quarter = Window(dt.date(2026, 4, 1), dt.date(2026, 7, 1))
    assert roadmap_months(dt.date(2026, 1, 1), 4, 6) == second_quarter
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)


def test_elapsed_share_is_clamped() -> None:
    window = Window(dt.date(2026, 1, 1), dt.date(2026, 1, 11))
    assert elapsed_share(window, dt.date(2025, 12, 1)) == 0.0
    assert elapsed_share(window, dt.date(2026, 1, 6)) == 0.5
    assert elapsed_share(window, dt.date(2026, 3, 1)) == 1.0


@pytest.mark.parametrize(
    ("actual", "today", "expected"),
    [
        (5, dt.date(2026, 1, 5), "done"),
        (0, dt.date(2025, 12, 5), "upcoming"),
        (5, dt.date(2025, 12, 31), "upcoming"),  # a level can be reached before the window
        (3, dt.date(2026, 1, 6), "on_track"),  # 60% done at 50% of the window
        (2, dt.date(2026, 1, 6), "behind"),
        (4, dt.date(2026, 1, 11), "missed"),
    ],
)
def test_target_status(actual: float, today: dt.date, expected: str) -> None:
    window = Window(dt.date(2026, 1, 1), dt.date(2026, 1, 11))
    assert target_status(actual, 5, window, today) == expected


def test_phases_and_targets_mid_year(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "goals.yml": GOALS,
            "metrics.yml": """\
        linkedin_connections: [{date: 2026-05-01, value: 600}]
        """,
        }
    )
    report = report_of(root, dt.date(2026, 5, 16))
    foundation, expansion, later = report.roadmap
    assert (foundation.start, foundation.end, foundation.elapsed) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 4, 1),
        1.0,
    )
    assert [t.status for t in foundation.targets] == ["done", "missed", "done", "missed"]
    assert foundation.status == "missed"
    assert foundation.targets[0].label == "New contacts"
    assert expansion.elapsed == pytest.approx(45 / 91)
    actual = [(t.actual, t.status) for t in expansion.targets]
    assert actual == [(2.0, "behind"), (2.0, "done"), (600.0, "on_track"), (0.0, "on_track")]
    assert expansion.status == "behind"
    assert later.status == "upcoming"
    assert [t.status for t in later.targets] == ["upcoming", "upcoming"]
    assert later.targets[1].actual == 5  # already more people than the target, yet to start


def test_no_target_is_done_before_its_phase_starts(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "goals.yml": """\
        roadmap:
          - phase: Second half
            months: 7-12
            targets:
              - {metric: circle_size, target: 2}
              - {metric: board_filled, target: 1}
              - {measure: linkedin_connections, target: 500}
              - {milestone: Profile, done: 2026-02-01}
        """,
            "contacts/p1.yml": "name: P1\ncircle: outer\nboard_role: mentor\n",
            "metrics.yml": "linkedin_connections: [{date: 2026-03-01, value: 600}]\n",
        }
    )
    (before,) = report_of(root, dt.date(2026, 6, 30)).roadmap
    assert before.status == "upcoming"
    assert [(t.actual, t.status) for t in before.targets] == [
        (6.0, "upcoming"),
        (1.0, "upcoming"),
        (600.0, "upcoming"),
        (1.0, "upcoming"),
    ]
    (started,) = report_of(root, dt.date(2026, 7, 1)).roadmap
    assert [t.status for t in started.targets] == ["done"] * 4 and started.status == "done"


def test_a_measure_without_readings_says_so(write_data: WriteData) -> None:
    root = write_data({**CONTACTS, "goals.yml": GOALS, "metrics.yml": "linkedin_connections: []\n"})
    expansion = report_of(root, dt.date(2026, 5, 16)).roadmap[1]
    assert expansion.targets[2].actual == 0 and expansion.targets[2].note


def test_habits_per_week_with_history_and_streak(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2025-12-29, with: [ada], kind: call}
            - {date: 2026-01-05, with: [ada], kind: call}
            - {date: 2026-01-12, with: [ada], kind: call}
            - {date: 2026-01-18, with: [ada], kind: call, value: give}
            - {date: 2026-01-20, with: [ada], kind: call}
            """,
            "goals.yml": """\
            habits:
              - {every: week, metric: interactions, target: 1}
              - {every: month, metric: gives, target: 1}
              - {every: quarter, metric: interactions, target: 5}
            """,
        }
    )
    weekly, monthly, quarterly = report_of(root, dt.date(2026, 1, 21)).habits
    assert weekly.current.label == "2026-W04" and weekly.current.met
    assert len(weekly.history) == 13 and weekly.history[-1] == weekly.current
    assert [p.actual for p in weekly.history[-4:]] == [1, 1, 2, 1]
    assert weekly.streak == 4  # W01 (from 29 December) to W04
    assert (monthly.current.label, monthly.current.actual, monthly.streak) == ("2026-01", 1, 1)
    assert (quarterly.current.label, quarterly.current.actual) == ("2026-Q1", 4)
    assert quarterly.streak == 0 and not quarterly.current.met


def test_a_streak_waits_for_the_current_period(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-01-05, with: [ada], kind: call}
            - {date: 2026-01-12, with: [ada], kind: call}
            """,
            "goals.yml": "habits: [{every: week, metric: interactions, target: 1}]\n",
        }
    )
    (weekly,) = report_of(root, dt.date(2026, 1, 20)).habits
    assert not weekly.current.met and weekly.streak == 2
    (later,) = report_of(root, dt.date(2026, 1, 27)).habits
    assert later.streak == 0


def test_current_phase_and_habit_share(write_data: WriteData) -> None:
    habits = "\n    habits: [{every: month, metric: new_contacts, target: 2}]\n"
    root = write_data({**CONTACTS, "metrics.yml": NO_READING, "goals.yml": GOALS.rstrip() + habits})
    report = report_of(root, dt.date(2026, 5, 16))
    assert [phase.current for phase in report.roadmap] == [False, True, False]
    (habit,) = report.habits
    assert (habit.current.actual, habit.current.share) == (1.0, 0.5)
    assert report_of(root, dt.date(2027, 1, 1)).roadmap[-1].current is False  # end exclusive


def test_burnup_runs_month_by_month_against_the_plan_steps(write_data: WriteData) -> None:
    root = write_data({**CONTACTS, "goals.yml": GOALS, "metrics.yml": NO_READING})
    (burnup,) = report_of(root, dt.date(2026, 5, 16)).burnups  # circle_size is a level
    assert (burnup.metric, burnup.label) == ("new_contacts", "New contacts")
    assert burnup.done == (
        (dt.date(2026, 1, 1), 0.0),
        (dt.date(2026, 1, 31), 1.0),
        (dt.date(2026, 2, 28), 2.0),
        (dt.date(2026, 3, 31), 3.0),
        (dt.date(2026, 4, 30), 4.0),
        (dt.date(2026, 5, 16), 5.0),
    )
    assert burnup.plan == (  # 3 + 4 by the end of March, + 6 + 2, + 5; then to the year's end
        (dt.date(2026, 1, 1), 0.0),
        (dt.date(2026, 4, 1), 7.0),
        (dt.date(2026, 7, 1), 15.0),
        (dt.date(2027, 1, 1), 20.0),
        (dt.date(2027, 1, 1), 20.0),
    )


def test_burnup_plan_follows_the_calendar_not_the_file(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "goals.yml": """\
        roadmap:
          - phase: Second half
            months: 7-12
            targets: [{metric: gives, target: 10}]
          - phase: First half
            months: 1-6
            targets:
              - {metric: gives, target: 4}
              - {metric: gives, where: {circle: inner}, target: 100}
          - phase: Spring
            months: 4-6
            targets: [{metric: gives, target: 2}]
          - phase: Only filtered
            months: 1-3
            targets: [{metric: asks, where: {circle: inner}, target: 1}]
        """,
        }
    )
    (burnup,) = report_of(root, dt.date(2025, 12, 1)).burnups  # asks is only filtered
    assert burnup.metric == "gives"
    assert burnup.plan == (
        (dt.date(2026, 1, 1), 0.0),
        (dt.date(2026, 7, 1), 6.0),
        (dt.date(2027, 1, 1), 16.0),
        (dt.date(2027, 1, 1), 16.0),
    )
    assert burnup.done == ((dt.date(2026, 1, 1), 0.0),)  # the year has not started


def test_no_burnup_without_an_unfiltered_counting_target(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "goals.yml": """\
        roadmap:
          - phase: All year
            months: 1-12
            targets:
              - {metric: circle_size, target: 4}
              - {metric: gives, where: {circle: inner}, target: 3}
              - {milestone: Profile}
        """,
        }
    )
    assert report_of(root, dt.date(2026, 5, 16)).burnups == ()
