"""The week's agenda, worked by hand: each kind, the budget, prospects, bookings, ties."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.compute.report import AgendaItem
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 18)  # a Wednesday: the week is Monday 16 to Sunday 22 March

FILES = {
    # ada: inner circle, last coffee 10 Feb, due 12 Mar: 6 days late
    "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-01-01}\n",
    # bob: a coffee booked for yesterday, never confirmed
    "contacts/bob.yml": "name: Bob\ncircle: middle\nmet: {on: 2026-01-05}\n",
    # cy: a prospect, never met nor contacted
    "contacts/cy.yml": "name: Cy\ncircle: outer\n",
    # dee: outer circle, last call three years ago: dormant
    "contacts/dee.yml": "name: Dee\ncircle: outer\nmet: {on: 2023-01-01}\n",
    # eve: birthday on Friday
    "contacts/eve.yml": (
        "name: Eve\ncircle: middle\nmet: {on: 2026-03-01}\ndates: {birthday: 03-20}\n"
    ),
    # fay: met at a meetup that ended yesterday: connect by today
    "contacts/fay.yml": "name: Fay\ncircle: outer\nmet: {on: 2026-03-17}\n",
    # gus: a promise due tomorrow
    "contacts/gus.yml": "name: Gus\ncircle: middle\nmet: {on: 2026-03-01}\n",
    # hal: a call booked for Saturday
    "contacts/hal.yml": "name: Hal\ncircle: middle\nmet: {on: 2026-03-01}\n",
    # ivy: on track, and you can help her
    "contacts/ivy.yml": (
        "name: Ivy\ncircle: middle\nmet: {on: 2026-03-01}\ncan_help_them: Intros to designers\n"
    ),
    "interactions/2026.yml": """\
        - {date: 2023-01-01, with: [dee], kind: call}
        - {date: 2026-02-10, with: [ada], kind: coffee}
        - {date: 2026-01-05, with: [bob], kind: call}
        - {date: 2026-03-17, with: [bob], kind: coffee, planned: true}
        - date: 2026-03-02
          with: [gus]
          kind: call
          follow_ups: [{do: Send the slides, due: 2026-03-19}]
        - {date: 2026-03-21, with: [hal], kind: call, planned: true}
        """,
    "events.yml": "- {id: meetup, name: Pricing Meetup, date: 2026-03-17, met: [fay]}\n",
}
DATED = {
    ("confirm", "bob", dt.date(2026, 3, 17)),
    ("event_step", "fay", dt.date(2026, 3, 18)),
    ("follow_up", "gus", dt.date(2026, 3, 19)),
    ("key_date", "eve", dt.date(2026, 3, 20)),
    ("meeting", "hal", dt.date(2026, 3, 21)),
}


def report_of(root: Path, today: dt.date = TODAY, budget: int | None = None) -> Report:
    result = load(root)
    assert result.ok, result.problems
    dataset = result.dataset
    if budget is not None:
        settings = dataset.settings.model_copy(update={"weekly_budget": budget})
        dataset = dataclasses.replace(dataset, settings=settings)
    return compute(dataset, today)


def by_contact(items: tuple[AgendaItem, ...]) -> dict[str, AgendaItem]:
    return {item.contact: item for item in items}


def test_the_week_is_the_iso_week_holding_today(write_data: WriteData) -> None:
    agenda = report_of(write_data(FILES)).agenda
    assert (agenda.start, agenda.end, agenda.budget) == (
        dt.date(2026, 3, 16),
        dt.date(2026, 3, 22),
        10,
    )


def test_every_kind_with_its_reason_move_and_template(write_data: WriteData) -> None:
    agenda = report_of(write_data(FILES)).agenda
    items = by_contact(agenda.items)
    assert {(i.kind, i.contact, i.due) for i in agenda.items[:5]} == DATED
    assert [i.kind for i in agenda.items[:5]] == [
        "confirm",
        "event_step",
        "follow_up",
        "key_date",
        "meeting",
    ]  # dated items by day
    assert {i.contact: i.kind for i in agenda.items[5:]} == {
        "ada": "touch",
        "cy": "reach_out",
        "dee": "reconnect",
        "ivy": "give",
    }
    assert agenda.later == ()
    ada = items["ada"]
    assert ada.reason == "inner circle · last coffee 36 days ago · every 30 days · 6 days late"
    assert (ada.move, ada.template, ada.due) == (
        "Meet: a coffee or a call",
        "check_in",
        dt.date(2026, 3, 12),
    )
    assert items["bob"].reason == "coffee booked for Tue 17 Mar · not confirmed yet"
    assert items["bob"].template == "confirm"
    assert items["fay"].reason == "met at Pricing Meetup (Tue 17 Mar) · connect by Wed 18 Mar"
    assert (items["fay"].template, items["fay"].event) == ("event_follow_up", "meetup")
    assert items["gus"].reason == "promised on Mon 02 Mar: Send the slides"
    assert items["gus"].move == "Do it: Send the slides"
    assert (items["eve"].reason, items["eve"].template) == ("birthday on Fri 20 Mar", "birthday")
    assert items["hal"].reason == "call booked for Sat 21 Mar · met 17 days ago"
    assert items["cy"].reason == "prospect · not contacted yet · outer circle"
    assert items["cy"].template == "cold_outreach" and items["cy"].due is None
    assert items["dee"].reason.startswith("dormant · outer circle · last call 1172 days ago")
    assert (items["ivy"].move, items["ivy"].template) == ("Give first: Intros to designers", "give")
    assert all(i.score == 0 for i in agenda.items[:5])
    assert all(i.score > 0 for i in agenda.items[5:])


def test_a_booked_meeting_whose_day_passed_is_no_touch_until_confirmed(
    write_data: WriteData,
) -> None:
    report = report_of(write_data(FILES))
    bob = next(p for p in report.touchpoints if p.contact == "bob")
    assert (bob.last_touch, bob.scheduled) == (dt.date(2026, 1, 5), None)
    confirmed = dict(FILES)
    confirmed["interactions/2026.yml"] = FILES["interactions/2026.yml"].replace(
        "kind: coffee, planned: true", "kind: coffee"
    )
    report = report_of(write_data(confirmed))
    bob = next(p for p in report.touchpoints if p.contact == "bob")
    assert bob.last_touch == dt.date(2026, 3, 17)
    assert "bob" not in {item.contact for item in report.agenda.items}


def test_an_unconfirmed_meeting_counts_in_no_metric(write_data: WriteData) -> None:
    def meetings(report: Report) -> float:
        series = next(m for m in report.metrics if m.metric == "meetings")
        return series.roadmap_year

    planned = report_of(write_data(FILES))
    confirmed = dict(FILES)
    confirmed["interactions/2026.yml"] = FILES["interactions/2026.yml"].replace(
        "kind: coffee, planned: true", "kind: coffee"
    )
    assert meetings(report_of(write_data(confirmed))) == meetings(planned) + 1


def test_a_booking_ahead_schedules_the_contact(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    hal = next(p for p in report.touchpoints if p.contact == "hal")
    assert (hal.status, hal.scheduled) == ("scheduled", dt.date(2026, 3, 21))


def test_the_budget_takes_the_best_scores_and_counts_the_rest_as_later(
    write_data: WriteData,
) -> None:
    agenda = report_of(write_data(FILES), budget=6).agenda
    assert {(i.kind, i.contact, i.due) for i in agenda.items[:5]} == DATED
    budgeted = agenda.items[5:]
    assert len(budgeted) == 1 and len(agenda.later) == 3
    assert budgeted[0].score >= max(i.score for i in agenda.later)
    scores = [i.score for i in agenda.later]
    assert scores == sorted(scores, reverse=True)
    assert {i.contact for i in (*budgeted, *agenda.later)} == {"ada", "cy", "dee", "ivy"}


def test_dated_items_enter_beyond_the_budget(write_data: WriteData) -> None:
    agenda = report_of(write_data(FILES), budget=2).agenda
    assert {(i.kind, i.contact, i.due) for i in agenda.items} == DATED
    assert len(agenda.later) == 4


def test_someone_with_a_dated_item_gets_no_second_move(write_data: WriteData) -> None:
    files = dict(FILES)
    files["contacts/gus.yml"] = "name: Gus\ncircle: inner\nmet: {on: 2025-12-01}\n"
    agenda = report_of(write_data(files)).agenda
    assert [i.kind for i in agenda.items if i.contact == "gus"] == ["follow_up"]
    assert "gus" not in {i.contact for i in agenda.later}


def test_ties_are_ordered_by_name_then_id(write_data: WriteData) -> None:
    same = "circle: inner\nmet: {on: 2026-01-01}\n"
    root = write_data(
        {
            "contacts/b-2.yml": f"name: Bea\n{same}",
            "contacts/b-1.yml": f"name: bea\n{same}",
            "contacts/al.yml": f"name: Al\n{same}",
            "contacts/ab.yml": f"name: Ab\n{same}",
        }
    )
    agenda = report_of(root, budget=2).agenda
    assert [i.contact for i in agenda.items] == ["ab", "al"]
    assert [i.contact for i in agenda.later] == ["b-1", "b-2"]
    assert len({i.score for i in agenda.items} | {m.score for m in agenda.later}) == 1


def test_gives_take_at_most_one_move_in_five(write_data: WriteData) -> None:
    helpful = "circle: middle\nmet: {on: 2026-03-01}\ncan_help_them: A review\n"
    root = write_data({f"contacts/p{n}.yml": f"name: P{n}\n{helpful}" for n in range(8)})
    agenda = report_of(root).agenda
    assert [i.kind for i in agenda.items] == ["give", "give"]
    assert len(agenda.later) == 6


def test_a_meeting_booked_this_week_is_the_events_meet_step(write_data: WriteData) -> None:
    files = dict(FILES)
    files["events.yml"] = "- {id: meetup, name: Meetup, date: 2026-03-11, met: [hal]}\n"
    agenda = report_of(write_data(files)).agenda
    assert [i.kind for i in agenda.items if i.contact == "hal"] == ["meeting"]
    files["interactions/2026.yml"] = "[]\n"  # no booking: the meet step is due Wednesday
    agenda = report_of(write_data(files)).agenda
    hal = [i for i in agenda.items if i.contact == "hal"]
    assert [(i.kind, i.due) for i in hal] == [("event_step", dt.date(2026, 3, 18))]
    assert hal[0].reason == "met at Meetup (Wed 11 Mar) · meet again by Wed 18 Mar"


def test_a_promise_late_from_an_earlier_week_competes_for_the_budget(
    write_data: WriteData,
) -> None:
    files = dict(FILES)
    files["interactions/2026.yml"] = FILES["interactions/2026.yml"].rstrip(" ") + (
        "        - date: 2026-02-02\n"
        "          with: [gus]\n"
        "          kind: email\n"
        "          follow_ups: [{do: Send the deck, due: 2026-03-01}]\n"
    )
    agenda = report_of(write_data(files)).agenda
    gus = [(i.kind, i.due, i.promise) for i in agenda.items if i.contact == "gus"]
    assert gus == [
        ("follow_up", dt.date(2026, 3, 19), "Send the slides"),  # this week: dated
        ("follow_up", dt.date(2026, 3, 1), "Send the deck"),  # late: budgeted, first
    ]
    assert agenda.items[5].promise == "Send the deck"  # the highest score of the week
    assert "I said I would send the deck." in agenda.items[5].draft
    assert "17 days late" in agenda.items[5].reason
    assert len(report_of(write_data(files), budget=5).agenda.later) == 5
