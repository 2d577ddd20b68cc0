"""The quarterly review: who to prune, promote and deepen, board gaps, the quarter's
"to improve" notes by theme, where its opportunities came from, and what was decided.

The candidates are today's (the review you are about to do); a past quarter keeps its
notes, opportunities and recorded decisions.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from site_builder.compute.calendar import ONE_DAY, Window, add_months, quarter_start
from site_builder.compute.events import meets
from site_builder.compute.history import STRONG_AT
from site_builder.compute.index import Index, build_index
from site_builder.compute.report import (
    BoardCoverage,
    ImproveNote,
    ImproveTheme,
    Person,
    QuarterReview,
    Report,
    ReviewCandidate,
    ReviewDecision,
    ReviewSource,
)
from site_builder.compute.themes import group
from site_builder.models import Dataset, Decision, Review
from site_builder.plural import counted

SHOWN = 20
"""Prune candidates listed (the rest are counted)."""
PROMOTE_SHOWN = 5
DEEPEN_SHOWN = 5
RECENT_MEETING_DAYS = 90
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$")


def quarter_name(day: dt.date) -> str:
    """`2026Q4` for a day of October to December 2026."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_key(text: str) -> str:
    """`2026Q4` from `2026Q4`, `2026q4` or `2026-Q4`; a `ValueError` for anything else."""
    match = _QUARTER.match(text.strip().upper())
    if match is None:
        raise ValueError(f"a quarter is written like 2026Q4, not {text!r}")
    return f"{match.group(1)}Q{match.group(2)}"


def quarter_window(name: str) -> Window:
    """The days of a quarter named like `2026Q4`."""
    key = quarter_key(name)
    start = dt.date(int(key[:4]), 3 * int(key[-1]) - 2, 1)
    return Window(start, add_months(start, 3))


def reviewed_quarters(index: Index) -> list[str]:
    """The quarter holding today, then each earlier quarter with a review, latest first."""
    current = quarter_name(index.today)
    recorded = {r.quarter for r in index.dataset.reviews if r.quarter < current}
    return [current, *sorted(recorded, reverse=True)]


def quarter_review(
    index: Index, people: Sequence[Person], board: BoardCoverage, name: str
) -> QuarterReview:
    """One quarter's review (candidates only for the quarter holding today)."""
    window = quarter_window(name)
    current = window.start == quarter_start(index.today)
    active = [p for p in people if not p.archived] if current else []
    prune = _prune(index, active)
    sources, kinds = _opportunities(index, window)
    recorded = _recorded(index.dataset.reviews, name)
    return QuarterReview(
        quarter=name,
        start=window.start,
        end=window.end,
        current=current,
        reviewed_on=recorded.date if recorded else None,
        decisions=tuple(_decision(index, d) for d in recorded.decisions) if recorded else (),
        prune=tuple(heapq.nsmallest(SHOWN, prune, key=_prune_order)),
        prune_total=len(prune),
        promote=_promote(index, active),
        deepen=_deepen(index, active, board),
        board_gaps=tuple(s.role for s in board.seats if not s.filled) if current else (),
        improve=_improve(index, window),
        opportunities=sources,
        opportunity_kinds=kinds,
    )


def reviews(
    index: Index, people: Sequence[Person], board: BoardCoverage
) -> tuple[QuarterReview, ...]:
    """The current quarter's review and every earlier reviewed quarter's, latest first."""
    return tuple(quarter_review(index, people, board, q) for q in reviewed_quarters(index))


def _recorded(recorded: Sequence[Review], name: str) -> Review | None:
    return next((r for r in recorded if r.quarter == name), None)


def _decision(index: Index, decision: Decision) -> ReviewDecision:
    return ReviewDecision(
        decision.contact,
        index.name(decision.contact),
        decision.action,
        decision.circle,
        decision.note,
    )


def _candidate(person: Person, reasons: list[str]) -> ReviewCandidate:
    return ReviewCandidate(
        person.contact, person.name, person.circle, person.strength.score, tuple(reasons)
    )


def _replies(index: Index, contact: str) -> tuple[int, int]:
    """Outreach I started that was answered, and that was not."""
    history, initiated = index.history(contact), index.initiated
    mine = [p for p in history.indexes[: history.past_count] if initiated[p] == "me"]
    answers = Counter(index.interactions[p].reply for p in mine)
    return answers["replied"], answers["no_reply"]


def _prune(index: Index, active: Sequence[Person]) -> list[ReviewCandidate]:
    """Dormant people touched before with at least one more sign: never a give, outreach
    never answered, or the "avoid" quadrant."""
    found = []
    for person in active:
        point = person.touchpoint
        if point is None or not point.dormant or person.touches == 0:
            continue
        reasons = ["dormant"]
        if person.reciprocity.gives == 0:
            reasons.append("no gives")
        replied, unanswered = _replies(index, person.contact)
        if unanswered and not replied:
            reasons.append("no replies")
        if person.quadrant == "avoid":
            reasons.append("avoid quadrant")
        if len(reasons) > 1:
            found.append(_candidate(person, reasons))
    return found


