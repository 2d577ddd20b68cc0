"""Where networking pays off: outcomes by kind, meetings that led somewhere, where
opportunities come from, and which channels and templates get answers, how fast.

Everything counts interactions dated on or before today (all time): only the few with an
outcome, and the outreach (with `reply`, `replied_on` or the `template` it used), both found
by the index. An outreach's answer may come from a later interaction, found in the person's
own history by binary search (no loop over pairs of people).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from statistics import median
from typing import get_args

from site_builder.compute.calendar import Window
from site_builder.compute.events import is_meeting
from site_builder.compute.index import Fruitful, Index
from site_builder.compute.metrics import MetricBook
from site_builder.compute.report import (
    SOURCE_KINDS,
    Answer,
    OpportunitySource,
    OutcomeCount,
    Payoff,
    ReplySpeed,
    ResponseGroup,
    SourceKind,
)
from site_builder.models import Interaction
from site_builder.models.types import InteractionKind, Outcome

REPLY_WINDOW_DAYS = 14
"""An outreach with no answer recorded counts as answered when the person gets in touch
within this many days; past it with no sign of them, as not answered."""


def payoff(book: MetricBook, year: Window) -> Payoff:
    """Every figure of the payoff section, for the book's day, from the few interactions up
    to today with an outcome or awaiting an answer (`Index.notable`)."""
    index, today = book.index, book.index.today
    dates, interactions = index.interaction_dates, index.interactions
    # The few with an outcome or awaiting an answer, in file order, up to today.
    fruitful = [f for f in index.notable.fruitful if dates[f[0]] <= today]
    outreach = [interactions[p] for p in index.notable.outreach if dates[p] <= today]
    answers = [(i, *answer(index, i)) for i in outreach]
    # The meetings metric's ledger (past interactions only) holds the all-time count.
    meetings = int(book.ledger("meetings", None).totals[-1])
    with_outcome = sum(is_meeting(kind, meeting) for *_, kind, meeting in fruitful)
    counts = outcome_counts(index, fruitful, year)
    return Payoff(
        outcomes=counts,
        opportunities=sum(count.total for count in counts),
        meetings=meetings,
        meetings_with_outcome=with_outcome,
        meeting_rate=_ratio(with_outcome, meetings),
        sources=sources(index, fruitful),
        channels=_groups((i.kind, a, d) for i, a, d in answers),
        templates=_groups((i.template, a, d) for i, a, d in answers),
        speed=reply_speed(days for _, a, days in answers if days is not None),
    )


def outcome_counts(
    index: Index, fruitful: Sequence[Fruitful], year: Window
) -> tuple[OutcomeCount, ...]:
    """Each kind of outcome, all time and over the roadmap year (what the metric
    `opportunities` with `where: {outcome: ...}` counts over those windows)."""
    start, end, dates = year.start, year.end, index.interaction_dates
    total = Counter(chain.from_iterable(f[2] for f in fruitful))
    in_year = Counter(chain.from_iterable(f[2] for f in fruitful if start <= dates[f[0]] < end))
    return tuple(OutcomeCount(o, total[o], in_year[o]) for o in get_args(Outcome))


def credited(index: Index, interaction: Fruitful) -> Iterable[tuple[SourceKind, str]]:
    """The sources an interaction's outcomes are credited to, each once: its people, their
    circles, its event (else the events its people were met at) and its community.

    Each kind's sources come in the order of its people (the order `sources` keeps for
    ties); one pass over them, as this runs for every interaction with an outcome."""
    _, people, _, event, community, _, _ = interaction
    found: dict[tuple[SourceKind, str], None] = {}
    for person in people:
        found["person", person] = None
        contact = index.contacts.get(person)
        if contact is not None:
            found["circle", contact.circle] = None
            met = contact.met
            if not event and met is not None and met.event:
                found["event", met.event] = None
    if event:
        found["event", event] = None
    if community:
        found["community", community] = None
    return found


def sources(index: Index, fruitful: Iterable[Fruitful]) -> tuple[OpportunitySource, ...]:
    """Opportunities by source, each kind's most fruitful first (then by name, then in the
    order first credited)."""
    totals: dict[SourceKind, dict[str, int]] = {kind: {} for kind in SOURCE_KINDS}
    for interaction in fruitful:  # plain dicts: cheaper than Counter
        count = len(interaction[2])
        for kind, key in credited(index, interaction):
            same = totals[kind]
            same[key] = same.get(key, 0) + count
    found: list[OpportunitySource] = []
    for kind, counts in totals.items():
        labelled = [
            (-n, (label := _source_label(index, kind, key)).casefold(), first, key, label)
            for first, (key, n) in enumerate(counts.items())
        ]
        labelled.sort()  # the most fruitful, then by name, then the first credited
        found += (OpportunitySource(kind, key, label, -n) for n, _, _, key, label in labelled)
    return tuple(found)


def _source_label(index: Index, kind: SourceKind, key: str) -> str:
    if kind == "person":
        return index.name(key)
    if kind == "event" and key in index.events:
        return index.events[key].name
    if kind == "community":
        return next((c.name for c in index.dataset.communities if c.id == key), key)
    return key


def answer(index: Index, outreach: Interaction) -> tuple[Answer, int | None]:
    """Whether an outreach was answered, and in how many days when that is known.

    `replied_on` is a reply on that day; `reply: replied` and `no_reply` are taken as
    written. Otherwise (`pending`, or nothing recorded) the first later interaction that
    one of its people started, within `REPLY_WINDOW_DAYS`, is the reply; without one the
    outreach is pending while that window is open, and not answered after it.
    """
    if outreach.replied_on is not None:
        return "replied", (outreach.replied_on - outreach.date).days
    if outreach.reply in ("replied", "no_reply"):
        return outreach.reply, None
    answered = _first_answer(index, outreach)
    if answered is not None:
        return "replied", (answered - outreach.date).days
    waited = (index.today - outreach.date).days
    return ("pending" if waited <= REPLY_WINDOW_DAYS else "no_reply"), None


def _first_answer(index: Index, outreach: Interaction) -> dt.date | None:
    """The day of the first interaction after the outreach that one of its people started,
    within the reply window and up to today."""
    last = min(outreach.date + dt.timedelta(days=REPLY_WINDOW_DAYS), index.today)
    found: list[dt.date] = []
    for person in dict.fromkeys(outreach.with_):
        history = index.history(person)
        start = bisect_right(history.dates, outreach.date, hi=history.past_count)
        for at in range(start, history.past_count):
            day = history.dates[at]
            if day > last:
                break
            if index.initiated[history.indexes[at]] == "them":
                found.append(day)
                break
    return min(found, default=None)


def _groups(
    answers: Iterable[tuple[str | None, Answer, int | None]],
) -> tuple[ResponseGroup, ...]:
    """Outreach grouped by key: kinds in the vocabulary's order, templates by id, and no
    template last."""
    counts: defaultdict[str | None, Counter[Answer]] = defaultdict(Counter)
    days: defaultdict[str | None, list[int]] = defaultdict(list)
    for key, said, waited in answers:
        counts[key][said] += 1
        if waited is not None:
            days[key].append(waited)
    kinds: Mapping[str, int] = {kind: rank for rank, kind in enumerate(get_args(InteractionKind))}
    keys = sorted(counts, key=lambda k: (k is None, kinds.get(k or "", -1), k or ""))
    return tuple(_group(key, counts[key], days[key]) for key in keys)


def _group(key: str | None, said: Counter[Answer], days: list[int]) -> ResponseGroup:
    return ResponseGroup(
        key=key,
        sent=sum(said.values()),
        replied=said["replied"],
        no_reply=said["no_reply"],
        pending=said["pending"],
        rate=_ratio(said["replied"], said["replied"] + said["no_reply"]),
        median_reply_days=float(median(days)) if days else None,
    )


def reply_speed(days: Iterable[int]) -> ReplySpeed:
    """Replies by how many days they took: the same day, 1-2, 3-7, 8 or more."""
    waited = sorted(days)
    return ReplySpeed(
        replies=len(waited),
        median_days=float(median(waited)) if waited else None,
        same_day=sum(1 for d in waited if d == 0),
        within_2_days=sum(1 for d in waited if 1 <= d <= 2),
        within_7_days=sum(1 for d in waited if 3 <= d <= 7),
        later=sum(1 for d in waited if d >= 8),
    )


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
