"""Which template suits a contact today, when none is asked for."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.index import cadence_of
from site_builder.compute.schedule import anchor_of, is_dormant
from site_builder.drafts.errors import DraftError
from site_builder.drafts.facts import met_at, open_promise, past_interactions
from site_builder.models import Dataset

EVENT_FOLLOW_UP_DAYS = 7
"""The 24-48-7 rule: an event's follow-ups run for a week after its last day."""


def met_at_recent_event(dataset: Dataset, contact_id: str, today: dt.date) -> bool:
    """Whether you met the contact at an event that ended within the last week."""
    contact = dataset.contacts[contact_id]
    met_event = contact.met.event if contact.met else None
    return any(
        0 <= (today - event.last_day).days <= EVENT_FOLLOW_UP_DAYS
        for event in dataset.events
        if contact_id in event.met or event.id == met_event
    )


def _met_on(dataset: Dataset, contact_id: str, today: dt.date) -> dt.date | None:
    """The day you met: the contact's `met.on`, else the day of the event where you met."""
    contact = dataset.contacts[contact_id]
    if contact.met is not None and contact.met.on is not None:
        return contact.met.on
    event = met_at(dataset, contact_id, today)
    return event.date if event is not None else None


def suggested_template(dataset: Dataset, contact_id: str, today: dt.date) -> str:
    """The template id for the contact's next message, from the first rule that applies:
    met at an event that ended in the last 7 days, `event_follow_up`; never met (no
    `met.on`, no event) nor contacted, `cold_outreach`; a promise still open, `follow_up`;
    dormant, `reconnect`; else `check_in`."""
    contact = dataset.contacts.get(contact_id)
    if contact is None:
        raise DraftError(f"unknown contact {contact_id!r}")
    if met_at_recent_event(dataset, contact_id, today):
        return "event_follow_up"
    past = past_interactions(dataset, contact_id, today)
    met_on = _met_on(dataset, contact_id, today)
    if not past and met_on is None:
        return "cold_outreach"
    if open_promise(past) is not None:
        return "follow_up"
    anchor = anchor_of(past[-1].date if past else None, met_on)
    if is_dormant(anchor, cadence_of(contact, dataset), today, dataset.settings):
        return "reconnect"
    return "check_in"
