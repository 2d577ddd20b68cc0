"""The touchpoints feed (`touchpoints.ics`): an iCalendar file a calendar app subscribes
to.

This week is the week's agenda: one all-day event per item, on its day (an overdue or
undated one on today), with the reason and the move. After Sunday, one event per
touchpoint due within the next 12 months, per coming birthday and work anniversary, and
per open step of an event's 24-48-7 follow-up. UIDs are stable
(`touchpoint-<id>@netdash`, the agenda item's key, ...), so each morning's rebuild
updates events instead of duplicating them; each event has a reminder at 09:00 on its
day. The output depends only on the report and the data: DTSTAMP is today at midnight
UTC, never the clock. Email, phone and `private:` details appear only when
`publish.private_details` is true; ages (which reveal a birth year) likewise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Alarm, Calendar, Component, Event
from icalendar.parser import Contentline
from icalendar.prop import vDDDTypes, vText

from site_builder.compute.report import (
    AgendaItem,
    EventFollowUp,
    KeyDate,
    Report,
    Touchpoint,
)
from site_builder.models import Dataset
from site_builder.plural import counted

PRODID = "-//netdash//touchpoints//EN"
HORIZON = dt.timedelta(days=365)
REMINDER = dt.timedelta(hours=9)
_STEP_WORDS = {"connect": "Connect with", "send": "Send what you promised to", "meet": "Meet"}
_KEY_DATE_WORDS = {"birthday": "Birthday", "work_anniversary": "Work anniversary"}
_AGENDA_WORDS = {
    "confirm": "Did it happen?",
    "meeting": "Meeting",
    "event_step": "Event follow-up",
    "follow_up": "Promise",
    "key_date": "Key date",
    "touch": "Touch base",
    "reconnect": "Reconnect",
    "reach_out": "Reach out",
    "give": "Give first",
    "news": "Their news",
    "intro_follow_up": "Follow up with both",
}
_FOLD_AT = 75  # octets; icalendar folds a line before it reaches this length


@dataclass(frozen=True)
class Entry:
    """One all-day event of the feed."""

    uid: str
    day: dt.date
    summary: str
    description: str


def _private_lines(dataset: Dataset, contact_id: str) -> list[str]:
    if not dataset.settings.publish.private_details:
        return []
    contact = dataset.contacts.get(contact_id)
    if contact is None or contact.private is None:
        return []
    private = contact.private
    found = [("Email", private.email), ("Phone", private.phone), ("Notes", private.notes)]
    return [f"{label}: {value}" for label, value in found if value]


def _touchpoint_lines(point: Touchpoint) -> list[str]:
    overdue = f" ({counted(point.overdue_days, 'day')} overdue)" if point.overdue_days else ""
    return [
        f"{point.circle} circle, every {counted(point.cadence_days, 'day')}",
        f"Last touch: {point.last_touch}" if point.last_touch else "Never contacted yet",
        f"Due: {point.due}{overdue}" if point.due else "A prospect: not contacted yet",
    ]


def touchpoint_entry(point: Touchpoint, today: dt.date, dataset: Dataset) -> Entry:
    """The event of a person's next touchpoint (on today when it is late or undated)."""
    lines = [*_touchpoint_lines(point), *_private_lines(dataset, point.contact)]
    return Entry(
        f"touchpoint-{point.contact}@netdash",
        max(point.due or today, today),
        f"Touch base: {point.name}",
        "\n".join(lines),
    )


def _key_date(key: KeyDate, dataset: Dataset) -> Entry:
    words = _KEY_DATE_WORDS[key.kind]
    shown = key.years is not None and dataset.settings.publish.private_details
    suffix = f" ({key.years})" if shown else ""
    return Entry(
        f"{key.kind.replace('_', '-')}-{key.contact}@netdash",
        key.date,
        f"{words}: {key.name}{suffix}",
        "\n".join([f"{words} of {key.name}", *_private_lines(dataset, key.contact)]),
    )


def _steps(follow_up: EventFollowUp) -> list[Entry]:
    return [
        Entry(
            f"event-{follow_up.event}-{follow_up.contact}-{step.step}@netdash",
            step.due,
            f"{_STEP_WORDS[step.step]} {follow_up.name} ({follow_up.event_name})",
            f"The 24-48-7 rule after {follow_up.event_name} (ended {follow_up.event_end})",
        )
        for step in follow_up.steps
        if step.status == "open"  # not done, due today or later
    ]


def _agenda_item(
    item: AgendaItem, report: Report, points: dict[str, Touchpoint], dataset: Dataset
) -> Entry:
    """One move of this week, on its day (an overdue or undated one on today)."""
    today = report.today
    day = min(max(item.due or today, today), report.agenda.end)
    point = points.get(item.contact) if item.key.startswith("touchpoint-") else None
    lines = [
        item.reason,
        item.move,
        *(_touchpoint_lines(point) if point else []),
        *_private_lines(dataset, item.contact),
    ]
    summary = f"{_AGENDA_WORDS[item.kind]}: {item.name}"
    return Entry(f"{item.key}@netdash", day, summary, "\n".join(lines))


def entries(report: Report, dataset: Dataset) -> list[Entry]:
    """Every event of the feed, by day then UID: this week's agenda, then what comes after
    Sunday (each UID once)."""
    today, sunday = report.today, report.agenda.end
    points = {point.contact: point for point in report.touchpoints}
    found = [_agenda_item(item, report, points, dataset) for item in report.agenda.items]
    later = [
        *(
            touchpoint_entry(point, today, dataset)
            for point in report.touchpoints
            if point.status != "scheduled" and point.due and sunday < point.due < today + HORIZON
        ),
        *(_key_date(k, dataset) for k in report.key_dates if sunday < k.date < today + HORIZON),
        *(entry for follow_up in report.event_follow_ups for entry in _steps(follow_up)),
    ]
    taken = {entry.uid for entry in found}
    found += [entry for entry in later if entry.day > sunday and entry.uid not in taken]
    return sorted(found, key=lambda entry: (entry.day, entry.uid))


