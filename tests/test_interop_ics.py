"""The touchpoints feed: built with icalendar, read back with vobject."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import vobject
from typer.testing import CliRunner

from site_builder.cli.app import app
from site_builder.compute import compute
from site_builder.interop.ics import calendar
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 5, 20)
FILES = {
    "contacts/ada-lovelace.yml": """
        name: Ada Lovelace
        circle: inner
        dates: {birthday: 1815-12-10}
        private: {email: ada@example.com, phone: "+44 20 7946 0000", notes: Prefers mornings}
        """,
    "contacts/grace-hopper.yml": """
        name: Grace Hopper
        circle: outer
        met: {on: 2026-05-15, event: pycon-2026}
        dates: {birthday: 12-09}
        """,
    "contacts/alan-turing.yml": "name: Alan Turing\ncircle: middle\narchived: true\n",
    "contacts/katherine-johnson.yml": "name: Katherine Johnson\ncircle: outer\ncadence_days: 400\n",
    "contacts/hedy-lamarr.yml": "name: Hedy Lamarr\ncircle: middle\n",
    "interactions/2026.yml": """
        - {date: 2026-05-01, with: [ada-lovelace], kind: coffee}
        - {date: 2026-05-10, with: [katherine-johnson], kind: call}
        - {date: 2026-05-17, with: [grace-hopper], kind: linkedin}
        - {date: 2026-06-02, with: [hedy-lamarr], kind: video}
        """,
    "events.yml": """
        - id: pycon-2026
          name: PyCon US 2026
          date: 2026-05-14
          end: 2026-05-20
          met: [grace-hopper]
        """,
}


def feed(write_data: WriteData, private: bool = False, today: dt.date = TODAY) -> bytes:
    settings = "owner: Alex Rivera\n" + ("publish: {private_details: true}\n" if private else "")
    root = write_data({**FILES, "settings.yml": settings})
    result = load(root)
    assert result.ok, result.problems
    return calendar(compute(result.dataset, today), result.dataset)


def events(data: bytes) -> dict[str, Any]:
    parsed = vobject.readOne(data.decode("utf-8"))
    return {event.uid.value: event for event in parsed.vevent_list}


def test_feed_parses_with_an_independent_library(write_data: WriteData) -> None:
    found = events(feed(write_data))
    assert sorted(found) == [
        "birthday-ada-lovelace@netdash",
        "birthday-grace-hopper@netdash",
        "event-pycon-2026-grace-hopper-meet@netdash",
        "event-pycon-2026-grace-hopper-send@netdash",
        "touchpoint-ada-lovelace@netdash",
        "touchpoint-grace-hopper@netdash",
    ]
    ada = found["touchpoint-ada-lovelace@netdash"]
    assert ada.summary.value == "Touch base: Ada Lovelace"
    assert ada.dtstart.value == dt.date(2026, 5, 31)
    assert ada.dtend.value == dt.date(2026, 6, 1)
    assert ada.dtstamp.value == dt.datetime(2026, 5, 20, tzinfo=dt.UTC)
    assert ada.valarm.action.value == "DISPLAY"
    assert ada.valarm.trigger.value == dt.timedelta(hours=9)
    assert found["birthday-ada-lovelace@netdash"].dtstart.value == dt.date(2026, 12, 10)
    assert found["birthday-ada-lovelace@netdash"].summary.value == "Birthday: Ada Lovelace"
    send = found["event-pycon-2026-grace-hopper-send@netdash"]
    assert send.dtstart.value == dt.date(2026, 5, 22)
    assert send.summary.value == "Event follow-up: Grace Hopper"  # this week: an agenda item
    assert "send what you promised by Fri 22 May" in send.description.value
    meet = found["event-pycon-2026-grace-hopper-meet@netdash"]
    assert meet.summary.value == "Meet Grace Hopper (PyCon US 2026)"  # after Sunday


def test_horizon_archived_and_scheduled_people_are_left_out(write_data: WriteData) -> None:
    found = events(feed(write_data))
    assert "touchpoint-alan-turing@netdash" not in found  # archived
    assert "touchpoint-hedy-lamarr@netdash" not in found  # a video call is already scheduled
    assert "touchpoint-katherine-johnson@netdash" not in found  # due in 400 days
    assert "event-pycon-2026-grace-hopper-connect@netdash" not in found  # done


def test_overdue_touchpoint_sits_on_today(write_data: WriteData) -> None:
    found = events(feed(write_data, today=dt.date(2026, 9, 1)))
    ada = found["touchpoint-ada-lovelace@netdash"]
    assert ada.dtstart.value == dt.date(2026, 9, 1)
    assert "Due: 2026-05-31 (93 days overdue)" in ada.description.value


def test_private_details_only_when_published(write_data: WriteData) -> None:
    hidden = feed(write_data)
    for secret in (b"ada@example.com", b"7946", b"Prefers mornings", b"(210)"):
        assert secret not in hidden
    shown = feed(write_data, private=True)
    ada = events(shown)["touchpoint-ada-lovelace@netdash"]
    assert "Email: ada@example.com" in ada.description.value
    assert "Phone: +44 20 7946 0000" in ada.description.value
    birthday = events(shown)["birthday-ada-lovelace@netdash"]
    assert birthday.summary.value == "Birthday: Ada Lovelace (211)"


def test_output_is_deterministic_and_valid_rfc5545(write_data: WriteData) -> None:
    first, second = feed(write_data), feed(write_data)
    assert first == second
    lines = first.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR" and lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in first.replace(b"\r\n", b"")
    assert first.count(b"BEGIN:VEVENT") == first.count(b"BEGIN:VALARM") == 6
    assert b"PRODID:-//netdash//touchpoints//EN" in first and b"VERSION:2.0" in first


def test_export_ics_command_writes_the_same_feed(write_data: WriteData, tmp_path: Path) -> None:
    root = write_data({**FILES, "settings.yml": "owner: Alex Rivera\n"})
    out = tmp_path / "touchpoints.ics"
    result = CliRunner().invoke(
        app, ["export", "ics", "-o", str(out), "--data", str(root), "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == feed(write_data)
