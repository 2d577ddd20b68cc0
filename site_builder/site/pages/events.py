"""Events & follow-ups: events past and coming, and the 24-48-7 checklist per person met."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby

from site_builder.compute.report import EventFollowUp, EventSummary, FollowUpStep
from site_builder.site.context import EVENTS, GeneratedPage, Later, Site
from site_builder.site.html import (
    EMPTY,
    Html,
    bar,
    day,
    esc,
    join,
    number,
    percent,
    raw,
    table,
    tag,
)
from site_builder.site.pages.common import kpi, kpis, page, person_link, section, status_badge

SOURCE = EVENTS
STEP_TITLES = {"connect": "Connect (24 h)", "send": "Send (48 h)", "meet": "Meet (7 days)"}


def _goal(event: EventSummary) -> Html:
    met = f"{len(event.met)}"
    if event.goal_new_contacts is None:
        return esc(met)
    mark = " ✓" if event.goal_reached else ""
    return esc(f"{met} of {event.goal_new_contacts}{mark}")


def _completion(event: EventSummary) -> Html:
    if not event.steps_total:
        return EMPTY
    share = event.steps_done / event.steps_total
    text = esc(f"{event.steps_done}/{event.steps_total}")
    missed = esc(f" · {event.steps_missed} missed") if event.steps_missed else EMPTY
    return raw(f'<span data-sort="{share:.4f}"></span>') + bar(share, "progress") + text + missed


def events_table(events: Sequence[EventSummary], past: bool) -> Html:
    """Events with their kind, role, people met against the goal and follow-up progress."""
    headers = ["Date", "Event", "Kind", "Role", "Met (goal)"] + (["Follow-ups"] if past else [])
    rows = []
    for event in events:
        dates = day(event.date) + (
            raw(" &ndash; ") + day(event.end) if event.end != event.date else EMPTY
        )
        row = [dates, esc(event.name), esc(event.kind or ""), esc(event.role or ""), _goal(event)]
        rows.append(row + ([_completion(event)] if past else []))
    return table([esc(h) for h in headers], rows, data_sortable=True)


def _step(step: FollowUpStep) -> Html:
    done = esc(f" on {step.done_on.isoformat()}") if step.done_on else EMPTY
    return (
        status_badge("step", step.status)
        + done
        + tag("div", esc(f"by {step.due.isoformat()}"), class_="nd-muted nd-small")
    )


def checklist(site: Site, items: Sequence[EventFollowUp]) -> Html:
    """The 24-48-7 steps of each person met at one event."""
    rows = [
        [
            person_link(site, SOURCE, item.contact, item.name),
            *(_step(step) for step in item.steps),
            esc("complete") if item.complete else esc(""),
        ]
        for item in items
    ]
    headers = [esc("Person")] + [esc(STEP_TITLES[s.step]) for s in items[0].steps] + [esc("")]
    return table(headers, rows)


def follow_ups(site: Site) -> Html:
    """The checklist of every event with people met, latest event first."""
    parts = []
    for _, group in groupby(site.report.event_follow_ups, key=lambda item: item.event):
        items = list(group)
        first = items[0]
        title = tag(
            "h3",
            esc(first.event_name)
            + tag(
                "span", esc(f" · ended {first.event_end.isoformat()}"), class_="nd-muted nd-small"
            ),
        )
        parts.append(title + checklist(site, items))
    return join(parts)


def render(site: Site) -> GeneratedPage:
    """The Events & follow-ups page."""
    report = site.report
    past = [e for e in report.events if e.past]
    coming = sorted((e for e in report.events if not e.past), key=lambda e: e.date)
    totals = report.event_totals
    later = Later()
    markdown = page(
        "Events & follow-ups",
        kpis(
            [
                kpi(number(totals.past), "events so far"),
                kpi(number(totals.coming), "coming up"),
                kpi(number(totals.people_met), "people met at events"),
                kpi(percent(totals.done_share), "follow-up steps done", "step-done"),
            ]
        ),
        section("Coming up"),
        later(partial(events_table, coming, past=False)) if coming else "No event planned.\n",
        section("Past events"),
        later(partial(events_table, past, past=True)) if past else "No event yet.\n",
        section(
            "Follow-ups: the 24-48-7 rule",
            "After an event, connect with each person within a day, send what you "
            "promised within two days, and meet within a week.",
        ),
        later(partial(follow_ups, site))
        if report.event_follow_ups
        else "Nobody met at an event yet.\n",
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
