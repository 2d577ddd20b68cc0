"""Relationship history: everyone's strength as of any day up to today.

The strength formula of `people.py` (`strength_score`) is applied as of another day over
the per-person index: a day costs two binary searches in a contact's day numbers, and who
started their interactions is counted only for the touches added since the day before. A
pass over everyone costs more per person than per day, so the days the site always asks
for (`standard_days`) are made in the first pass, together; every day made is remembered,
so the history, the People page's 90-day change and the strength metrics share them.
Nothing here depends on anything but the data and today.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache, cached_property
from itertools import repeat
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
from site_builder.compute.report import RelationshipHistory
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


class StrengthTimeline:
    """Every active contact's strength score as of any day on or before today."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.contacts = index.active
        self._by_day: dict[dt.date, list[int]] = {}

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
    def _inputs(self) -> list[tuple[int, list[int], list[Initiator | None], float, float]]:
        """Each active contact touched by today: position, the day numbers (`toordinal`) of
        the touches up to today, who started each, dormancy limit in days, touches a year
        the cadence asks."""
        index = self.index
        limit_factor = index.dataset.settings.dormant_after
        initiated = index.initiated
        found = []
        for position, contact in enumerate(self.contacts):
            history = index.histories.get(contact)
            if history is not None and history.past_count:
                past = history.past_count
                cadence = index.cadences[contact]
                found.append(
                    (
                        position,
                        list(map(dt.date.toordinal, history.dates[:past])),
                        [initiated[p] for p in history.indexes[:past]],
                        limit_factor * cadence,
                        max(1.0, YEAR_DAYS / cadence),
                    )
                )
        return found

    def _made(self, days: list[dt.date]) -> list[list[int]]:
        """The scores of each day (sorted), in one pass over the contacts.

        The loop runs for each contact and day, so it works on day numbers (ints subtract
        and compare faster than dates), counts who started the touches only for those added
        since the day before, and writes `strength_score`'s arithmetic out instead of
        calling it (a test checks both give the same scores)."""
        made = [[0] * len(self.contacts) for _ in days]
        ends = [day.toordinal() for day in days]
        columns = list(zip(made, ends, [end - (YEAR_DAYS - 1) for end in ends], strict=True))
        share = cache(initiative_of)  # few distinct (mine, theirs) pairs
        for position, touched, starters, limit, per_year in self._inputs:
            seen = mine = theirs = 0
            initiative = 0.0
            for column, day, year_start in columns:
                count = bisect_right(touched, day)
                if count:
                    if count != seen:  # who started them only changes with a touch
                        added = starters[seen:count]
                        mine += added.count("me")
                        theirs += added.count("them")
                        initiative = share(mine, theirs)
                        seen = count
                    recency = 1 - (day - touched[count - 1]) / limit
                    if recency < 0.0:  # noqa: PLR1730 - no call: it runs for each person and day
                        recency = 0.0
                    frequency = (count - bisect_left(touched, year_start)) / per_year
                    if frequency > 1.0:  # noqa: PLR1730 - as above
                        frequency = 1.0
                    column[position] = round(
                        100
                        * (
                            RECENCY_WEIGHT * recency
                            + FREQUENCY_WEIGHT * frequency
                            + RECIPROCITY_WEIGHT * initiative
                        )
                    )
        return made

    def count(self, metric: str, window: Window, where: Where | None = None) -> int:
        """`strong_relationships` or `relationships_deepened` over the window."""
        if metric == "strong_relationships":
            return self.strong(window, where)
        return self.deepened(window, where)

    def strong(self, window: Window, where: Where | None = None) -> int:
        """Contacts scoring `STRONG_AT` or more on the window's last day (or today)."""
        scores = self._chosen(self.scores(window.end - ONE_DAY), where)
        return sum(map(ge, scores, repeat(STRONG_AT)))

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
    strong = tuple(sum(map(ge, column, repeat(STRONG_AT))) for column in columns)
    return RelationshipHistory(
        days=days,
        scores=dict(zip(contacts, rows, strict=True)),
        change_90_days=dict(zip(contacts, change, strict=True)),
        strong=strong,
        strong_at=STRONG_AT,
        deepened_by=DEEPENED_BY,
    )
