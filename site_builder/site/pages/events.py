"""Events & follow-ups: events past and coming, and the 24-48-7 checklist per person met
(`pages/events.html`; the tables are macros of `parts/events.html`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from site_builder.compute.report import EventFollowUp, EventSummary
from site_builder.site import templating
from site_builder.site.context import EVENTS, GeneratedPage, Later, Site
from site_builder.site.pages.common import person_link, status_badge
from site_builder.site.views import Badge, Bar, Kpi, PersonLink, bar, number, percent

SOURCE = EVENTS
PARTS = "parts/events.html"
STEP_TITLES = {"connect": "Connect (24 h)", "send": "Send (48 h)", "meet": "Meet (7 days)"}


@dataclass(frozen=True, slots=True)
class Progress:
    """How many follow-up steps of an event are done, and missed (`""` when none)."""

    sort: str
    bar: Bar | None
    done: str
    missed: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event; `end` is `""` for a one-day event."""

    start: str
    end: str
    name: str
    kind: str
    role: str
    goal: str
    progress: Progress | None


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the 24-48-7 rule for one person."""

    status: Badge
    done_on: str
    due: str


@dataclass(frozen=True, slots=True)
class Checklist:
    """The people met at one event and their steps."""

    name: str
    ended: str
    headers: tuple[str, ...]
    people: tuple[tuple[PersonLink, tuple[Step, ...], bool], ...]


def _goal(event: EventSummary) -> str:
    met = f"{len(event.met)}"
    if event.goal_new_contacts is None:
        return met
    mark = " ✓" if event.goal_reached else ""
    return f"{met} of {event.goal_new_contacts}{mark}"


def _progress(event: EventSummary) -> Progress | None:
    if not event.steps_total:
        return None
    share = event.steps_done / event.steps_total
    missed = f" · {event.steps_missed} missed" if event.steps_missed else ""
    done = f"{event.steps_done}/{event.steps_total}"
    return Progress(f"{share:.4f}", bar(share, "progress"), done, missed)


def events_table(events: Sequence[EventSummary], past: bool) -> str:
    """Events with their kind, role, people met against the goal and follow-up progress."""
    rows = [
        EventRow(
            e.date.isoformat(),
            e.end.isoformat() if e.end != e.date else "",
            e.name,
            e.kind or "",
            e.role or "",
            _goal(e),
            _progress(e) if past else None,
        )
        for e in events
    ]
    headers = ["Date", "Event", "Kind", "Role", "Met (goal)"] + (["Follow-ups"] if past else [])
    return templating.macro(PARTS, "events")(rows, headers, past)


def _checklist(site: Site, items: Sequence[EventFollowUp]) -> Checklist:
    first = items[0]
    people = tuple(
        (
            person_link(site, SOURCE, item.contact, item.name),
            tuple(
                Step(
                    status_badge("step", s.status),
                    s.done_on.isoformat() if s.done_on else "",
                    s.due.isoformat(),
                )
                for s in item.steps
            ),
            item.complete,
        )
        for item in items
    )
    headers = ("Person", *(STEP_TITLES[s.step] for s in first.steps), "")
    return Checklist(first.event_name, first.event_end.isoformat(), headers, people)


def follow_ups(site: Site) -> str:
    """The checklist of every event with people met, latest event first."""
    lists = [
        _checklist(site, list(group))
        for _, group in groupby(site.report.event_follow_ups, key=lambda item: item.event)
    ]
    return templating.macro(PARTS, "checklists")(lists)


def render(site: Site) -> GeneratedPage:
    """The Events & follow-ups page."""
    report = site.report
    past = [e for e in report.events if e.past]
    coming = sorted((e for e in report.events if not e.past), key=lambda e: e.date)
    totals = report.event_totals
    later = Later()
    markdown = templating.render(
        "pages/events.html",
        kpis=[
            Kpi(number(totals.past), "events so far"),
            Kpi(number(totals.coming), "coming up"),
            Kpi(number(totals.people_met), "people met at events"),
            Kpi(percent(totals.done_share), "follow-up steps done", "step-done"),
        ],
        coming=later(lambda: events_table(coming, past=False)) if coming else "",
        past=later(lambda: events_table(past, past=True)) if past else "",
        follow_ups=later(lambda: follow_ups(site)) if report.event_follow_ups else "",
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
