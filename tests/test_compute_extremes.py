"""The ends of the calendar the data may use (1900-01-01 to 2999-12-31): no overflow."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from site_builder.compute import compute
from site_builder.compute.jsonify import dumps, report_json
from site_builder.loading.loader import load
from site_builder.views.due import due_json, due_view
from tests.conftest import WriteData

FIRST, LAST = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
FILES = {
    "settings.yml": """\
        owner: Me
        roadmap_start: 2999-12-31
        cadence_days: {inner: 3650, middle: 3650, outer: 3650}
        due_soon_days: 3650
        """,
    "contacts/ada.yml": """\
        name: Ada
        circle: inner
        met: {on: 2999-12-31}
        snooze_until: 2999-12-31
        board_role: mentor
        dates: {birthday: 2999-12-31, work_anniversary: 1900-02-28}
        """,
    "contacts/bob.yml": """\
        name: Bob
        circle: outer
        cadence_days: 3650
        met: {on: 1900-01-01}
        dates: {birthday: 02-29, work_anniversary: 2998-12-31}
        """,
    "contacts/cy.yml": "name: Cy\ncircle: middle\ndates: {birthday: 12-31}\n",
    "interactions/edges.yml": """\
        - {date: 1900-01-01, with: [bob], kind: call, value: give, introduced: [ada]}
        - date: 2999-12-31
          with: [ada, bob]
          kind: coffee
          value: ask
          outcomes: [referral]
          follow_ups: [{do: Write, due: 2999-12-31}, {do: Call back}]
        """,
    "events.yml": "- {id: last, name: Last, date: 2999-12-30, end: 2999-12-31, met: [cy]}\n",
    "communities.yml": "- {name: Club, kind: association, joined: 2999-12-31}\n",
    "metrics.yml": "followers: [{date: 1900-01-01, value: 1}, {date: 2999-12-31, value: 2}]\n",
    "goals.yml": """\
        roadmap:
          - phase: Whole year
            months: 1-12
            targets:
              - {metric: interactions, target: 1}
              - {metric: board_filled, target: 1}
              - {measure: followers, target: 2}
          - {phase: Last month, months: 12, targets: [{milestone: Done, done: 2999-12-31}]}
        habits:
          - {every: week, metric: interactions, target: 1}
          - {every: month, metric: gives, target: 1}
          - {every: quarter, metric: introductions_made, target: 1}
        """,
}


@pytest.mark.parametrize("today", [FIRST, LAST])
def test_the_first_and_last_days_of_the_calendar(write_data: WriteData, today: dt.date) -> None:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    report = compute(result.dataset, today)
    assert len(report.workload) == 26 and report.roadmap_end == dt.date(3000, 12, 31)
    json.loads(report_json(report))
    view = due_view(report, within=10**12)
    assert json.loads(dumps(due_json(view)))["today"] == today.isoformat()


def test_the_last_day_of_the_calendar_in_detail(write_data: WriteData) -> None:
    result = load(write_data(FILES))
    report = compute(result.dataset, LAST)
    later = LAST + dt.timedelta(days=3650)
    assert [(p.contact, p.due, p.status) for p in report.touchpoints] == [
        ("ada", later, "soon"),
        ("bob", later, "soon"),
        ("cy", None, "new"),  # met at the event, with no day met: a prospect
    ]
    assert [(k.contact, k.kind, k.date, k.years) for k in report.key_dates] == [
        ("bob", "work_anniversary", LAST, 1),
        ("cy", "birthday", LAST, None),
        ("ada", "work_anniversary", dt.date(3000, 2, 28), 1100),
        ("bob", "birthday", dt.date(3000, 2, 28), None),  # 3000 is no leap year
        ("ada", "birthday", dt.date(3000, 12, 31), None),  # born today: first birthday
    ]
    assert [p.status for p in report.roadmap] == ["done", "upcoming"]
    assert [s.step for s in report.event_follow_ups[0].steps] == ["connect", "send", "meet"]
    assert report.event_follow_ups[0].steps[2].due == dt.date(3000, 1, 7)
