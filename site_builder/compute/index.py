"""Indexes built once per computation, so that no rule scans every interaction per contact."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from site_builder.models import Contact, Dataset, Event, Interaction


@dataclass(frozen=True)
class ContactHistory:
    """One contact's interactions, by date: positions in `Dataset.interactions` and dates."""

    indexes: tuple[int, ...]
    dates: tuple[dt.date, ...]
    past_count: int
    """How many are dated on or before today."""

    @property
    def last_touch(self) -> dt.date | None:
        """The latest date on or before today."""
        return self.dates[self.past_count - 1] if self.past_count else None

    @property
    def first_touch(self) -> dt.date | None:
        """The earliest date on or before today."""
        return self.dates[0] if self.past_count else None

    @property
    def scheduled(self) -> dt.date | None:
        """The earliest date after today."""
        return self.dates[self.past_count] if self.past_count < len(self.dates) else None


NO_HISTORY = ContactHistory((), (), 0)


@dataclass(frozen=True)
class Index:
    """The data set plus the lookups every rule needs."""

    dataset: Dataset
    today: dt.date
    by_date: tuple[int, ...]
    """Interaction positions sorted by (date, position)."""
    dates: tuple[dt.date, ...]
    """The date of each entry of `by_date`."""
    past_end: int
    """Entries of `by_date` before this one are dated on or before today."""
    past_interactions: tuple[Interaction, ...]
    """The interactions of `by_date[:past_end]`, in that order."""
    histories: Mapping[str, ContactHistory]
    cadences: Mapping[str, int]
    active: tuple[str, ...]
    """Ids of contacts that are not archived, in id order."""
    events: Mapping[str, Event]
    contacts: Mapping[str, Contact]
    """Contacts by id (the data set's)."""
    interactions: Sequence[Interaction]
    """Interactions in file order (positions index into this)."""

    def history(self, contact: str) -> ContactHistory:
        """The interactions with one contact (empty for an unknown id)."""
        return self.histories.get(contact, NO_HISTORY)

    def past(self) -> Sequence[int]:
        """Positions of interactions dated on or before today, by date."""
        return self.by_date[: self.past_end]

    def name(self, contact: str) -> str:
        """A contact's name, or the id for an unknown one."""
        known = self.dataset.contacts.get(contact)
        return known.name if known is not None else contact


def cadence_of(contact: Contact, dataset: Dataset) -> int:
    """The contact's own `cadence_days`, else its circle's."""
    if contact.cadence_days is not None:
        return contact.cadence_days
    return int(getattr(dataset.settings.cadence_days, contact.circle))


def build_index(dataset: Dataset, today: dt.date) -> Index:
    """Sort interactions once and group them by contact."""
    interactions = dataset.interactions
    file_dates = [interaction.date for interaction in interactions]
    by_date = tuple(sorted(range(len(interactions)), key=file_dates.__getitem__))  # stable
    dates = tuple(file_dates[i] for i in by_date)
    histories = {contact: _history(positions, file_dates, today)
                 for contact, positions in _by_contact(interactions, by_date).items()}
    past_end = bisect_right(dates, today)
    return Index(
        dataset=dataset,
        today=today,
        by_date=by_date,
        dates=dates,
        past_end=past_end,
        past_interactions=tuple(interactions[i] for i in by_date[:past_end]),
        histories=histories,
        cadences={cid: cadence_of(c, dataset) for cid, c in dataset.contacts.items()},
        active=tuple(sorted(cid for cid, c in dataset.contacts.items() if not c.archived)),
        events={event.id: event for event in dataset.events},
        contacts=dataset.contacts,
        interactions=interactions,
    )


def _by_contact(
    interactions: Sequence[Interaction], by_date: Sequence[int]
) -> dict[str, list[int]]:
    """Positions of each contact's interactions, in date order (a name given twice counts once)."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for position in by_date:
        people = interactions[position].with_
        if len(people) == 1:
            grouped[people[0]].append(position)
        else:
            for contact in dict.fromkeys(people):
                grouped[contact].append(position)
    return grouped


def _history(positions: list[int], file_dates: list[dt.date], today: dt.date) -> ContactHistory:
    dates = tuple(map(file_dates.__getitem__, positions))
    return ContactHistory(tuple(positions), dates, bisect_right(dates, today))
