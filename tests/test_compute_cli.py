"""`netdash due` and `netdash report`: the terminal table, the stable JSON, exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers the commands
from site_builder.cli.app import app
from tests.conftest import WriteData

FILES = {
    "contacts/ada.yml": "name: Ada\ncircle: inner\ndates: {birthday: 03-20}\n",
    "contacts/bob.yml": "name: Bob\ncircle: outer\n",
    "contacts/cy.yml": "name: Cy\ncircle: inner\n",
    "contacts/dee.yml": "name: Dee\ncircle: inner\n",
    "interactions/2026.yml": """\
        - date: 2026-01-01
          with: [ada]
          kind: coffee
          follow_ups: [{do: Send the paper, due: 2026-03-01}]
        - {date: 2026-03-01, with: [bob], kind: call}
        - {date: 2026-02-13, with: [cy], kind: call}
        - {date: 2026-03-20, with: [dee], kind: video}
        """,
    "events.yml": "- {id: meet, name: Meetup, date: 2026-03-10, met: [bob]}\n",
}
TOUCHPOINT_KEYS = {
    "contact",
    "name",
    "circle",
    "cadence_days",
    "last_touch",
    "due",
    "status",
    "overdue_days",
    "dormant",
    "scheduled",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_due_json_is_the_documented_interface(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run("due", "--data", str(root), "--today", "2026-03-15", "--json")
    assert code == 0, output
    data = json.loads(output)
    assert set(data) == {
        "today",
        "agenda",
        "touchpoints",
        "birthdays",
        "follow_ups",
        "event_follow_ups",
    }
    assert set(data["agenda"]) == {"week", "budget", "items", "later"}
    assert data["today"] == "2026-03-15"
    assert all(set(point) == TOUCHPOINT_KEYS for point in data["touchpoints"])
    ada, *_ = data["touchpoints"]
    assert ada == {
        "contact": "ada",
        "name": "Ada",
        "circle": "inner",
        "cadence_days": 30,
        "last_touch": "2026-01-01",
        "due": "2026-01-31",
        "status": "overdue",
        "overdue_days": 43,
        "dormant": True,
        "scheduled": None,
    }
    # by default: this week's people and everyone overdue; dee's call is next week
    assert "dee" not in {p["contact"] for p in data["touchpoints"]}
    code, output = run("due", "--data", str(root), "--today", "2026-03-15", "--json", "--all")
    everyone = json.loads(output)["touchpoints"]
    dee = next(p for p in everyone if p["contact"] == "dee")
    assert (dee["status"], dee["scheduled"], dee["overdue_days"]) == ("scheduled", "2026-03-20", 0)
    assert [(b["contact"], b["kind"], b["date"]) for b in data["birthdays"]] == [
        ("ada", "birthday", "2026-03-20")
    ]
    assert data["follow_ups"][0]["do"] == "Send the paper"
    assert data["follow_ups"][0]["overdue_days"] == 14
    assert [f["contact"] for f in data["event_follow_ups"]] == ["bob"]


def test_within_keeps_overdue_and_those_due_in_time(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run(
        "due", "--data", str(root), "--today", "2026-03-15", "--json", "--within", "0"
    )
    assert code == 0
    # dee was never contacted nor met: a prospect, with a call booked for 20 March.
    assert [p["contact"] for p in json.loads(output)["touchpoints"]] == ["ada", "cy"]
    assert json.loads(output)["birthdays"] == []
    code, output = run(
        "due", "--data", str(root), "--today", "2026-03-15", "--json", "--within", "5"
    )
    assert [p["contact"] for p in json.loads(output)["touchpoints"]] == ["ada", "cy"]
    assert [b["contact"] for b in json.loads(output)["birthdays"]] == ["ada"]


def test_within_looks_at_the_due_date_not_the_booking(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/booked-soon.yml": "name: Booked soon\ncircle: inner\n",
            "contacts/booked-late.yml": "name: Booked late\ncircle: inner\n",
            "interactions/2026.yml": """\
            - {date: 2026-03-10, with: [booked-soon], kind: call}
            - {date: 2026-03-16, with: [booked-soon], kind: coffee}
            - {date: 2026-02-16, with: [booked-late], kind: call}
            - {date: 2026-06-01, with: [booked-late], kind: coffee}
            """,
        }
    )
    code, output = run(
        "due", "--data", str(root), "--today", "2026-03-15", "--json", "--within", "5"
    )
    assert code == 0, output
    points = json.loads(output)["touchpoints"]
    assert [(p["contact"], p["due"], p["scheduled"]) for p in points] == [
        ("booked-late", "2026-03-18", "2026-06-01")
    ]


def test_within_any_number_of_days(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run(
        "due", "--data", str(root), "--today", "2026-03-15", "--json", "--within", "999999999999"
    )
    assert code == 0, output
    # every contact with a due date: dee, a prospect, has none
    assert len(json.loads(output)["touchpoints"]) == 3


def test_due_prints_a_table(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run("due", "--data", str(root), "--today", "2026-03-15")
    assert code == 0
    assert "overdue" in output and "Ada" in output and "Send the paper" in output


def test_errors_are_printed_like_check_and_exit_1(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: innner\n"})
    for command in ("due", "report"):
        code, output = run(command, "--data", str(root), "--today", "2026-03-15")
        assert code == 1
        assert "contacts/ada.yml:2:1: error: circle:" in output


def test_report_json_is_the_whole_report(write_data: WriteData) -> None:
    root = write_data(FILES)
    code, output = run("report", "--data", str(root), "--today", "2026-03-15", "--json")
    assert code == 0
    data = json.loads(output)
    assert {"touchpoints", "roadmap", "habits", "people", "workload", "value_mix"} <= set(data)
    code, summary = run("report", "--data", str(root), "--today", "2026-03-15")
    assert code == 0 and "1 overdue, 1 due, 0 soon, 1 scheduled, 0 new, 1 ok" in summary


def test_the_guide_documents_every_metric_and_every_due_key() -> None:
    from pathlib import Path

    from site_builder.compute.metrics import REGISTRY
    from site_builder.views.due import TOUCHPOINT_KEYS as DUE_KEYS

    guide = (Path(__file__).parent.parent / "docs" / "guide" / "rules.md").read_text("utf-8")
    assert [m for m in REGISTRY if f"`{m}`" not in guide] == []
    assert [k for k in DUE_KEYS if f'"{k}"' not in guide] == []
    assert "{{" not in guide and "{%" not in guide  # plain Markdown, no template syntax
