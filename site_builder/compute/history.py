"""Relationship history: everyone's strength as of any day up to today.

The strength formula of `people.py` (`strength_score`) is applied as of another day over
everyone's touches, read once into flat lists: the days come in order, so a person's next
day costs a binary search only when they were touched since the day before, and who
started their interactions is counted only for those new touches. A pass over everyone
costs more per person than per day, so the days the site always asks for
(`standard_days`, today among them) are made in the first pass, together; every day made
is remembered, so the history, the People page's 90-day change, the strength metrics and
today's strength of each person (`StrengthTimeline.today`, with its parts) share them.
Nothing here depends on anything but the data and today.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain, repeat
from math import ceil
from operator import ge, sub

from site_builder.compute.calendar import ONE_DAY, Window, add_months, month_start
from site_builder.compute.filters import contact_matches, has_contact_keys
from site_builder.compute.index import Index
from site_builder.compute.people import (
    FREQUENCY_WEIGHT,
    RECENCY_WEIGHT,
    RECIPROCITY_WEIGHT,
    initiative_of,
)
from site_builder.compute.report import RelationshipHistory, Strength
from site_builder.models import Where
from site_builder.models.types import Initiator

STRONG_AT = 80
"""A relationship scoring this or more is strong."""
DEEPENED_BY = 15
"""A relationship whose score rose by this many points or more over a window deepened."""
MONTHS_SHOWN = 12
CHANGE_DAYS = 90
RECENT_DAYS = 30
"""The Metrics page's "last 30 days" starts the day after this many days ago."""
YEAR_DAYS = 365


@dataclass(frozen=True)
class _Inputs:
    """Everyone touched by today, one after another: the day number (`toordinal`) of each
    touch up to today and who started it, and for each person their position among the
    contacts, where their touches start and end in those lists, their dormancy limit in
    days, the touches a year their cadence asks and their cadence's `_timely` parts."""

    days: list[int]
    starters: list[Initiator | None]
    people: list[tuple[int, int, int, float, float, tuple[float, ...]]]


def _timely(limit: float, per_year: float, longest: int) -> tuple[float, ...]:
    """`strength_score`'s recency part (`RECENCY_WEIGHT` x recency) for each number of days
    since the last touch until it is 0 (and no further than the `longest` gap the data
    holds), and for a yearly cadence (`per_year` 1) its frequency part added while that
    touch is within the year: the same floats the formula makes, looked up by the
    timeline's loop instead of worked out for each person and day."""
    yearly = per_year == 1.0
    return tuple(
        RECENCY_WEIGHT * max(0.0, 1 - days / limit)
        + (FREQUENCY_WEIGHT if yearly and days < YEAR_DAYS else 0.0)
        for days in range(min(longest, max(ceil(limit), YEAR_DAYS if yearly else 0)))
    )


