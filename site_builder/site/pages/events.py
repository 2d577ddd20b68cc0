"""Events & follow-ups: events past and coming, the prep sheets of the next two weeks
(`pages/event_prep.py`), and a section per event: targets met, the 24-48-7 checklist per
person met, and the journal's reflections on it (`pages/events.html`; the tables are
macros of `parts/events.html`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from site_builder.compute.prep import targets_words
from site_builder.compute.prep_records import EventPrep
from site_builder.compute.report import EventFollowUp, EventSummary
from site_builder.site import templating
from site_builder.site.context import EVENTS, GeneratedPage, Later, Site
from site_builder.site.pages.common import person_link, status_badge
from site_builder.site.pages.event_prep import sheets, targets_met
from site_builder.site.pages.journal_views import JournalCard, cards, event_anchor
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
    targets: str = ""
    """Targets planned, or met of those planned (`""` without targets)."""


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
    anchor: str = ""
    targets: str = ""
    """'Targets: 2 of 3 met · goal 3 new people, 3 met', when it had targets."""
    journal: tuple[JournalCard, ...] = ()


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


def events_table(
    events: Sequence[EventSummary], past: bool, targets: Mapping[str, str] | None = None
) -> str:
    """Events with their kind, role, people met against the goal, targets (words by event
    id) and follow-up progress."""
    targets = targets or {}
    rows = [
        EventRow(
            e.date.isoformat(),
            e.end.isoformat() if e.end != e.date else "",
            e.name,
            e.kind or "",
            e.role or "",
            _goal(e),
            _progress(e) if past else None,
            targets.get(e.event, ""),
        )
        for e in events
    ]
    headers = ["Date", "Event", "Kind", "Role", "Met (goal)"] + (["Follow-ups"] if past else [])
    headers.append("Targets")
    return templating.macro(PARTS, "events")(rows, headers, past)


def _targets_line(prep: EventPrep | None) -> str:
    return f"Targets: {targets_words(prep)}" if prep is not None and prep.planned else ""


def _section(
    site: Site,
    event: EventSummary,
    items: Sequence[EventFollowUp],
    prep: EventPrep | None,
) -> Checklist:
    """One event's section: its targets met, its checklist, the reflections on it."""
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
    headers = ("Person", *STEP_TITLES.values(), "")
    notes = site.report.journal_by_event.get(event.event, ())
    return Checklist(
        event.name,
        event.end.isoformat(),
        headers,
        people,
        event_anchor(event.event),
        _targets_line(prep),
        tuple(cards(site, SOURCE, notes)),
    )


def follow_ups(site: Site) -> str:
    """A section per event with people met, targets or reflections, latest event first."""
    steps = {
        event: list(group)
        for event, group in groupby(site.report.event_follow_ups, key=lambda item: item.event)
    }
    preps = {prep.event: prep for prep in site.report.prep if prep.past}
    journal = site.report.journal_by_event
    lists = [
        _section(site, event, steps.get(event.event, []), preps.get(event.event))
        for event in site.report.events
        if event.event in steps or event.event in journal or event.event in preps
    ]
    return templating.macro(PARTS, "checklists")(lists)


def render(site: Site) -> GeneratedPage:
    """The Events & follow-ups page."""
    report = site.report
    past = [e for e in report.events if e.past]
    coming = sorted((e for e in report.events if not e.past), key=lambda e: e.date)
    totals = report.event_totals
    targets = {e.id: f"{len(e.targets)} planned" for e in site.dataset.events if e.targets}
    targets |= {prep.event: targets_met(prep) for prep in report.prep if prep.planned}
    has_sections = bool(
        report.event_follow_ups or report.journal_by_event or any(p.past for p in report.prep)
    )
    later = Later()
    markdown = templating.render(
        "pages/events.html",
        kpis=[
            Kpi(number(totals.past), "events so far"),
            Kpi(number(totals.coming), "coming up"),
            Kpi(number(totals.people_met), "people met at events"),
            Kpi(percent(totals.done_share), "follow-up steps done", "step-done"),
        ],
        coming=later(lambda: events_table(coming, past=False, targets=targets)) if coming else "",
        past=later(lambda: events_table(past, past=True, targets=targets)) if past else "",
        follow_ups=later(lambda: follow_ups(site)) if has_sections else "",
        prep=later(lambda: sheets(site, SOURCE)) if any(p.sheet for p in report.prep) else "",
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
