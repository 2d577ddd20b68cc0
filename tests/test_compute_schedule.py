"""Touchpoints, birthdays and open follow-ups: each rule of the house with a fixed today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.compute.report import Touchpoint
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 15)


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def point(report: Report, contact: str) -> Touchpoint:
    return next(p for p in report.touchpoints if p.contact == contact)


def test_a_contact_never_contacted_nor_met_is_a_prospect(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\n"})
    ada = point(report_of(root), "ada")
    assert (ada.anchor, ada.last_touch, ada.due, ada.status) == (None, None, None, "new")
    assert ada.never_contacted and not ada.dormant and ada.overdue_days == 0
    assert ada.stage == "to_meet"


def test_a_prospect_stays_new_every_day(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\n"})
    for day in (TODAY, TODAY + dt.timedelta(days=400)):
        ada = point(report_of(root, day), "ada")
        assert (ada.status, ada.due, ada.dormant) == ("new", None, False)


def test_a_snoozed_prospect_falls_due_when_the_snooze_ends(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\nsnooze_until: 2026-03-20\n"})
    ada = point(report_of(root), "ada")
    assert (ada.due, ada.status, ada.snoozed_until) == (dt.date(2026, 3, 20), "soon", ada.due)


def test_the_stage_follows_the_conversation(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: outer\n",
            "contacts/bob.yml": "name: Bob\ncircle: outer\n",
            "contacts/cy.yml": "name: Cy\ncircle: outer\n",
            "contacts/dee.yml": "name: Dee\ncircle: outer\nmet: {on: 2026-01-02}\n",
            "interactions/2026.yml": (
                "- {date: 2026-03-01, with: [ada], kind: email, initiated: me, reply: pending}\n"
                "- {date: 2026-03-01, with: [bob], kind: email, initiated: me, reply: replied}\n"
                "- {date: 2026-03-02, with: [cy], kind: call}\n"
            ),
        }
    )
    report = report_of(root)
    stages = {p.contact: p.stage for p in report.touchpoints}
    assert stages == {"ada": "reached_out", "bob": "replied", "cy": "met", "dee": "met"}


def test_met_but_never_touched_counts_from_the_day_met(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-02-01}\n"})
    ada = point(report_of(root), "ada")
    assert ada.anchor == dt.date(2026, 2, 1) and ada.due == dt.date(2026, 3, 3)
    assert (ada.status, ada.overdue_days) == ("overdue", 12)
    assert ada.never_contacted and not ada.dormant


def test_a_snooze_past_due_moves_the_due_date(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\nsnooze_until: 2026-04-01\n",
            "contacts/bob.yml": "name: Bob\ncircle: inner\nsnooze_until: 2026-01-05\n",
            "interactions/2026.yml": "- {date: 2026-01-01, with: [ada, bob], kind: call}\n",
        }
    )
    report = report_of(root)
    ada, bob = point(report, "ada"), point(report, "bob")
    april = dt.date(2026, 4, 1)
    assert (ada.due, ada.status, ada.snoozed_until) == (april, "ok", april)
    assert (bob.due, bob.status, bob.snoozed_until) == (dt.date(2026, 1, 31), "overdue", None)


def test_a_custom_cadence_overrides_the_circle(write_data: WriteData) -> None:
    root = write_data(
        {
            "settings.yml": "owner: Me\ncadence_days: {outer: 200}\n",
            "contacts/ada.yml": "name: Ada\ncircle: outer\ncadence_days: 10\n",
            "contacts/bob.yml": "name: Bob\ncircle: outer\n",
            "interactions/2026.yml": "- {date: 2026-03-01, with: [ada, bob], kind: call}\n",
        }
    )
    report = report_of(root)
    assert point(report, "ada").cadence_days == 10
    assert point(report, "ada").due == dt.date(2026, 3, 11)
    assert point(report, "ada").overdue_days == 4
    assert point(report, "bob").due == dt.date(2026, 9, 17)


def test_a_future_meeting_schedules_the_contact(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-01-01, with: [ada], kind: call}
            - {date: 2026-03-25, with: [ada], kind: coffee}
            - {date: 2026-03-20, with: [ada], kind: video}
            """,
        }
    )
    ada = point(report_of(root), "ada")
    assert ada.status == "scheduled" and ada.scheduled == dt.date(2026, 3, 20)
    assert ada.last_touch == dt.date(2026, 1, 1) and ada.overdue_days == 0


def test_archived_contacts_get_no_touchpoint_but_keep_their_history(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\narchived: true\ndates: {birthday: 03-20}\n",
            "interactions/2026.yml": "- {date: 2026-01-01, with: [ada], kind: call}\n",
        }
    )
    report = report_of(root)
    assert report.touchpoints == () and report.key_dates == ()
    ada = report.person("ada")
    assert ada is not None and ada.archived and ada.touchpoint is None and ada.touches == 1


