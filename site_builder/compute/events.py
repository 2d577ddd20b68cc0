"""Event follow-ups by the 24-48-7 rule, and a summary of each event."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable

from site_builder.compute.index import Index
from site_builder.compute.report import (
    EventFollowUp,
    EventSummary,
    EventTotals,
    FollowUpStep,
    StepName,
    StepStatus,
)
from site_builder.models import Event, Interaction
from site_builder.models.types import InteractionKind, MeetingAnswer

MEETING_KINDS = frozenset({"coffee", "call", "video", "meeting"})


def connects(interaction: Interaction) -> bool:
    """Step 1: a LinkedIn request, a message or an email."""
    return interaction.kind in {"linkedin", "message", "email"}


def sends(interaction: Interaction) -> bool:
    """Step 2: an email or a message (with what was promised)."""
    return interaction.kind in {"email", "message"}


def meets(interaction: Interaction) -> bool:
    """Step 3: a coffee, call, video or meeting, or any interaction with `meeting: accepted`."""
    return interaction.kind in MEETING_KINDS or interaction.meeting == "accepted"


def is_meeting(kind: InteractionKind, meeting: MeetingAnswer | None) -> bool:
    """`meets`, from the two fields it reads (`meets` runs for every interaction of the
    meetings metric, so it does not call this)."""
    return kind in MEETING_KINDS or meeting == "accepted"


STEPS: tuple[tuple[StepName, int, Callable[[Interaction], bool]], ...] = (
    ("connect", 1, connects),
    ("send", 2, sends),
    ("meet", 7, meets),
)


def step_status(due: dt.date, done_on: dt.date | None, today: dt.date) -> StepStatus:
    """done by its due date, late after it, else open until it passes, then missed."""
    if done_on is not None:
        return "done" if done_on <= due else "late"
    return "open" if today <= due else "missed"


def first_qualifying(
    index: Index, contact: str, since: dt.date, qualifies: Callable[[Interaction], bool]
) -> dt.date | None:
    """The first interaction with `contact` from `since` to today that `qualifies`."""
    history = index.history(contact)
    for at in range(bisect_left(history.dates, since), history.past_count):
        if qualifies(index.interactions[history.indexes[at]]):
            return history.dates[at]
    return None


def follow_up(index: Index, event: Event, contact: str) -> EventFollowUp:
    """The three steps for one person met at one event, counted from its last day."""
    end = event.last_day
    steps = []
    for name, days, qualifies in STEPS:
        due = end + dt.timedelta(days=days)
        done_on = first_qualifying(index, contact, event.date, qualifies)
        steps.append(FollowUpStep(name, due, step_status(due, done_on, index.today), done_on))
    return EventFollowUp(
        event=event.id,
        event_name=event.name,
        event_end=end,
        contact=contact,
        name=index.name(contact),
        steps=tuple(steps),
        complete=all(step.status in ("done", "late") for step in steps),
    )


def events_latest_first(index: Index) -> list[Event]:
    """Events by date, latest first (then by id)."""
    ordered = sorted(index.dataset.events, key=lambda e: e.id)
    return sorted(ordered, key=lambda e: (e.date, e.last_day), reverse=True)


def event_follow_ups(index: Index) -> tuple[EventFollowUp, ...]:
    """Every person met at every event, events latest first, people by name."""
    found: list[EventFollowUp] = []
    for event in events_latest_first(index):
        people = [follow_up(index, event, contact) for contact in dict.fromkeys(event.met)]
        found.extend(sorted(people, key=lambda f: (f.name.casefold(), f.contact)))
    return tuple(found)


def event_summaries(
    index: Index, follow_ups: tuple[EventFollowUp, ...]
) -> tuple[EventSummary, ...]:
    """Each event with the people met there and how their follow-ups went."""
    steps: dict[str, list[StepStatus]] = {}
    for item in follow_ups:
        steps.setdefault(item.event, []).extend(step.status for step in item.steps)
    summaries = []
    for event in events_latest_first(index):
        statuses = steps.get(event.id, [])
        met = tuple(dict.fromkeys(event.met))
        goal = event.goal_new_contacts
        summaries.append(
            EventSummary(
                event=event.id,
                name=event.name,
                date=event.date,
                end=event.last_day,
                kind=event.kind,
                role=event.role,
                past=event.last_day < index.today,
                met=met,
                goal_new_contacts=goal,
                goal_reached=None if goal is None else len(met) >= goal,
                steps_total=len(statuses),
                steps_done=sum(s in ("done", "late") for s in statuses),
                steps_missed=statuses.count("missed"),
            )
        )
    return tuple(summaries)


def event_totals(summaries: tuple[EventSummary, ...]) -> EventTotals:
    """Past events added up (people met, follow-up steps), and how many are coming."""
    past = [event for event in summaries if event.past]
    steps_total = sum(event.steps_total for event in past)
    steps_done = sum(event.steps_done for event in past)
    return EventTotals(
        past=len(past),
        coming=len(summaries) - len(past),
        people_met=sum(len(event.met) for event in past),
        steps_total=steps_total,
        steps_done=steps_done,
        done_share=steps_done / steps_total if steps_total else None,
    )
