"""The journal in its context, worked by hand: what each reflection is about, its
actions' due dates and status, and the open actions in the week's agenda."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from site_builder.compute import Report, compute
from site_builder.compute.jsonify import report_json
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 18)  # a Wednesday: the week is Monday 16 to Sunday 22 March

FILES = {
    "settings.yml": "owner: Sam Owner\nweekly_budget: 20\n",
    "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-03-01}\n",
    "contacts/bea.yml": "name: Bea\ncircle: middle\nmet: {on: 2026-03-01}\n",
    "contacts/cal.yml": "name: Cal\ncircle: middle\nmet: {on: 2026-03-01}\n",
    "events.yml": "- {id: summit, name: Summit, date: 2026-02-18}\n",
    "interactions/2026.yml": "- {date: 2026-03-01, with: [ada, bea, cal], kind: coffee}\n",
    "journal.yml": """\
        - date: 2026-02-20
          about: {event: summit}
          learned: [How to run a panel]
          actions:
            - {do: Write notes, due: 2026-03-22}
            - {do: Old own, due: 2026-03-01}
        - date: 2026-03-05
          about: {contact: ada}
          feedback_from: cal
          went_well: Clear ask
          actions:
            - {do: Send deck}
            - {do: Call Bea, contact: bea, due: 2026-03-20}
            - {do: Done one, due: 2026-03-06, done: 2026-03-06}
        """,
}


@pytest.fixture
def report(write_data: WriteData) -> Report:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    return compute(result.dataset, TODAY)


def test_reflections_latest_first_with_their_names(report: Report) -> None:
    first, second = report.journal
    assert (first.date, first.contact, first.name, first.feedback_name) == (
        dt.date(2026, 3, 5),
        "ada",
        "Ada",
        "Cal",
    )
    assert first.people == ("ada", "cal", "bea")  # about, feedback, then the actions' people
    assert (second.event, second.event_name, second.learned) == (
        "summit",
        "Summit",
        ("How to run a panel",),
    )
    assert second.people == ()
    assert [n.date for n in report.journal_by_contact["bea"]] == [dt.date(2026, 3, 5)]
    assert [n.date for n in report.journal_by_event["summit"]] == [dt.date(2026, 2, 20)]


def test_actions_are_due_a_week_after_the_entry_unless_dated(report: Report) -> None:
    actions = {a.do: a for n in report.journal for a in n.actions}
    send = actions["Send deck"]
    assert (send.due, send.contact, send.status, send.overdue_days) == (
        dt.date(2026, 3, 12),  # 5 March + 7 days
        "ada",  # the entry is about Ada
        "overdue",
        6,
    )
    assert (actions["Call Bea"].contact, actions["Call Bea"].status) == ("bea", "soon")
    assert (actions["Old own"].contact, actions["Old own"].overdue_days) == (None, 17)
    assert actions["Done one"].status == "done"
    assert [a.do for a in report.journal_actions] == [
        "Old own",
        "Send deck",
        "Call Bea",
        "Write notes",
    ]


def test_open_actions_are_follow_ups_in_the_agenda(report: Report) -> None:
    items = [item for item in report.agenda.items if item.key.startswith("journal-")]
    by_do = {item.move.removeprefix("Do it: "): item for item in items}
    assert sorted(by_do) == ["Call Bea", "Old own", "Send deck", "Write notes"]
    # due this week: dated items, whoever they are for
    call = by_do["Call Bea"]
    assert (call.kind, call.contact, call.due, call.score) == (
        "follow_up",
        "bea",
        dt.date(2026, 3, 20),
        0.0,
    )
    assert call.reason == "from your journal of Thu 05 Mar: Call Bea"
    assert call.draft.startswith("Hi Bea")
    notes = by_do["Write notes"]
    assert (notes.contact, notes.name, notes.draft) == ("", "you", "")  # no one to write to
    # late: they compete for the budget as late promises do; one of your own weighs 1
    send = by_do["Send deck"]
    assert send.reason == "from your journal of Thu 05 Mar: Send deck · 6 days late"
    ada = report.person("ada")
    assert ada is not None  # urgency 3 (the most) x inner circle 3 x her strength
    assert send.score == pytest.approx(3 * 3 * (0.5 + ada.strength.score / 100))
    assert by_do["Old own"].score == 3.0


def test_actions_done_leave_the_agenda(write_data: WriteData) -> None:
    files = dict(FILES)
    files["journal.yml"] = (
        "- date: 2026-03-05\n  about: {contact: ada}\n"
        "  actions: [{do: Send deck, done: 2026-03-10}]\n"
    )
    result = load(write_data(files))
    report = compute(result.dataset, TODAY)
    assert report.journal_actions == ()
    assert not [item for item in report.agenda.items if item.key.startswith("journal-")]


def test_the_journal_is_in_the_report_json(report: Report) -> None:
    data = json.loads(report_json(report))
    assert [note["learned"] for note in data["journal"]] == [[], ["How to run a panel"]]
    assert [a["due"] for a in data["journal_actions"]] == [
        "2026-03-01",
        "2026-03-12",
        "2026-03-20",
        "2026-03-22",
    ]