def test_dormant_is_more_than_two_intervals_overdue_is_one(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/late.yml": "name: Late\ncircle: middle\n",
            "contacts/gone.yml": "name: Gone\ncircle: middle\n",
            "contacts/edge.yml": "name: Edge\ncircle: middle\n",
            "interactions/2025.yml": """\
            - {date: 2025-10-01, with: [late], kind: call}
            - {date: 2025-06-01, with: [gone], kind: call}
            - {date: 2025-09-16, with: [edge], kind: call}
            """,
        }
    )
    report = report_of(root)
    late, gone, edge = (point(report, c) for c in ("late", "gone", "edge"))
    assert late.status == gone.status == "overdue"
    assert late.overdue_days == 75 and not late.dormant
    assert gone.dormant
    assert (TODAY - dt.date(2025, 9, 16)).days == 180 and not edge.dormant  # exactly 2 x 90


def test_one_interaction_with_several_people_touches_each(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "contacts/bob.yml": "name: Bob\ncircle: middle\n",
            "interactions/2026.yml": """\
            - {date: 2026-03-10, with: [ada, bob], kind: meeting, value: give}
            """,
        }
    )
    report = report_of(root)
    assert point(report, "ada").last_touch == dt.date(2026, 3, 10)
    assert point(report, "bob").last_touch == dt.date(2026, 3, 10)
    assert point(report, "ada").due == dt.date(2026, 4, 9)
    assert point(report, "bob").due == dt.date(2026, 6, 8)
    for contact in ("ada", "bob"):
        person = report.person(contact)
        assert person is not None and person.reciprocity.gives == 1


def test_order_overdue_by_intervals_then_by_due_date(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/inner-late.yml": "name: Zed\ncircle: inner\n",
            "contacts/outer-late.yml": "name: Amy\ncircle: outer\n",
            "contacts/soon.yml": "name: Sue\ncircle: inner\n",
            "contacts/later.yml": "name: Lee\ncircle: inner\n",
            "contacts/today.yml": "name: Tia\ncircle: inner\n",
            "interactions/2025.yml": """\
            - {date: 2026-01-29, with: [inner-late], kind: call}
            - {date: 2024-12-05, with: [outer-late], kind: call}
            - {date: 2026-02-18, with: [soon], kind: call}
            - {date: 2026-03-10, with: [later], kind: call}
            - {date: 2026-02-13, with: [today], kind: call}
            """,
        }
    )
    report = report_of(root)
    order = [(p.contact, p.status) for p in report.touchpoints]
    assert order == [
        ("inner-late", "overdue"),  # 15 days of 30: half an interval
        ("outer-late", "overdue"),  # 100 days of 365: less than a third
        ("today", "due"),
        ("soon", "soon"),
        ("later", "ok"),
    ]
    assert [p.priority for p in report.touchpoints] == [1, 2, 3, 4, 5]


