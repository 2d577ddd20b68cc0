"""The touchpoints feed (`touchpoints.ics`): an iCalendar file a calendar app subscribes to.

One all-day event per touchpoint due within the next 12 months (an overdue one sits on
today), per coming birthday and work anniversary, and per open step of an event's
24-48-7 follow-up. UIDs are stable (`touchpoint-<id>@netdash`, ...), so each morning's
rebuild updates events instead of duplicating them; each event has a reminder at 09:00
on its day. The output depends only on the report and the data: DTSTAMP is today at
midnight UTC, never the clock. Email, phone and `private:` details appear only when
`publish.private_details` is true; ages (which reveal a birth year) likewise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Event

from site_builder.compute.report import EventFollowUp, KeyDate, Report, Touchpoint
from site_builder.models import Dataset

PRODID = "-//netdash//touchpoints//EN"
HORIZON = dt.timedelta(days=365)
REMINDER = dt.timedelta(hours=9)
_STEP_WORDS = {"connect": "Connect with", "send": "Send what you promised to", "meet": "Meet"}
_KEY_DATE_WORDS = {"birthday": "Birthday", "work_anniversary": "Work anniversary"}


@dataclass(frozen=True)
class Entry:
    """One all-day event of the feed."""

    uid: str
    day: dt.date
    summary: str
    description: str


def _private_lines(dataset: Dataset, contact_id: str) -> list[str]:
    contact = dataset.contacts.get(contact_id)
    if not dataset.settings.publish.private_details or contact is None or contact.private is None:
        return []
    private = contact.private
    found = [("Email", private.email), ("Phone", private.phone), ("Notes", private.notes)]
    return [f"{label}: {value}" for label, value in found if value]


def _touchpoint(point: Touchpoint, today: dt.date, dataset: Dataset) -> Entry:
    overdue = f" ({point.overdue_days} days overdue)" if point.overdue_days else ""
    lines = [f"{point.circle} circle, every {point.cadence_days} days",
             f"Last touch: {point.last_touch}" if point.last_touch else "Never contacted yet",
             f"Due: {point.due}{overdue}", *_private_lines(dataset, point.contact)]
    return Entry(f"touchpoint-{point.contact}@netdash", max(point.due, today),
                 f"Touch base: {point.name}", "\n".join(lines))


def _key_date(key: KeyDate, dataset: Dataset) -> Entry:
    words = _KEY_DATE_WORDS[key.kind]
    shown = key.years is not None and dataset.settings.publish.private_details
    suffix = f" ({key.years})" if shown else ""
    return Entry(f"{key.kind.replace('_', '-')}-{key.contact}@netdash", key.date,
                 f"{words}: {key.name}{suffix}",
                 "\n".join([f"{words} of {key.name}", *_private_lines(dataset, key.contact)]))


def _steps(follow_up: EventFollowUp) -> list[Entry]:
    return [
        Entry(f"event-{follow_up.event}-{follow_up.contact}-{step.step}@netdash", step.due,
              f"{_STEP_WORDS[step.step]} {follow_up.name} ({follow_up.event_name})",
              f"The 24-48-7 rule after {follow_up.event_name} (ended {follow_up.event_end})")
        for step in follow_up.steps if step.status == "open"  # not done, due today or later
    ]


def entries(report: Report, dataset: Dataset) -> list[Entry]:
    """Every event of the feed, by day then UID."""
    today = report.today
    found = [_touchpoint(point, today, dataset) for point in report.touchpoints
             if point.status != "scheduled" and point.due < today + HORIZON]
    found += [_key_date(key, dataset) for key in report.key_dates if key.date < today + HORIZON]
    found += [entry for follow_up in report.event_follow_ups for entry in _steps(follow_up)]
    return sorted(found, key=lambda entry: (entry.day, entry.uid))


def _event(entry: Entry, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + dt.timedelta(days=1))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER)
    alarm.add("description", entry.summary)
    event.add_component(alarm)
    return event


def calendar(report: Report, dataset: Dataset) -> bytes:
    """The feed as iCalendar bytes (RFC 5545), the same for the same report and data."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", f"netdash touchpoints of {report.owner}")
    stamp = dt.datetime.combine(report.today, dt.time(), tzinfo=dt.UTC)
    for entry in entries(report, dataset):
        feed.add_component(_event(entry, stamp))
    return bytes(feed.to_ical())