class _Shared:
    """Property values that many events hold (the stamp, the constant words, the alarm's
    trigger, each day), made once and shared by every event that has them."""

    def __init__(self, today: dt.date) -> None:
        self.stamp = vDDDTypes(dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC))
        self.trigger = vDDDTypes(REMINDER)
        self.transparent = vText("TRANSPARENT")
        self.display = vText("DISPLAY")
        self._days: dict[dt.date, vDDDTypes] = {}

    def day(self, day: dt.date) -> vDDDTypes:
        """An all-day value (VALUE=DATE)."""
        if day not in self._days:
            self._days[day] = vDDDTypes(day)
        return self._days[day]


def _event(entry: Entry, shared: _Shared) -> Event:
    """One VEVENT and its VALARM. Values are set already typed, which spares icalendar
    guessing each one's type (what `add` does)."""
    event = Event()
    event["UID"] = vText(entry.uid)
    event["DTSTAMP"] = shared.stamp
    event["DTSTART"] = shared.day(entry.day)
    event["DTEND"] = shared.day(entry.day + dt.timedelta(days=1))
    event["SUMMARY"] = vText(entry.summary)
    event["DESCRIPTION"] = vText(entry.description)
    event["TRANSP"] = shared.transparent
    alarm = Alarm()
    alarm["ACTION"] = shared.display
    alarm["TRIGGER"] = shared.trigger
    alarm["DESCRIPTION"] = vText(entry.summary)
    event.add_component(alarm)
    return event


def _folded(line: Contentline) -> bytes:
    """The line as icalendar writes it, folded (RFC 5545); one that fits (most do) needs
    no folding."""
    if len(line) < _FOLD_AT and line.isascii():
        return line.encode()
    return bytes(line.to_ical())  # type: ignore[no-untyped-call]  # icalendar leaves it bare


Lines = dict[tuple[str, object], tuple[object, bytes]]
"""Content lines made already, by property name and value (`to_ical`)."""


def to_ical(component: Component, made: Lines | None = None) -> bytes:
    """`component.to_ical()`, the same bytes, made faster: icalendar makes each content
    line, but only once for the lines many events repeat (BEGIN:VALARM, the stamp, a day,
    the trigger). `made` keeps them from one component to the next (`Events`); each line
    is kept with its value, so no value's identity is taken by another while it lasts."""
    made = {} if made is None else made
    lines = []
    for name, value in component.property_items():
        # Words and plain texts are keyed by content; other values by identity (the
        # repeated ones are shared objects, `_Shared`; all live in the component while
        # it is written, so no two take the same id).
        by_content = isinstance(value, bytes) or (isinstance(value, vText) and not value.params)
        key = (name, value if by_content else id(value))
        if key not in made:
            made[key] = (value, _folded(component.content_line(name, value)))
        lines.append(made[key][1])
    return b"\r\n".join(lines) + b"\r\n"


def calendar(report: Report, dataset: Dataset, made: Events | None = None) -> bytes:
    """The feed as iCalendar bytes (RFC 5545), the same for the same report and data
    (`made`: the build's events, to share them with the one-event files)."""
    events = made or Events(report.owner, report.today)
    return events.feed(entries(report, dataset))


def feed(owner: str, today: dt.date, events: Iterable[Entry]) -> bytes:
    """The feed of these events, as `calendar` makes it."""
    return Events(owner, today).feed(events)


def component(owner: str, today: dt.date, events: Iterable[Entry]) -> Calendar:
    """The feed as icalendar's VCALENDAR component."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"netdash touchpoints of {owner}")
    shared = _Shared(today)
    for entry in events:
        calendar.add_component(_event(entry, shared))
    return calendar


def agenda_entry(item: AgendaItem, report: Report, dataset: Dataset) -> Entry:
    """The event of one move of this week, as the feed has it."""
    person = report.person(item.contact)
    point = person.touchpoint if person is not None else None
    points = {item.contact: point} if point is not None else {}
    return _agenda_item(item, report, points, dataset)


class Events:
    """The events of one build as bytes, each made once: the feed is a calendar of them
    all, a quick action's "Add to calendar" a calendar of one alone (byte for byte as
    `feed` writes it). Most people's next touch is in the feed already, so their files
    cost nothing more; the lines events share are made once too (`to_ical`)."""

    CLOSING = b"END:VCALENDAR\r\n"

    def __init__(self, owner: str, today: dt.date) -> None:
        self.opening = to_ical(component(owner, today, []))[: -len(self.CLOSING)]
        self.shared = _Shared(today)
        self.lines: Lines = {}  # the lines events share, with the values they are made of
        self.made: dict[Entry, bytes] = {}

    def event(self, entry: Entry) -> bytes:
        """One VEVENT and its VALARM, as the calendar holding it writes them."""
        found = self.made.get(entry)
        if found is None:
            found = self.made[entry] = to_ical(_event(entry, self.shared), self.lines)
        return found

    def feed(self, entries: Iterable[Entry]) -> bytes:
        """The calendar of these events, in this order."""
        return self.opening + b"".join(map(self.event, entries)) + self.CLOSING

    def alone(self, entry: Entry) -> bytes:
        """The calendar holding `entry` alone."""
        return self.opening + self.event(entry) + self.CLOSING
