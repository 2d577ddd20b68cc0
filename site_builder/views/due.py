"""The schedule view of `netdash due`: what to do now, as records and as stable JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.jsonify import JsonValue, to_jsonable
from site_builder.compute.report import (
    Agenda,
    EventFollowUp,
    KeyDate,
    OpenFollowUp,
    Report,
    Touchpoint,
)
from site_builder.views.agenda import agenda_json

KEY_DATE_DAYS = 30
"""Birthdays and anniversaries shown when `--within` is not given."""
RECENT_EVENT_DAYS = 30
"""Event follow-ups are listed until this many days after the event's last day."""
TOUCHPOINT_KEYS = (
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
)


@dataclass(frozen=True)
class DueView:
    """The parts of the report that `netdash due` shows."""

    today: dt.date
    agenda: Agenda
    touchpoints: tuple[Touchpoint, ...]
    key_dates: tuple[KeyDate, ...]
    follow_ups: tuple[OpenFollowUp, ...]
    event_follow_ups: tuple[EventFollowUp, ...]


def days_after(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, or the last day of the calendar when that is sooner."""
    if days >= (dt.date.max - day).days:
        return dt.date.max
    return day + dt.timedelta(days=days)


def due_view(report: Report, within: int | None = None, *, everyone: bool = False) -> DueView:
    """The week's agenda; the touchpoints of the people in it and of everyone overdue (due
    within `within` days and overdue, with `within`; all, with `everyone`); key dates in
    the same days (30 by default); open follow-ups; unfinished event follow-ups of events
    that ended in the last 30 days (today included)."""
    today = report.today
    horizon = days_after(today, within if within is not None else KEY_DATE_DAYS)
    points = report.touchpoints
    if within is not None:
        points = tuple(
            p for p in points if p.status == "overdue" or (p.due is not None and p.due <= horizon)
        )
    elif not everyone:
        planned = {item.contact for item in report.agenda.items}
        points = tuple(p for p in points if p.status == "overdue" or p.contact in planned)
    recent = today - dt.timedelta(days=RECENT_EVENT_DAYS)
    return DueView(
        today=today,
        agenda=report.agenda,
        touchpoints=points,
        key_dates=tuple(k for k in report.key_dates if k.date <= horizon),
        follow_ups=report.follow_ups,
        event_follow_ups=tuple(
            f for f in report.event_follow_ups if not f.complete and recent <= f.event_end <= today
        ),
    )


def due_json(view: DueView) -> dict[str, JsonValue]:
    """The stable `netdash due --json` document (documented in the guide)."""
    return {
        "today": view.today.isoformat(),
        "agenda": agenda_json(view.agenda),
        "touchpoints": [_touchpoint(point) for point in view.touchpoints],
        "birthdays": [to_jsonable(key_date) for key_date in view.key_dates],
        "follow_ups": [_follow_up(item) for item in view.follow_ups],
        "event_follow_ups": [to_jsonable(item) for item in view.event_follow_ups],
    }


def _touchpoint(point: Touchpoint) -> JsonValue:
    return {key: to_jsonable(getattr(point, key)) for key in TOUCHPOINT_KEYS}


def _follow_up(item: OpenFollowUp) -> JsonValue:
    return {
        "contacts": list(item.contacts),
        "names": list(item.names),
        "date": item.interaction_date.isoformat(),
        "do": item.do,
        "due": item.due.isoformat() if item.due else None,
        "status": item.status,
        "overdue_days": item.overdue_days,
    }
