"""Bookings and prospects from the command line: `log` of a future date writes `planned:
true`, `done CONTACT` confirms a booking whose day has come, `add --prospect`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.compute import compute
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = "2026-03-18"
PEOPLE = {
    "contacts/ada.yml": "name: Ada Lovelace\ncircle: inner\nmet: {on: 2026-01-01}\n",
    "contacts/bob.yml": "name: Bob Noyce\ncircle: middle\nmet: {on: 2026-01-01}\n",
}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root), "--today", TODAY])


def interactions(root: Path) -> str:
    return (root / "interactions" / "2026.yml").read_text(encoding="utf-8")


def test_a_future_date_is_logged_as_a_booking(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    assert run(root, "log", "ada", "--kind", "coffee", "--date", "2026-03-20").exit_code == 0
    assert run(root, "log", "bob", "--kind", "call").exit_code == 0  # today: no booking
    text = interactions(root)
    assert "- date: 2026-03-20\n  with: [ada]\n  kind: coffee\n  planned: true\n" in text
    assert "- date: 2026-03-18\n  with: [bob]\n  kind: call\n" in text
    assert text.count("planned") == 1


def test_a_booking_counts_once_confirmed(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    assert run(root, "log", "ada", "--kind", "coffee", "--date", "2026-03-20").exit_code == 0

    def ada(day: str) -> tuple[dt.date | None, str]:
        dataset = load(root).dataset
        point = next(
            p
            for p in compute(dataset, dt.date.fromisoformat(day)).touchpoints
            if p.contact == "ada"
        )
        return point.last_touch, point.status

    assert ada("2026-03-19") == (None, "scheduled")
    assert ada("2026-03-21")[0] is None  # its day has passed: not a touch until confirmed
    later = CliRunner().invoke(app, ["done", "ada", "--data", str(root), "--today", "2026-03-21"])
    assert later.exit_code == 0, later.output
    assert "confirmed: coffee with Ada Lovelace on 2026-03-20" in later.stderr
    assert "  planned: false\n" in interactions(root)
    assert ada("2026-03-21")[0] == dt.date(2026, 3, 20)


def test_nothing_to_confirm_is_a_clear_refusal(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    assert run(root, "log", "ada", "--kind", "coffee", "--date", "2026-03-20").exit_code == 0
    before = interactions(root)
    result = run(root, "done", "ada")  # the coffee is still ahead
    assert result.exit_code == 1
    assert "Ada Lovelace (ada) has no booking to confirm" in result.stderr
    assert interactions(root) == before


def test_two_bookings_need_the_date(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "interactions/2026.yml": (
                "- {date: 2026-03-10, with: [ada], kind: call, planned: true}\n"
                "- {date: 2026-03-12, with: [ada], kind: coffee, planned: true}\n"
            ),
        }
    )
    result = run(root, "done", "ada")
    assert result.exit_code == 1 and "several bookings to confirm; pass --date" in result.stderr
    result = run(root, "done", "ada", "--date", "2026-03-12")
    assert result.exit_code == 0, result.output
    assert "kind: coffee, planned: false}" in interactions(root)
    assert "kind: call, planned: true}" in interactions(root)


def add(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["add", *args, "--data", str(root)])


def test_a_prospect_is_added_without_a_day_met(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    result = add(root, "Pat Prospect", "--prospect", "--company", "Acme")
    assert result.exit_code == 0, result.output
    text = (root / "contacts" / "pat-prospect.yml").read_text(encoding="utf-8")
    assert "circle: outer\n" in text and "met" not in text
    point = next(
        p
        for p in compute(load(root).dataset, dt.date(2026, 3, 18)).touchpoints
        if p.contact == "pat-prospect"
    )
    assert (point.status, point.stage) == ("new", "to_meet")
    refused = add(root, "Sam", "--prospect", "--met-on", "2026-03-01")
    assert refused.exit_code == 2 and "a prospect has no day met yet" in refused.output
    assert add(root, "Sam").exit_code == 2  # not a prospect: a circle is needed
