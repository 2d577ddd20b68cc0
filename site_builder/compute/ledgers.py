"""The dated records each metric counts, filtered by `where:`; all dated on or before today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from site_builder.compute.filters import (
    community_matches,
    contact_matches,
    event_matches,
    has_contact_keys,
    interaction_matches,
)
from site_builder.compute.index import Index
from site_builder.models import Contact, Interaction, Where

Entries = Iterator[tuple[dt.date, float]]
Weight = Callable[[Interaction], float]
_BEFORE_ALL = dt.date.min


class _People:
    """Remembers which contacts match a filter (each contact is checked once)."""

    def __init__(self, index: Index, where: Where | None) -> None:
        self.contacts = index.contacts
        self.where = where if has_contact_keys(where) else None
        self.known: dict[str, bool] = {}

    def match(self, contact: str) -> bool:
        if self.where is None:
            return contact in self.contacts
        if contact not in self.known:
            self.known[contact] = contact_matches(self.contacts.get(contact), self.where)
        return self.known[contact]


def interaction_entries(index: Index, weight: Weight, where: Where | None) -> Entries:
    """Interactions, weighted; each counts when its kind and value hold and at least one
    person in `with` matches the contact keys (read in file order: the amounts are whole
    numbers, so a ledger's sum of a day is the same in any order)."""
    people = _People(index, where)
    for interaction in index.past_in_file_order():
        if where is not None and not interaction_matches(interaction, where):
            continue
        if people.where is not None and not any(people.match(c) for c in interaction.with_):
            continue
        amount = weight(interaction)
        if amount:
            yield interaction.date, amount


def introduction_pairs(
    interaction: Interaction, matches: Callable[[str], bool] | None = None
) -> int:
    """The pairs an introduction made: someone in `with` and someone in `introduced`.

    A pair is two different people, counted once however often a name is repeated; with
    `matches`, only the pairs where either person matches count.
    """
    if not interaction.introduced:
        return 0
    pairs = {
        frozenset((met, other))
        for met in interaction.with_
        for other in interaction.introduced
        if met != other
    }
    if matches is None:
        return len(pairs)
    return sum(1 for pair in pairs if any(map(matches, pair)))


def introduction_entries(index: Index, where: Where | None) -> Entries:
    """Introduction pairs, dated (read in file order, as `interaction_entries`); kind and
    value hold for the interaction, and either person of a pair matches the contact keys."""
    people = _People(index, where)
    matches = people.match if people.where is not None else None
    for interaction in index.past_in_file_order():
        if where is not None and not interaction_matches(interaction, where):
            continue
        pairs = introduction_pairs(interaction, matches)
        if pairs:
            yield interaction.date, float(pairs)


def reconnections(index: Index) -> Iterator[tuple[dt.date, str, Sequence[int]]]:
    """(day, contact, interactions that day) for each touch after a dormant gap.

    The gap runs from the anchor just before the touch (the previous touch, or the day
    met when later); a first touch with no day met is not a reconnection.
    """
    dormant_after = index.dataset.settings.dormant_after
    for contact_id, history in index.histories.items():
        contact = index.contacts.get(contact_id)
        if contact is None:
            continue
        limit = dormant_after * index.cadences[contact_id]
        met_on = contact.met.on if contact.met else None
        previous: dt.date | None = None
        for at in range(history.past_count):
            day = history.dates[at]
            if day == previous:
                continue
            anchor = previous  # before `day`: the dates are in order and repeats skipped
            if met_on is not None and met_on < day and (anchor is None or met_on > anchor):
                anchor = met_on
            if anchor is not None and (day - anchor).days > limit:
                yield day, contact_id, _same_day(history.indexes, history.dates, at)
            previous = day


def _same_day(indexes: Sequence[int], dates: Sequence[dt.date], at: int) -> Sequence[int]:
    end = at
    while end < len(dates) and dates[end] == dates[at]:
        end += 1
    return indexes[at:end]


def reconnection_entries(index: Index, where: Where | None) -> Entries:
    """Contacts touched after being dormant; kind/value hold for any interaction that day."""
    people = _People(index, where)
    for day, contact, positions in reconnections(index):
        if not people.match(contact):
            continue
        if where is None or any(
            interaction_matches(index.interactions[p], where) for p in positions
        ):
            yield day, 1.0


def new_contact_entries(index: Index, where: Where | None) -> Entries:
    """Contacts (archived too) by `met.on`; kind and role hold for the event met at."""
    for contact in index.contacts.values():
        met_on = contact.met.on if contact.met else None
        if met_on is None or met_on > index.today:
            continue
        if where is not None and not _new_contact_matches(index, contact, where):
            continue
        yield met_on, 1.0


def _new_contact_matches(index: Index, contact: Contact, where: Where) -> bool:
    event_id = contact.met.event if contact.met else None
    event = index.events.get(event_id) if event_id else None
    return contact_matches(contact, where) and event_matches(event, where)


def event_entries(index: Index, where: Where | None, *, hosted_only: bool) -> Entries:
    """Events by first day, any role (hosted: role host only)."""
    for event in index.dataset.events:
        if event.date > index.today or (hosted_only and event.role != "host"):
            continue
        if where is None or event_matches(event, where):
            yield event.date, 1.0


def community_entries(index: Index, where: Where | None) -> Entries:
    """Communities by the day joined (filtered by role: by the day the role was taken)."""
    for community in index.dataset.communities:
        day = community.joined
        if where is not None and where.role is not None:
            day = community.role_since or community.joined
        if day > index.today:
            continue
        if where is None or community_matches(community, where):
            yield day, 1.0


def contact_level_dates(index: Index, where: Where | None) -> Entries:
    """Active contacts by the day met (people with no day met count from the start)."""
    people = _People(index, where)
    for contact_id in index.active:
        if people.match(contact_id):
            yield _met_or_start(index.contacts[contact_id]), 1.0


def board_dates(index: Index, where: Where | None) -> Entries:
    """Each board role by the day its first active holder was met."""
    people = _People(index, where)
    first: dict[str, dt.date] = {}
    for contact_id in index.active:
        contact = index.contacts[contact_id]
        if contact.board_role is not None and people.match(contact_id):
            day = _met_or_start(contact)
            first[contact.board_role] = min(day, first.get(contact.board_role, day))
    return ((day, 1.0) for day in first.values())


def _met_or_start(contact: Contact) -> dt.date:
    return contact.met.on if contact.met and contact.met.on else _BEFORE_ALL


def community_activity_entries(index: Index, where: Where | None) -> Entries:
    """Interactions tagged to a community, by date (with people or alone); kind and value
    hold for the interaction."""
    today, dates, interactions = index.today, index.interaction_dates, index.interactions
    for position in index.notable.in_community:
        interaction = interactions[position]
        if dates[position] <= today and (where is None or interaction_matches(interaction, where)):
            yield interaction.date, 1.0


def review_entries(index: Index) -> Entries:
    """Each review of reviews.yml on the day it was done."""
    today = index.today
    return ((review.date, 1.0) for review in index.dataset.reviews if review.date <= today)