def _prune_order(candidate: ReviewCandidate) -> tuple[int, int, str, str]:
    return (
        -len(candidate.reasons),
        candidate.strength,
        candidate.name.casefold(),
        candidate.contact,
    )


def _met_lately(index: Index, contact: str) -> int:
    """Meetings with the contact in the last `RECENT_MEETING_DAYS` days, to today."""
    since = index.today - dt.timedelta(days=RECENT_MEETING_DAYS - 1)
    history = index.history(contact)
    start = bisect_left(history.dates, since, 0, history.past_count)
    recent = history.indexes[start : history.past_count]
    return sum(1 for position in recent if meets(index.interactions[position]))


def _promote(index: Index, active: Sequence[Person]) -> tuple[ReviewCandidate, ...]:
    """Middle-circle people at `STRONG_AT` or more who met you lately, strongest first
    (checked in that order until `PROMOTE_SHOWN` are found)."""
    strong = [p for p in active if p.circle == "middle" and p.strength.score >= STRONG_AT]
    strong.sort(key=lambda p: (-p.strength.score, p.name.casefold(), p.contact))
    found: list[ReviewCandidate] = []
    for person in strong:
        met = _met_lately(index, person.contact)
        if met:
            found.append(_candidate(person, [counted(met, "meeting") + " in 90 days"]))
            if len(found) == PROMOTE_SHOWN:
                break
    return tuple(found)


def _deepen(
    index: Index, active: Sequence[Person], board: BoardCoverage
) -> tuple[ReviewCandidate, ...]:
    """The weakest inner-circle or board relationships."""
    # the board's seats name every active contact with a board role: no contact file is read
    on_board = {contact for seat in board.seats for contact in seat.contacts}
    chosen = [p for p in active if p.circle == "inner" or p.contact in on_board]
    weakest = heapq.nsmallest(
        DEEPEN_SHOWN, chosen, key=lambda p: (p.strength.score, p.name.casefold(), p.contact)
    )
    return tuple(_candidate(p, list(_deepen_reasons(index, p))) for p in weakest)


def _deepen_reasons(index: Index, person: Person) -> Iterator[str]:
    if person.circle == "inner":
        yield "inner circle"
    role = index.contacts[person.contact].board_role
    if role is not None:
        yield f"board {role}"


def _improve(index: Index, window: Window) -> tuple[ImproveTheme, ...]:
    """The quarter's "to improve" notes, by theme (`themes.group`)."""
    entries = sorted(
        (e for e in index.dataset.journal if e.date in window and e.improve),
        key=lambda e: e.date,
    )
    events = index.events
    notes = []
    for entry in entries:
        about = entry.about
        name = None
        if about is not None and about.contact is not None:
            name = index.name(about.contact)
        elif about is not None and about.event is not None:
            event = events.get(about.event)
            name = event.name if event is not None else about.event
        notes.append(ImproveNote(entry.date, entry.improve or "", name))
    return tuple(
        ImproveTheme(theme, tuple(notes[p] for p in positions))
        for theme, positions in group([n.text for n in notes])
    )


def _opportunities(
    index: Index, window: Window
) -> tuple[tuple[ReviewSource, ...], Mapping[str, int]]:
    """Who the quarter's outcomes came from, and of which kinds (up to today)."""
    dates, today = index.interaction_dates, index.today
    end = min(window.end, today + ONE_DAY)
    fruitful = [f for f in index.notable.fruitful if window.start <= dates[f[0]] < end]
    fruitful.sort(key=lambda f: dates[f[0]])  # by date, in file order on a day
    outcomes: dict[str, list[str]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    for _, people, results, *_ in fruitful:
        kinds.update(results)
        for contact in dict.fromkeys(people):
            outcomes[contact].extend(results)
    sources = [
        ReviewSource(
            contact,
            index.name(contact),
            index.contacts[contact].circle if contact in index.contacts else None,
            len(found),
            tuple(found),
        )
        for contact, found in outcomes.items()
    ]
    sources.sort(key=lambda s: (-s.count, s.name.casefold(), s.contact))
    ranked = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    return tuple(sources), dict(ranked)


def review_of(dataset: Dataset, report: Report, quarter: str | None) -> QuarterReview:
    """The review of `quarter` (today's when None): the report's when it holds it, else
    made now; a `ValueError` for a quarter written wrong or after today's."""
    name = quarter_name(report.today) if quarter is None else quarter_key(quarter)
    known = next((r for r in report.reviews if r.quarter == name), None)
    if known is not None:
        return known
    if quarter_window(name).start > report.today:
        raise ValueError(f"{name} has not started yet (today is {report.today})")
    index = build_index(dataset, report.today)
    return quarter_review(index, report.people, report.board, name)