def test_a_scheduled_contact_is_ordered_by_its_due_date(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/booked.yml": "name: Booked\ncircle: outer\nmet: {on: 2019-01-01}\n",
            "contacts/due.yml": "name: Due\ncircle: inner\n",
            "contacts/later.yml": "name: Later\ncircle: inner\n",
            "contacts/soon.yml": "name: Soon\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-03-20, with: [booked], kind: coffee}
            - {date: 2026-02-13, with: [due], kind: call}
            - {date: 2026-02-22, with: [later], kind: call}
            - {date: 2026-02-17, with: [soon], kind: call}
            - {date: 2026-03-16, with: [soon], kind: coffee}
            """,
        }
    )
    report = report_of(root)
    booked, soon = point(report, "booked"), point(report, "soon")
    assert (booked.status, booked.due, booked.scheduled) == (
        "scheduled",
        dt.date(2020, 1, 1),
        dt.date(2026, 3, 20),
    )
    assert (soon.status, soon.due, soon.scheduled) == (
        "scheduled",
        dt.date(2026, 3, 19),
        dt.date(2026, 3, 16),
    )
    # by due date: 2020-01-01, 15 March, 19 March (booked for the 16th), 24 March
    assert [p.contact for p in report.touchpoints] == ["booked", "due", "soon", "later"]


def test_equal_due_dates_are_ordered_by_name_then_id(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/b-2.yml": "name: Bea\ncircle: inner\nmet: {on: 2026-02-13}\n",
            "contacts/b-1.yml": "name: bea\ncircle: inner\nmet: {on: 2026-02-13}\n",
            "contacts/al.yml": "name: Al\ncircle: inner\nmet: {on: 2026-02-13}\n",
            "contacts/ab.yml": "name: Ab\ncircle: inner\nmet: {on: 2026-02-13}\n",
            "interactions/2026.yml": "- {date: 2026-03-25, with: [ab], kind: call}\n",
        }
    )
    report = report_of(root)
    assert {p.due for p in report.touchpoints} == {TODAY}  # met 30 days ago: due today
    assert [p.contact for p in report.touchpoints] == ["ab", "al", "b-1", "b-2"]


def test_a_touch_logged_before_the_day_met_does_not_move_the_anchor_back(
    write_data: WriteData,
) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-03-01}\n",
            "interactions/2026.yml": "- {date: 2025-12-01, with: [ada], kind: email}\n",
        }
    )
    ada = point(report_of(root), "ada")
    assert ada.last_touch == dt.date(2025, 12, 1) and ada.anchor == dt.date(2026, 3, 1)
    assert (ada.due, ada.status) == (dt.date(2026, 3, 31), "ok")


def test_birthdays_on_29_february(write_data: WriteData) -> None:
    root = write_data(
        {
            "settings.yml": "owner: Me\npublish: {private_details: true}\n",
            "contacts/leap.yml": "name: Leap\ncircle: outer\ndates: {birthday: 1992-02-29}\n",
            "contacts/plain.yml": "name: Plain\ncircle: outer\ndates: {work_anniversary: 2020-03-01}\n",
        }
    )
    common = report_of(root, dt.date(2027, 2, 1))
    leap = next(k for k in common.key_dates if k.contact == "leap")
    assert (leap.date, leap.days_until, leap.years) == (dt.date(2027, 2, 28), 27, 35)
    in_leap_year = report_of(root, dt.date(2028, 2, 29))
    assert [(k.contact, k.date, k.days_until) for k in in_leap_year.key_dates] == [
        ("leap", dt.date(2028, 2, 29), 0),
        ("plain", dt.date(2028, 3, 1), 1),
    ]
    after = report_of(root, dt.date(2027, 3, 1))
    assert [(k.contact, k.date, k.years) for k in after.key_dates] == [
        ("plain", dt.date(2027, 3, 1), 7),
        ("leap", dt.date(2028, 2, 29), 36),
    ]


def test_a_dated_anniversary_is_listed_from_its_first_year(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/new.yml": "name: New\ncircle: outer\ndates: {work_anniversary: 2026-11-25}\n",
            "contacts/today.yml": "name: Today\ncircle: outer\n"
            "dates: {work_anniversary: 2026-11-22}\n",
            "contacts/one.yml": "name: One\ncircle: outer\ndates: {work_anniversary: 2025-11-25}\n",
            "contacts/baby.yml": "name: Baby\ncircle: outer\ndates: {birthday: 2026-12-01}\n",
        }
    )
    november = report_of(root, dt.date(2026, 11, 22))
    assert [(k.contact, k.date, k.years) for k in november.key_dates] == [
        ("one", dt.date(2026, 11, 25), 1),
        ("today", dt.date(2027, 11, 22), 1),
    ]
    born = report_of(root, dt.date(2026, 12, 1))
    assert [(k.contact, k.date, k.years) for k in born.key_dates] == [
        ("today", dt.date(2027, 11, 22), 1),
        ("new", dt.date(2027, 11, 25), 1),
        ("one", dt.date(2027, 11, 25), 2),
        ("baby", dt.date(2027, 12, 1), None),
    ]


def test_an_age_is_shown_only_when_private_details_are_published(write_data: WriteData) -> None:
    dates = "dates: {birthday: 1990-12-10, work_anniversary: 2019-04-01}\n"
    files = {"contacts/ada.yml": "name: Ada\ncircle: inner\n" + dates}
    today = dt.date(2026, 11, 22)
    private = report_of(write_data(files), today)
    assert [(k.kind, k.date, k.years) for k in private.key_dates] == [
        ("birthday", dt.date(2026, 12, 10), None),
        ("work_anniversary", dt.date(2027, 4, 1), 8),
    ]
    published = report_of(
        write_data({**files, "settings.yml": "owner: Me\npublish: {private_details: true}\n"}),
        today,
    )
    assert [k.years for k in published.key_dates] == [36, 8]


def test_cadence_counts_the_leap_day(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2028.yml": "- {date: 2028-02-01, with: [ada], kind: call}\n",
        }
    )
    ada = point(report_of(root, dt.date(2028, 3, 1)), "ada")
    assert ada.due == dt.date(2028, 3, 2) and ada.status == "soon"


def test_open_follow_ups_with_their_due_dates(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": """\
            - date: 2026-03-01
              with: [ada]
              kind: coffee
              follow_ups:
                - {do: Send the paper, due: 2026-03-05}
                - {do: Book the room, due: 2026-03-05, done: 2026-03-04}
                - {do: Intro to Bob}
                - {do: Share the deck, due: 2026-03-15}
                - {do: Read her post, due: 2026-03-20}
                - {do: Plan the talk, due: 2026-04-20}
            - date: 2026-04-01
              with: [ada]
              kind: coffee
              follow_ups: [{do: Not promised yet, due: 2026-04-02}]
            """,
        }
    )
    items = [(f.do, f.status, f.overdue_days) for f in report_of(root).follow_ups]
    assert items == [
        ("Send the paper", "overdue", 10),
        ("Share the deck", "due", 0),
        ("Read her post", "soon", 0),
        ("Plan the talk", "open", 0),
        ("Intro to Bob", "open", 0),
    ]
