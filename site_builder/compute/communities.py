"""Communities: your place in each, the people met there, what you did there, and how
many months in a row you showed up.

One pass over the interactions collects the tagged ones and one pass over the contacts
the people met in each community: linear in the data set.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import compress
from operator import attrgetter

from site_builder.compute.index import Index
from site_builder.compute.report import CommunitySummary
from site_builder.models import Community


def _month(day: dt.date) -> int:
    """A month as one number, so that consecutive months differ by one."""
    return day.year * 12 + day.month - 1


def streaks(days: Iterable[dt.date], today: dt.date) -> tuple[int, int]:
    """(current, best) runs of calendar months in a row holding at least one of `days`.

    The current run ends this month, or last month while this month has none yet (a
    month is not missed before it is over); it is 0 when last month had none either.
    """
    months = sorted({_month(day) for day in days if day <= today})
    best = run = 0
    previous: int | None = None
    for month in months:
        run = run + 1 if previous is not None and month == previous + 1 else 1
        best = max(best, run)
        previous = month
    current = run if previous is not None and _month(today) - previous <= 1 else 0
    return current, best


def tagged(index: Index) -> Iterator[tuple[int, str]]:
    """(position, community id) of each interaction on or before today tagged to a
    community, in file order (a booking not yet confirmed is no activity)."""
    today, dates = index.today, index.interaction_dates
    # one attribute read per record at C speed, then the few tagged ones checked by date
    communities = list(map(attrgetter("community"), index.interactions))
    for position in compress(range(len(communities)), communities):
        community = communities[position]
        if community is not None and dates[position] <= today:
            yield position, community


def community_summaries(index: Index) -> tuple[CommunitySummary, ...]:
    """Every community of communities.yml: current ones first, each group by name."""
    if not index.dataset.communities:
        return ()  # nothing to summarise: no interaction is read
    activities: defaultdict[str, list[int]] = defaultdict(list)
    for position, community_id in tagged(index):
        activities[community_id].append(position)
    people: defaultdict[str, list[str]] = defaultdict(list)
    for contact_id, contact in index.contacts.items():
        if contact.met is not None and contact.met.community is not None:
            people[contact.met.community].append(contact_id)
    found = [
        _summary(index, community, activities[community.id], people[community.id])
        for community in index.dataset.communities
    ]
    return tuple(sorted(found, key=lambda c: (not c.current, c.name.casefold(), c.id)))


def _summary(
    index: Index, community: Community, positions: list[int], contacts: list[str]
) -> CommunitySummary:
    today = index.today
    dates = index.interaction_dates
    latest = sorted(positions, key=lambda p: (dates[p], p), reverse=True)
    current, best = streaks((dates[p] for p in latest), today)
    met = sorted(contacts, key=lambda c: (index.name(c).casefold(), c))
    return CommunitySummary(
        id=community.id,
        name=community.name,
        kind=community.kind,
        role=community.role,
        joined=community.joined,
        left=community.left,
        url=community.url,
        current=community.joined <= today and (community.left is None or community.left > today),
        people=tuple(met),
        names=tuple(index.name(c) for c in met),
        interaction_indexes=tuple(latest),
        last_activity=dates[latest[0]] if latest else None,
        streak=current,
        best_streak=best,
    )
