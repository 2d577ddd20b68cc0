"""Touchpoints: who is due for a touch, when, and in which order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from site_builder.compute.index import Index
from site_builder.compute.report import Stage, Touchpoint, TouchStatus
from site_builder.models import Contact, Interaction, Settings

CONVERSATIONS = frozenset({"coffee", "call", "video", "meeting", "event"})
"""Interaction kinds that mean you have spoken with someone: they are met."""


@dataclass(frozen=True)
class Due:
    """The dates that decide a contact's touchpoint."""

    anchor: dt.date | None
    due: dt.date | None
    snoozed_until: dt.date | None


def anchor_of(last_touch: dt.date | None, met_on: dt.date | None) -> dt.date | None:
    """The later of the last touch and the day met (either may be missing).

    Taking the later one means a touch never moves the anchor back, so a touch never
    makes anyone more overdue, even when a touch was logged before the day met.
    """
    known = [day for day in (last_touch, met_on) if day is not None]
    return max(known) if known else None


def due_of(contact: Contact, cadence: int, last_touch: dt.date | None) -> Due:
    """anchor + cadence, moved later by a snooze; a prospect (no anchor) has no due date
    unless snoozed."""
    anchor = anchor_of(last_touch, contact.met.on if contact.met else None)
    due = anchor + dt.timedelta(days=cadence) if anchor is not None else None
    snooze = contact.snooze_until
    if snooze is not None and (due is None or snooze > due):
        return Due(anchor, snooze, snooze)
    return Due(anchor, due, None)


def status_of(
    due: dt.date | None, scheduled: dt.date | None, today: dt.date, soon_days: int
) -> TouchStatus:
    """scheduled, else new (no due date), overdue, due, soon or ok."""
    if scheduled is not None:
        return "scheduled"
    if due is None:
        return "new"
    if due < today:
        return "overdue"
    if due == today:
        return "due"
    return "soon" if (due - today).days <= soon_days else "ok"


def is_dormant(anchor: dt.date | None, cadence: int, today: dt.date, settings: Settings) -> bool:
    """More than `dormant_after` intervals since the anchor (a prospect is never dormant)."""
    return anchor is not None and (today - anchor).days > settings.dormant_after * cadence


def stage_of(contact: Contact, past: Sequence[Interaction]) -> Stage:
    """met (a day met, or a conversation), replied (they answered or started one),
    reached_out (outreach only), or to_meet (nothing yet)."""
    if (contact.met and contact.met.on) or any(i.kind in CONVERSATIONS for i in past):
        return "met"
    if any(i.initiated == "them" or i.reply == "replied" for i in past):
        return "replied"
    return "reached_out" if past else "to_meet"


def touchpoint(index: Index, contact_id: str) -> Touchpoint:
    """The touchpoint of one contact (priority is set when the list is ordered)."""
    contact = index.contacts[contact_id]
    history = index.history(contact_id)
    cadence = index.cadences[contact_id]
    today = index.today
    dates = due_of(contact, cadence, history.last_touch)
    status = status_of(dates.due, history.scheduled, today, index.dataset.settings.due_soon_days)
    late = (today - dates.due).days if dates.due is not None else 0
    return Touchpoint(
        contact=contact_id,
        name=contact.name,
        circle=contact.circle,
        cadence_days=cadence,
        last_touch=history.last_touch,
        anchor=dates.anchor,
        due=dates.due,
        status=status,
        stage=stage_of(contact, index.past(contact_id)),
        overdue_days=late if status == "overdue" else 0,
        overdue_ratio=late / cadence,
        dormant=is_dormant(dates.anchor, cadence, today, index.dataset.settings),
        never_contacted=history.past_count == 0,
        snoozed_until=dates.snoozed_until,
        scheduled=history.scheduled,
        priority=0,
    )


def priority_key(point: Touchpoint) -> tuple[int, float, dt.date, str, str]:
    """Overdue first, the most overdue (in intervals) first; then by due date (a scheduled
    contact too: the booking is shown, the order stays that of the rules); prospects, who
    have no due date, last; then by name and id, so the order is total."""
    overdue = point.status == "overdue"
    return (
        0 if overdue else 1 if point.due is not None else 2,
        -point.overdue_ratio if overdue else 0.0,
        point.due or dt.date.max,
        point.name.casefold(),
        point.contact,
    )


def ordered(points: list[Touchpoint]) -> tuple[Touchpoint, ...]:
    """Touchpoints in priority order, ranked from 1."""
    points = sorted(points, key=priority_key)
    return tuple(replace(point, priority=rank) for rank, point in enumerate(points, start=1))


def touchpoints(index: Index) -> tuple[Touchpoint, ...]:
    """Every active contact's touchpoint, in priority order."""
    return ordered([touchpoint(index, contact_id) for contact_id in index.active])