class StrengthTimeline:
    """Every active contact's strength score as of any day on or before today."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.contacts = index.active
        self._by_day: dict[dt.date, list[int]] = {}
        self._strong: dict[dt.date, int] = {}
        self._today_parts: list[tuple[int, float, float, float, int]] = []
        """Today's parts of each person's strength (position, recency, frequency,
        reciprocity, touches in the year), kept by the pass that makes today."""

    def scores(self, day: dt.date) -> list[int]:
        """The score of each active contact (in `contacts` order) as of `day`, no later than
        today; 0 for those not touched by then."""
        return self.columns([day])[0]

    def columns(self, days: list[dt.date]) -> list[list[int]]:
        """`scores` of each day, made together: each contact's history is read once."""
        wanted = [min(day, self.index.today) for day in days]
        asked = set(wanted) if self._by_day else {*wanted, *standard_days(self.index.today)}
        missing = sorted(asked - self._by_day.keys())  # the first time, with the usual days
        if missing:
            self._by_day.update(zip(missing, self._made(missing), strict=True))
        return [self._by_day[day] for day in wanted]

    @cached_property
    def _inputs(self) -> _Inputs:
        """What the formula reads of everyone touched by today, in flat lists: a list per
        person would cost more to make than the whole pass over the days."""
        index = self.index
        limit_factor = index.dataset.settings.dormant_after
        cadences = index.cadences
        place = {contact: position for position, contact in enumerate(self.contacts)}
        # Few cadences: each one's figures are worked out once.
        rates: dict[int, tuple[float, float, tuple[float, ...]]] = {}
        longest = (index.today - index.dates[0]).days + 1 if index.past_end else 0
        dates: list[tuple[dt.date, ...]] = []
        positions: list[tuple[int, ...]] = []
        people = []
        end = 0
        for contact, history in index.histories.items():  # in the order they lie in memory
            position = place.get(contact)  # None: archived, or not a contact
            past = history.past_count
            if position is None or not past:
                continue
            dates.append(history.dates[:past])
            positions.append(history.indexes[:past])
            start, end = end, end + past
            cadence = cadences[contact]
            rate = rates.get(cadence)
            if rate is None:
                limit, per_year = limit_factor * cadence, max(1.0, YEAR_DAYS / cadence)
                rate = rates[cadence] = (limit, per_year, _timely(limit, per_year, longest))
            people.append((position, start, end, *rate))
        # One int per day (a few hundred, shared): smaller to read in the loop than an int
        # per touch.
        day_number = {day: day.toordinal() for day in set(index.dates[: index.past_end])}
        initiated = index.initiated
        return _Inputs(
            list(map(day_number.__getitem__, chain.from_iterable(dates))),
            [initiated[p] for p in chain.from_iterable(positions)],
            people,
        )

    @cached_property
    def today(self) -> dict[str, Strength]:
        """Today's strength of each active contact touched by today, with its parts: what
        `people.strength_of` gives, from the pass that makes the other days (the People
        page and the history share one reading of everyone's interactions). People with
        equal parts share one record (immutable), made once."""
        scores = self.scores(self.index.today)  # the first pass always makes today
        contacts = self.contacts
        made: dict[tuple[int, float, float, float, int], Strength] = {}
        found = {}
        for position, recency, frequency, share, year in self._today_parts:
            key = (scores[position], recency, frequency, share, year)
            strength = made.get(key)
            if strength is None:
                strength = made[key] = Strength(
                    key[0], round(recency, 4), round(frequency, 4), round(share, 4), year
                )
            found[contacts[position]] = strength
        return found

    def _made(self, days: list[dt.date]) -> list[list[int]]:
        """The scores of each day (sorted), in one pass over the contacts.

        The loop runs for each contact and day, so it works on day numbers (ints subtract
        and compare faster than dates), counts who started the touches only for those added
        since the day before, looks the recency part up by the days since the last touch
        (`_timely`; for a yearly cadence the frequency part too: one touch in the year is
        full marks), and writes the rest of `strength_score`'s arithmetic out instead of
        calling it (a test checks both give the same scores). A pass that makes today keeps
        today's parts of each person's strength (`today`)."""
        made = [[0] * len(self.contacts) for _ in days]
        ends = [day.toordinal() for day in days]
        columns = list(zip(made, ends, [end - (YEAR_DAYS - 1) for end in ends], strict=True))
        share = cache(initiative_of)  # few distinct (mine, theirs) pairs
        by_frequency, by_initiative = FREQUENCY_WEIGHT, RECIPROCITY_WEIGHT
        inputs = self._inputs
        touched, starters = inputs.days, inputs.starters
        parts = self._today_parts if days[-1] == self.index.today else None
        # `seen` and `low` are places in the flat lists: the person's touches up to a day are
        # touched[start:seen], those of the year to that day touched[low:seen]; both only
        # move forward, as the days come in order.
        for position, start, end, limit, per_year, timely in inputs.people:
            seen = low = start
            yearly = per_year == 1.0  # `max(1.0, ...)`: a cadence of a year or more
            within = len(timely)
            last = mine = theirs = since = 0
            initiative = given = 0.0
            for column, day, year_start in columns:
                if seen != end and touched[seen] <= day:  # touched since the day before
                    count = bisect_right(touched, day, seen, end)
                    added = starters[seen:count]
                    mine += added.count("me")
                    theirs += added.count("them")
                    initiative = share(mine, theirs)
                    given = by_initiative * initiative
                    last = touched[count - 1]
                    seen = count
                elif seen == start:  # not touched yet
                    continue
                since = day - last
                part = timely[since] if since < within else 0.0
                if not yearly:
                    if low != seen and touched[low] < year_start:  # the year's start moved on
                        low = bisect_left(touched, year_start, low, seen)
                    frequency = (seen - low) / per_year
                    if frequency > 1.0:  # noqa: PLR1730 - no call: it runs for each person and day
                        frequency = 1.0
                    part += by_frequency * frequency
                column[position] = round(100 * (part + given))
            if parts is not None:  # today is the last day, and everyone here is touched by then
                if yearly:
                    low = bisect_left(touched, year_start, start, seen)
                    frequency = 1.0 if since < YEAR_DAYS else 0.0
                recency = max(0.0, 1 - since / limit)
                parts.append((position, recency, frequency, initiative, seen - low))
        return made

    def count(self, metric: str, window: Window, where: Where | None = None) -> int:
        """`strong_relationships` or `relationships_deepened` over the window."""
        if metric == "strong_relationships":
            return self.strong(window, where)
        return self.deepened(window, where)

    def strong(self, window: Window, where: Where | None = None) -> int:
        """Contacts scoring `STRONG_AT` or more on the window's last day (or today)."""
        day = min(window.end - ONE_DAY, self.index.today)
        if where is None or not has_contact_keys(where):
            return self.strong_on(day)
        return sum(map(ge, self._chosen(self.scores(day), where), repeat(STRONG_AT)))

    def strong_on(self, day: dt.date) -> int:
        """Contacts scoring `STRONG_AT` or more on a day (no later than today), counted once
        a day: the history and the metric both ask."""
        if day not in self._strong:
            self._strong[day] = sum(map(ge, self.scores(day), repeat(STRONG_AT)))
        return self._strong[day]

    def deepened(self, window: Window, where: Where | None = None) -> int:
        """Contacts whose score rose by `DEEPENED_BY` or more from the day before the window
        to its last day (or today)."""
        before, after = self.columns([window.start - ONE_DAY, window.end - ONE_DAY])
        rises = map(sub, self._chosen(after, where), self._chosen(before, where))
        return sum(map(ge, rises, repeat(DEEPENED_BY)))

    def _chosen(self, scores: list[int], where: Where | None) -> Iterable[int]:
        """The scores of the contacts a `where:` filter keeps."""
        if where is None or not has_contact_keys(where):
            return scores
        contacts = self.index.contacts
        return [
            score
            for contact, score in zip(self.contacts, scores, strict=True)
            if contact_matches(contacts[contact], where)
        ]


