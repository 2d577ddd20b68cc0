"""Birthdays, work anniversaries and open follow-ups."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.calendar import in_year, on_or_after
from site_builder.compute.index import Index
from site_builder.compute.report import FollowUpStatus, KeyDate, KeyDateKind, OpenFollowUp
from site_builder.models.types import annual_parts

KEY_DATE_KINDS: tuple[KeyDateKind, ...] = ("birthday", "work_anniversary")


def next_key_date(
    contact: str, name: str, kind: KeyDateKind, value: str, today: dt.date, *, show_age: bool
) -> KeyDate | None:
    """The next occurrence on or after today; None while a dated start is still ahead.

    With a known year, the first occurrence is the first anniversary (the start date itself
    is no anniversary). A birthday's `years` is an age, which gives the birth year away, so it
    is kept only with `show_age` (`publish.private_details`).
    """
    year, month, day = annual_parts(value)
    if year is not None and in_year(year, month, day) > today:
        return None
    occurrence = on_or_after(today, month, day, year + 1 if year is not None else None)
    years = occurrence.year - year if year is not None else None
    return KeyDate(
        contact=contact,
        name=name,
        kind=kind,
        date=occurrence,
        days_until=(occurrence - today).days,
        years=None if kind == "birthday" and not show_age else years,
    )


def key_dates(index: Index) -> tuple[KeyDate, ...]:
    """Next birthdays and work anniversaries of active contacts, soonest first."""
    show_age = index.dataset.settings.publish.private_details
    found: list[KeyDate] = []
    for contact_id in index.active:
        contact = index.contacts[contact_id]
        if contact.dates is None:
            continue
        for kind in KEY_DATE_KINDS:
            value = getattr(contact.dates, kind)
            if value is None:
                continue
            key = next_key_date(
                contact_id, contact.name, kind, value, index.today, show_age=show_age
            )
            if key is not None:
                found.append(key)
    return tuple(sorted(found, key=lambda k: (k.date, k.name.casefold(), k.contact, k.kind)))


def follow_up_status(due: dt.date | None, today: dt.date, soon_days: int) -> FollowUpStatus:
    """overdue, due (today), soon (within `due_soon_days`) or open (later or undated)."""
    if due is None:
        return "open"
    if due < today:
        return "overdue"
    if due == today:
        return "due"
    return "soon" if (due - today).days <= soon_days else "open"


def open_follow_ups(index: Index) -> tuple[OpenFollowUp, ...]:
    """Promises not done yet, from interactions dated on or before today."""
    today = index.today
    soon = index.dataset.settings.due_soon_days
    found: list[OpenFollowUp] = []
    for position, interaction in enumerate(index.interactions):
        if not interaction.follow_ups or index.interaction_dates[position] > today:
            continue
        for promise in interaction.follow_ups:
            if promise.done is not None:
                continue
            found.append(
                OpenFollowUp(
                    contacts=tuple(interaction.with_),
                    names=tuple(index.name(c) for c in interaction.with_),
                    interaction_date=interaction.date,
                    interaction_index=position,
                    do=promise.do,
                    due=promise.due,
                    status=follow_up_status(promise.due, today, soon),
                    overdue_days=max(0, (today - promise.due).days) if promise.due else 0,
                )
            )
    return tuple(sorted(found, key=_follow_up_order))


def _follow_up_order(item: OpenFollowUp) -> tuple[int, dt.date, dt.date, int]:
    if item.due is not None:
        return (0, item.due, item.interaction_date, item.interaction_index)
    return (1, item.interaction_date, item.interaction_date, item.interaction_index)
