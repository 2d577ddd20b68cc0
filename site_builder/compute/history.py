"""Relationship history: everyone's strength as of any day up to today.

The strength formula of `people.py` is applied as of another day over the per-person
index: each active contact's touch dates (as day numbers) and running counts of who
started them are made once, so a day costs two binary searches per person, not a pass
over their interactions. Days asked for are remembered: the history, the People page's
90-day change and the strength metrics share them.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import ge, sub

from site_builder.compute.calendar import ONE_DAY, Window, add_months, month_start
from site_builder.compute.filters import contact_matches, has_contact_keys
from site_builder.compute.index import Index
from site_builder.compute.people import initiative_of, strength_score
from site_builder.compute.report import RelationshipHistory
from site_builder.models import Where
from site_builder.models.types import Initiator

STRONG_AT = 80
"""A relationship scoring this or more is strong."""
DEEPENED_BY = 15
"""A relationship whose score rose by this many points or more over a window deepened."""
MONTHS_SHOWN = 12
CHANGE_DAYS = 90
YEAR_DAYS = 365


class StrengthTimeline:
    """Every active contact's strength score as of any day on or before today."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.contacts = index.active
        self._by_day: dict[dt.date, dict[str, int]] = {}
        self._touched = _touched(index)

    def scores(self, day: dt.date) -> Mapping[str, int]:
        """The score of each active contact as of `day` (no later than today), 0 for those
        not touched by then."""
        return self.columns([day])[0]

    def columns(self, days: list[dt.date]) -> list[Mapping[str, int]]:
        """`scores` of each day, made together: each contact's inputs are unpacked once."""
        wanted = [min(day, self.index.today) for day in days]
        missing = sorted(set(wanted) - self._by_day.keys())
        if missing:
            made = [dict.fromkeys(self.contacts, 0) for _ in missing]
            at = [day.toordinal() for day in missing]
            year_starts = [day - YEAR_DAYS + 1 for day in at]
            for contact, dates, starters, limit, per_year in self._touched:
                counts = map(bisect_right, repeat(dates), at)
                starts = map(bisect_left, repeat(dates), year_starts)
                seen, initiative = 0, 0.0
                for column, day, count, start in zip(made, at, counts, starts, strict=False):
                    if count:
                        if count != seen:  # the running counts only change with a touch
                            seen, initiative = count, _initiative(starters[:count])
                        column[contact] = strength_score(
                            day - dates[count - 1], limit, count - start, per_year, initiative
                        )
            self._by_day.update(zip(missing, made, strict=True))
        return [self._by_day[day] for day in wanted]

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

    def _chosen(self, scores: Mapping[str, int], where: Where | None) -> Iterable[int]:
        """The scores of the contacts a `where:` filter keeps, in contact order."""
        if where is None or not has_contact_keys(where):
            return scores.values()
        contacts = self.index.contacts
        return [scores[c] for c in self.contacts if contact_matches(contacts[c], where)]


Touched = tuple[str, list[int], list[Initiator | None], float, float]
"""A contact with touches: id, touch days (as day numbers), who started each, the
dormancy limit in days and the touches a year asks."""


def _initiative(starters: list[Initiator | None]) -> float:
    return initiative_of(starters.count("me"), starters.count("them"))


def _touched(index: Index) -> list[Touched]:
    """The inputs of the formula for each active contact touched by today."""
    limit_factor = index.dataset.settings.dormant_after
    initiated = index.initiated
    ordinal = {day: day.toordinal() for day in set(index.dates[: index.past_end])}
    found: list[Touched] = []
    for contact in index.active:
        history = index.history(contact)
        count = history.past_count
        if count:
            cadence = index.cadences[contact]
            found.append(
                (
                    contact,
                    list(map(ordinal.__getitem__, history.dates[:count])),
                    list(map(initiated.__getitem__, history.indexes[:count])),
                    limit_factor * cadence,
                    max(1.0, YEAR_DAYS / cadence),
                )
            )
    return found


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
    rows = zip(*(column.values() for column in columns), strict=True)
    change = map(sub, columns[-1].values(), earlier.values())
    strong = tuple(sum(1 for score in column.values() if score >= STRONG_AT) for column in columns)
    return RelationshipHistory(
        days=days,
        scores=dict(zip(contacts, rows, strict=True)),
        change_90_days=dict(zip(contacts, change, strict=True)),
        strong=strong,
        strong_at=STRONG_AT,
        deepened_by=DEEPENED_BY,
    )
