"""Event follow-ups by the 24-48-7 rule, step by step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.loading.loader import load
from tests.conftest import WriteData

EVENT = """\
    - id: pycon
      name: PyCon
      date: 2026-05-14
      end: 2026-05-16
      kind: conference
      goal_new_contacts: 2
      met: [ada, bob, cy]
    """
PEOPLE = {f"contacts/{c}.yml": f"name: {c.title()}\ncircle: outer\n" for c in ("ada", "bob", "cy")}


def report_of(root: Path, today: dt.date) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def steps(report: Report, contact: str) -> list[tuple[str, dt.date, str, dt.date | None]]:
    item = next(f for f in report.event_follow_ups if f.contact == contact)
    return [(s.step, s.due, s.status, s.done_on) for s in item.steps]


def test_steps_count_from_the_last_day_of_an_event_spanning_days(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "events.yml": EVENT,
            "interactions/2026.yml": """\
        - {date: 2026-05-15, with: [ada], kind: linkedin}
        - {date: 2026-05-17, with: [ada], kind: message}
        - {date: 2026-05-22, with: [ada], kind: email, meeting: accepted}
        """,
        }
    )
    report = report_of(root, dt.date(2026, 6, 1))
    assert steps(report, "ada") == [
        ("connect", dt.date(2026, 5, 17), "done", dt.date(2026, 5, 15)),
        ("send", dt.date(2026, 5, 18), "done", dt.date(2026, 5, 17)),
        ("meet", dt.date(2026, 5, 23), "done", dt.date(2026, 5, 22)),
    ]
    summary = report.events[0]
    assert (summary.end, summary.goal_reached, summary.steps_total, summary.steps_done) == (
        dt.date(2026, 5, 16),
        True,
        9,
        3,
    )


def test_a_follow_up_done_late_and_one_missed(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "events.yml": EVENT,
            "interactions/2026.yml": """\
        - {date: 2026-05-20, with: [bob], kind: email}
        - {date: 2026-06-10, with: [bob], kind: coffee}
        """,
        }
    )
    report = report_of(root, dt.date(2026, 6, 15))
    assert steps(report, "bob") == [
        ("connect", dt.date(2026, 5, 17), "late", dt.date(2026, 5, 20)),
        ("send", dt.date(2026, 5, 18), "late", dt.date(2026, 5, 20)),
        ("meet", dt.date(2026, 5, 23), "late", dt.date(2026, 6, 10)),
    ]
    assert [s[2] for s in steps(report, "cy")] == ["missed", "missed", "missed"]
    assert (report.events[0].steps_done, report.events[0].steps_missed) == (3, 6)


def test_open_until_due_then_missed(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "events.yml": EVENT})
    on_day_two = report_of(root, dt.date(2026, 5, 18))
    assert [s[2] for s in steps(on_day_two, "ada")] == ["missed", "open", "open"]
    during = report_of(root, dt.date(2026, 5, 15))
    assert [s[2] for s in steps(during, "ada")] == ["open", "open", "open"]


def test_only_interactions_from_the_event_on_and_up_to_today_count(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "events.yml": EVENT,
            "interactions/2026.yml": """\
        - {date: 2026-05-13, with: [ada], kind: linkedin}
        - {date: 2026-05-21, with: [ada], kind: call}
        """,
        }
    )
    report = report_of(root, dt.date(2026, 5, 20))
    assert [s[2] for s in steps(report, "ada")] == ["missed", "missed", "open"]


def test_a_multi_person_message_serves_everyone_in_it(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "events.yml": EVENT,
            "interactions/2026.yml": """\
        - {date: 2026-05-17, with: [ada, bob], kind: message}
        """,
        }
    )
    report = report_of(root, dt.date(2026, 5, 30))
    for contact in ("ada", "bob"):
        assert [s[2] for s in steps(report, contact)] == ["done", "done", "missed"]
    assert [(f.event, f.contact) for f in report.event_follow_ups] == [
        ("pycon", "ada"),
        ("pycon", "bob"),
        ("pycon", "cy"),
    ]


def test_totals_of_past_events(write_data: WriteData) -> None:
    more = (
        "{id: meetup, name: Meetup, date: 2026-04-01, met: [ada]}",
        "{id: today, name: Today, date: 2026-06-01, met: [cy]}",
        "{id: summit, name: Summit, date: 2026-07-01, met: [bob]}",
    )
    events = EVENT.rstrip() + "".join(f"\n    - {event}" for event in more) + "\n"
    root = write_data(
        {
            **PEOPLE,
            "events.yml": events,
            "interactions/2026.yml": """\
        - {date: 2026-05-15, with: [ada], kind: linkedin}
        - {date: 2026-05-17, with: [ada], kind: message}
        - {date: 2026-05-22, with: [ada], kind: email, meeting: accepted}
        """,
        }
    )
    totals = report_of(root, dt.date(2026, 6, 1)).event_totals
    assert (totals.past, totals.coming, totals.people_met) == (
        2,
        2,
        4,
    )  # an event ending today is coming
    assert (totals.steps_total, totals.steps_done, totals.done_share) == (12, 6, 0.5)  # 3 late


def test_no_past_event_has_no_share(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "events.yml": EVENT})
    totals = report_of(root, dt.date(2026, 5, 1)).event_totals
    assert (totals.past, totals.coming, totals.people_met, totals.done_share) == (0, 1, 0, None)
