"""Indexes built once per computation, so that no rule scans every interaction per contact.

The interactions are read once, in file order (the order they lie in memory), into columns:
a rule that walks them by date or by contact reads the columns, small enough to stay in the
processor's cache, rather than jumping between the records themselves.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

from site_builder.models import Contact, Dataset, Event, Interaction
from site_builder.models.types import (
    Initiator,
    InteractionKind,
    MeetingAnswer,
    Outcome,
    Value,
)


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


Fruitful = tuple[
    int, list[str], list[Outcome], str | None, str | None, InteractionKind, MeetingAnswer | None
]
"""An interaction with `outcomes`, as the payoff and the review read it: (position, with,
outcomes, event, community, kind, meeting). Its fields are taken in the index's pass over the
records, as plain tuples: reaching a record again costs more than reading its fields, and
a named tuple more to make than a plain one."""
Introducing = tuple[int, list[str], list[str]]
"""An interaction naming someone: (position, with, introduced), taken as `Fruitful` is."""


@dataclass(frozen=True)
class Notable:
    """The interactions (file order, any date) that carry something beyond a touch: the
    payoff, the review, introductions and the community metrics read these instead of
    every record."""

    fruitful: tuple[Fruitful, ...]
    """With `outcomes`."""
    outreach: tuple[int, ...]
    """Positions of outreach, awaiting an answer (`payoff.answer`): with `reply`,
    `replied_on` or the `template` it used."""
    introducing: tuple[Introducing, ...]
    """Naming someone in `introduced`."""
    in_community: tuple[int, ...]
    """Positions of those tagged to a `community`."""


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
    interaction_dates: tuple[dt.date, ...]
    """The date of each interaction, in file order (one date object per day); `date.max`
    for an unconfirmed one, so that no rule counting up to today counts it."""
    unconfirmed: tuple[int, ...]
    """Positions of planned interactions dated on or before today, not yet confirmed: not
    touches, left out of every other column and lookup (the agenda asks "did it happen?")."""
    values: tuple[Value | None, ...]
    """The value (give, share, ask, social) of each interaction, in file order."""
    initiated: tuple[Initiator | None, ...]
    """Who started each interaction (me, them), in file order."""
    histories: Mapping[str, ContactHistory]
    notable: Notable
    """The few interactions the coach's figures read (outcomes, outreach, introductions,
    community work), found in the pass that reads the dates."""
    cadences: Mapping[str, int]
    active: tuple[str, ...]
    """Ids of contacts that are not archived, in id order."""
    with_news: tuple[str, ...]
    """Ids of active contacts with `news`, in id order."""
    events: Mapping[str, Event]
    contacts: Mapping[str, Contact]
    """Contacts by id (the data set's)."""
    interactions: Sequence[Interaction]
    """Interactions in file order (positions index into this)."""

    def history(self, contact: str) -> ContactHistory:
        """The interactions with one contact (empty for an unknown id)."""
        return self.histories.get(contact, NO_HISTORY)

    def past(self, contact: str) -> list[Interaction]:
        """The interactions with one contact dated on or before today, by date."""
        history = self.history(contact)
        return [self.interactions[p] for p in history.indexes[: history.past_count]]

    def past_in_file_order(self) -> Iterator[Interaction]:
        """Interactions dated on or before today, in file order (for sums and counts)."""
        today = self.today  # unconfirmed ones are dated `date.max`
        dated = zip(self.interactions, self.interaction_dates, strict=True)
        return (interaction for interaction, day in dated if day <= today)

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
    file_dates, unconfirmed, notable = _read_dates(interactions, today)
    by_date, dates = _by_date(file_dates)
    active, with_news = _active(dataset.contacts)
    histories = {
        contact: _history(positions, file_dates, today)
        for contact, positions in _by_contact(interactions, file_dates).items()
    }
    return Index(
        dataset=dataset,
        today=today,
        by_date=by_date,
        dates=dates,
        past_end=bisect_right(dates, today),
        interaction_dates=tuple(file_dates),
        unconfirmed=unconfirmed,
        values=tuple(interaction.value for interaction in interactions),
        initiated=tuple(interaction.initiated for interaction in interactions),
        histories=histories,
        notable=notable,
        cadences={cid: cadence_of(c, dataset) for cid, c in dataset.contacts.items()},
        active=active,
        with_news=with_news,
        events={event.id: event for event in dataset.events},
        contacts=dataset.contacts,
        interactions=interactions,
    )


def _read_dates(
    interactions: Sequence[Interaction], today: dt.date
) -> tuple[list[dt.date], tuple[int, ...], Notable]:
    """Each interaction's date (equal dates share one object, a small set to compare;
    `date.max` for a planned one whose day has come, not yet confirmed), the positions of
    those unconfirmed ones, and the notable ones: one pass over the records, which costs
    more in reaching each than in reading a few fields of it."""
    one_per_day: dict[dt.date, dt.date] = {}
    file_dates: list[dt.date] = []
    unconfirmed: list[int] = []
    fruitful: list[Fruitful] = []
    outreach: list[int] = []
    introducing: list[Introducing] = []
    in_community: list[int] = []
    for position, interaction in enumerate(interactions):
        fields = vars(interaction)  # a model keeps its fields there: read as a dict, quicker
        day = fields["date"]
        if fields["planned"] and day <= today:
            unconfirmed.append(position)
            file_dates.append(dt.date.max)
        else:
            file_dates.append(one_per_day.setdefault(day, day))
        if outcomes := fields["outcomes"]:
            fruitful.append(
                (
                    position,
                    fields["with_"],
                    outcomes,
                    fields["event"],
                    fields["community"],
                    fields["kind"],
                    fields["meeting"],
                )
            )
        if (
            fields["reply"] is not None
            or fields["replied_on"] is not None
            or fields["template"] is not None
        ):
            outreach.append(position)
        if introduced := fields["introduced"]:
            introducing.append((position, fields["with_"], introduced))
        if fields["community"] is not None:
            in_community.append(position)
    notable = Notable(tuple(fruitful), tuple(outreach), tuple(introducing), tuple(in_community))
    return file_dates, tuple(unconfirmed), notable


def _active(contacts: Mapping[str, Contact]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Ids of the contacts not archived, and of those of them with news, in id order."""
    active: list[str] = []
    with_news: list[str] = []
    for contact_id, contact in contacts.items():
        if not contact.archived:
            active.append(contact_id)
            if contact.news:
                with_news.append(contact_id)
    return tuple(sorted(active)), tuple(sorted(with_news))


def _by_date(file_dates: list[dt.date]) -> tuple[tuple[int, ...], tuple[dt.date, ...]]:
    """Positions sorted by (date, position), and their dates: the positions go into a
    bucket per day in file order, and only the days are sorted."""
    on_day: dict[dt.date, list[int]] = defaultdict(list)
    for position, day in enumerate(file_dates):
        on_day[day].append(position)
    on_day.pop(dt.date.max, None)  # unconfirmed
    days = sorted(on_day)
    by_date = tuple(chain.from_iterable(map(on_day.__getitem__, days)))
    dates = tuple(chain.from_iterable(repeat(day, len(on_day[day])) for day in days))
    return by_date, dates


def _by_contact(
    interactions: Sequence[Interaction], file_dates: list[dt.date]
) -> dict[str, list[int]]:
    """Positions of each contact's interactions, by (date, position); a name given twice
    counts once. Grouped in file order, then each group sorted on its own."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for position, people in enumerate([interaction.with_ for interaction in interactions]):
        if file_dates[position] is dt.date.max:  # unconfirmed
            continue
        if len(people) == 1:
            grouped[people[0]].append(position)
        else:
            for contact in dict.fromkeys(people):
                grouped[contact].append(position)
    for positions in grouped.values():
        positions.sort(key=file_dates.__getitem__)  # stable: ties stay in file order
    return grouped


def _history(positions: list[int], file_dates: list[dt.date], today: dt.date) -> ContactHistory:
    dates = tuple(map(file_dates.__getitem__, positions))
    return ContactHistory(tuple(positions), dates, bisect_right(dates, today))
