"""What the data says that a draft can quote: one value per placeholder, None when unknown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from site_builder.drafts.errors import DraftError
from site_builder.models import Contact, Dataset, Event, Interaction
from site_builder.models.settings import Pitch

Values = dict[str, str | None]


def in_words(day: dt.date) -> str:
    """`2026-05-14` -> `14 May 2026`."""
    return f"{day.day} {day:%B %Y}"


def joined(items: Iterable[str]) -> str | None:
    """`a`, `a and b`, `a, b and c`; None for none."""
    words = [item for item in items if item]
    if not words:
        return None
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def first_name(name: str) -> str:
    """The first word of a name."""
    return name.split(maxsplit=1)[0]


def past_interactions(dataset: Dataset, contact_id: str, today: dt.date) -> list[Interaction]:
    """The interactions with a contact dated on or before today, oldest first (a booked
    one whose day has come is no interaction until confirmed)."""
    found = [
        i
        for i in dataset.interactions
        if contact_id in i.with_ and i.date <= today and not i.planned
    ]
    return sorted(found, key=lambda interaction: interaction.date)


def open_promise(interactions: Iterable[Interaction]) -> str | None:
    """What the earliest open follow-up says to do: by due date (undated ones last), then
    by the date of the interaction it was promised in."""
    promises = [
        (follow_up.due is None, follow_up.due or interaction.date, interaction.date, follow_up.do)
        for interaction in interactions
        for follow_up in interaction.follow_ups
        if follow_up.done is None
    ]
    return min(promises)[-1] if promises else None


def inline(text: str | None) -> str | None:
    """A note in your words made to fit mid-sentence: `Send the deck.` -> `send the deck`
    (a first word in capitals, such as `UK`, is kept)."""
    if not text:
        return None
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def event_named(dataset: Dataset, event_id: str) -> Event | None:
    """The event with this id, if there is one."""
    return next((event for event in dataset.events if event.id == event_id), None)


def met_at(dataset: Dataset, contact_id: str, today: dt.date) -> Event | None:
    """The event where you met: the contact's `met.event`, else the latest past event
    whose `met` lists them."""
    contact = dataset.contacts[contact_id]
    named = contact.met.event if contact.met is not None else None
    if named is not None:
        found = event_named(dataset, named)
        if found is not None:
            return found
    listed = [e for e in dataset.events if contact_id in e.met and e.date <= today]
    return max(listed, key=lambda event: event.date, default=None)


def pitch_text(pitch: Pitch | None) -> str | None:
    """Who, what and hook as one short paragraph: `I'm Alex, a product lead. ...`."""
    if pitch is None:
        return None
    who = pitch.who if pitch.who.startswith(("I ", "I'm", "I am")) else f"I'm {pitch.who}"
    return " ".join(_sentence(part) for part in (who, pitch.what, pitch.hook))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def contact_values(contact: Contact, *, private: bool) -> Values:
    """What the contact's own file says; private details only when `private`."""
    details = contact.private
    return {
        "first_name": first_name(contact.name),
        "name": contact.name,
        "company": contact.company,
        "role": contact.role,
        "interests": joined(contact.interests[:2]),
        "can_help_them": inline(contact.can_help_them),
        "can_help_me": inline(contact.can_help_me),
        "hobbies": joined(details.hobbies[:2]) if private and details else None,
        "family": details.family if private and details else None,
    }


def other_values(dataset: Dataset, other_id: str | None) -> Values:
    """The other person of an introduction (none given: all unknown)."""
    if other_id is None:
        return {"other_name": None, "other_first_name": None, "other_company": None}
    other = dataset.contacts.get(other_id)
    if other is None:
        raise DraftError(f"unknown contact {other_id!r} (the other person)")
    return {
        "other_name": other.name,
        "other_first_name": first_name(other.name),
        "other_company": other.company,
    }


def event_values(dataset: Dataset, contact_id: str, event_id: str | None, today: dt.date) -> Values:
    """The event passed in, else the one where you met the contact."""
    if event_id is None:
        event = met_at(dataset, contact_id, today)
    else:
        event = event_named(dataset, event_id)
        if event is None:
            known = ", ".join(e.id for e in dataset.events) or "none"
            raise DraftError(f"unknown event {event_id!r}; the events are: {known}")
    if event is None:
        return {"event": None, "event_date": None}
    return {"event": event.name, "event_date": in_words(event.date)}


def history_values(
    dataset: Dataset,
    contact_id: str,
    today: dt.date,
    past: Sequence[Interaction] | None = None,
    promise: str | None = None,
) -> Values:
    """The last interaction (its summary and date) and `promise`, else the earliest open
    promise; `past` (the interactions with them up to today, oldest first) is found when
    not given."""
    if past is None:
        past = past_interactions(dataset, contact_id, today)
    last = past[-1] if past else None
    promise = promise or open_promise(past)
    return {
        "last_topic": inline(last.summary) if last else None,
        "last_date": in_words(last.date) if last else None,
        "promise": inline(promise),
    }


def owner_values(dataset: Dataset) -> Values:
    """Your name and your 30-second introduction, from settings."""
    settings = dataset.settings
    return {
        "owner": settings.owner,
        "owner_first_name": first_name(settings.owner),
        "pitch": pitch_text(settings.pitch),
    }


def values_for(
    dataset: Dataset,
    contact_id: str,
    today: dt.date,
    *,
    event_id: str | None = None,
    other_id: str | None = None,
    past: Sequence[Interaction] | None = None,
    promise: str | None = None,
) -> Values:
    """Every placeholder's value for one contact (None where the data holds none)."""
    contact = dataset.contacts.get(contact_id)
    if contact is None:
        raise DraftError(f"unknown contact {contact_id!r}")
    return {
        **contact_values(contact, private=dataset.settings.publish.private_details),
        **history_values(dataset, contact_id, today, past, promise),
        **event_values(dataset, contact_id, event_id, today),
        **other_values(dataset, other_id),
        **owner_values(dataset),
    }