def standard_days(today: dt.date) -> tuple[dt.date, ...]:
    """The days the history and the Metrics page always ask for (the month ends, 90 and 30
    days ago): made in one pass over everyone, since a pass costs more per person than
    per day."""
    return (
        *history_days(today),
        today - dt.timedelta(days=CHANGE_DAYS),
        today - dt.timedelta(days=RECENT_DAYS),
    )


def history_days(today: dt.date) -> tuple[dt.date, ...]:
    """The last day of each of the 11 months before today's, then today."""
    first = month_start(today)
    ends = [add_months(first, k) - ONE_DAY for k in range(2 - MONTHS_SHOWN, 1)]
    return (*ends, today)


def relationship_history(timeline: StrengthTimeline) -> RelationshipHistory:
    """Each active contact's strength at each month's end, and its change over 90 days."""
    today = timeline.index.today
    days = history_days(today)
    *columns, earlier = timeline.columns([*days, today - dt.timedelta(days=CHANGE_DAYS)])
    contacts = timeline.contacts  # each column holds them in this order
    rows = zip(*columns, strict=True)
    change = map(sub, columns[-1], earlier)
    strong = tuple(map(timeline.strong_on, days))
    return RelationshipHistory(
        days=days,
        scores=dict(zip(contacts, rows, strict=True)),
        change_90_days=dict(zip(contacts, change, strict=True)),
        strong=strong,
        strong_at=STRONG_AT,
        deepened_by=DEEPENED_BY,
    )
