"""Event preparation: for each event of the next two weeks a prep sheet (the people you
mean to meet, what to know about them, whom you both know, a first line for each, your
30-second introduction), and for each past event with targets, the targets met.

"People you both know" stays cheap: one pass over the contacts collects, strongest
relationship first, who works at each target's company and who was met at each event;
the few shown are the first of their merge, and the rest is the targets' own histories.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from site_builder.compute.index import Index
from site_builder.compute.openers import QUESTIONS, room_openers, target_opener
from site_builder.compute.prep_records import EventPrep, Mutual, PrepTarget
from site_builder.compute.report import Person
from site_builder.models import Event
from site_builder.models.settings import Pitch
from site_builder.plural import counted

SHEET_DAYS = 14
"""A prep sheet is made for an event that begins within this many days (or is under way)."""
MUTUAL_SHOWN = 5
TOPIC_MATCH = 80
"""How alike (0-100, rapidfuzz's token set ratio) an interest and a topic must be."""


def pitch_text(pitch: Pitch | None) -> str | None:
    """'I'm <who>. <what>. <hook>.': the three parts as sentences."""
    if pitch is None:
        return None
    parts = (f"I'm {pitch.who}", pitch.what, pitch.hook)
    return " ".join(p if p.rstrip()[-1:] in ".!?" else f"{p}." for p in parts)


def shared_topics(interests: Sequence[str], topics: Sequence[str]) -> tuple[str, ...]:
    """The interests that match one of the topics, in the order of the interests."""
    return tuple(
        interest
        for interest in interests
        if any(
            fuzz.token_set_ratio(interest, topic, processor=default_process) >= TOPIC_MATCH
            for topic in topics
        )
    )


@dataclass(frozen=True)
class _Circles:
    """Who is where, each group strongest relationship first: the active people of each of
    the targets' companies, and of each event (met there, or `met.event` naming it)."""

    rank: Mapping[str, int]
    """Active people by strength (strongest 0), then name and id."""
    companies: Mapping[str, tuple[tuple[str, ...], frozenset[str]]]
    events: Mapping[str, tuple[tuple[str, ...], frozenset[str]]]
    """Each group in order, and as a set (to count and to look up)."""
    met_at: Mapping[str, tuple[str, ...]]
    """The events each target was met at."""


def _circles(index: Index, people: Mapping[str, Person], targets: set[str]) -> _Circles:
    active = [c for c in index.active if c in people]
    ordered = sorted(active, key=lambda c: (-people[c].strength.score, people[c].name, c))
    rank = {contact: position for position, contact in enumerate(ordered)}
    wanted = {index.contacts[t].company for t in targets if t in index.contacts}
    companies: dict[str, list[str]] = defaultdict(list)
    events: dict[str, set[str]] = defaultdict(set)
    for contact_id in ordered:
        contact = index.contacts[contact_id]
        if contact.company is not None and contact.company in wanted:
            companies[contact.company].append(contact_id)
        if contact.met is not None and contact.met.event is not None:
            events[contact.met.event].add(contact_id)
    for event in index.dataset.events:
        events[event.id].update(c for c in event.met if c in rank)
    met_at: dict[str, list[str]] = defaultdict(list)
    for event_id, there in events.items():
        for contact_id in there & targets:
            met_at[contact_id].append(event_id)
    return _Circles(
        rank,
        {name: (tuple(ids), frozenset(ids)) for name, ids in companies.items()},
        {
            event: (tuple(sorted(ids, key=rank.__getitem__)), frozenset(ids))
            for event, ids in events.items()
        },
        {target: tuple(sorted(ids)) for target, ids in met_at.items()},
    )


def mutual(
    index: Index, circles: _Circles, people: Mapping[str, Person], target: str
) -> tuple[tuple[Mutual, ...], int]:
    """People you know who also know `target` (at the same company, met at an event they
    were met at too, or in a conversation with you both): the `MUTUAL_SHOWN` strongest
    relationships, each with the first of those reasons that holds, and how many in all.

    Each group is in strength order already, so the strongest are the first few of their
    merge; only the count reads every member."""
    groups: list[tuple[tuple[str, ...], frozenset[str], str]] = []
    company = index.contacts[target].company if target in index.contacts else None
    if company is not None:
        groups.append((*circles.companies.get(company, ((), frozenset())), f"also at {company}"))
    for event_id in circles.met_at.get(target, ()):
        name = index.events[event_id].name if event_id in index.events else event_id
        groups.append((*circles.events[event_id], f"also met at {name}"))
    talks: dict[str, str] = {}
    history = index.history(target)
    for position in reversed(history.indexes[: history.past_count]):
        interaction = index.interactions[position]
        for other in interaction.with_:
            if other in circles.rank:
                talks.setdefault(other, f"with you both on {interaction.date}")
    ranked = sorted(talks, key=circles.rank.__getitem__)
    everyone = set(talks).union(*(members for _, members, _ in groups)) - {target}
    shown: dict[str, str] = {}
    orders = (order for order, _, _ in groups)
    for other in heapq.merge(*orders, ranked, key=circles.rank.__getitem__):
        if other != target and other not in shown:
            why = next((w for _, members, w in groups if other in members), None)
            shown[other] = why or talks[other]
            if len(shown) == MUTUAL_SHOWN:
                break
    found = tuple(Mutual(c, people[c].name, why) for c, why in shown.items())
    return found, len(everyone)


def _met_on(index: Index, event: Event, target: str) -> dt.date | None:
    """The first interaction with them on one of the event's days (up to today); else the
    event's first day when it lists them as met (or they name it as where you met)."""
    history = index.history(target)
    last = min(event.last_day, index.today)
    start, stop = bisect_left(history.dates, event.date), bisect_right(history.dates, last)
    if start < stop:
        return history.dates[start]
    record = index.contacts.get(target)
    named = record is not None and record.met is not None and record.met.event == event.id
    return event.date if target in event.met or named else None


def prep_target(
    index: Index,
    circles: _Circles | None,
    people: Mapping[str, Person],
    event: Event,
    target: str,
) -> PrepTarget:
    """What to know about one target of an event, and a first line for them; the people you
    both know only with `circles` (while the sheet is due)."""
    record = index.contacts.get(target)
    history = index.history(target)
    last = history.last_touch
    last_kind = index.interactions[history.indexes[history.past_count - 1]].kind if last else None
    interests = tuple(record.interests) if record is not None else ()
    shared = shared_topics(interests, event.topics)
    company = record.company if record is not None else None
    found, total = mutual(index, circles, people, target) if circles else ((), 0)
    met_on = _met_on(index, event, target)
    return PrepTarget(
        contact=target,
        name=index.name(target),
        role=record.role if record is not None else None,
        company=company,
        last_touch=last,
        last_kind=last_kind,
        interests=interests,
        shared_topics=shared,
        mutual=found,
        mutual_total=total,
        opener=target_opener(
            event.name,
            shared_topic=shared[0] if shared else None,
            last_touch=last,
            last_kind=last_kind,
            interest=interests[0] if interests else None,
            company=company,
        ),
        met=met_on is not None,
        met_on=met_on,
    )


def event_prep(
    index: Index, circles: _Circles | None, people: Mapping[str, Person], event: Event
) -> EventPrep:
    """One event's preparation for today: the whole sheet while it is due, the targets met
    (without the people you both know) once the event is over."""
    today = index.today
    days_until = (event.date - today).days
    past = event.last_day < today
    sheet = not past and days_until <= SHEET_DAYS
    known = circles if sheet else None
    targets = tuple(prep_target(index, known, people, event, t) for t in event.targets)
    return EventPrep(
        event=event.id,
        name=event.name,
        date=event.date,
        end=event.last_day,
        kind=event.kind,
        role=event.role,
        days_until=days_until,
        past=past,
        sheet=sheet,
        topics=tuple(event.topics),
        notes=event.prep,
        pitch=pitch_text(index.dataset.settings.pitch),
        openers=room_openers(event.kind, event.role),
        questions=QUESTIONS,
        targets=targets,
        planned=len(targets),
        targets_met=sum(target.met for target in targets),
        goal_new_contacts=event.goal_new_contacts,
        met_new=len(set(event.met)),
    )


def event_preps(index: Index, people: Sequence[Person]) -> tuple[EventPrep, ...]:
    """A prep sheet for every event that begins within `SHEET_DAYS` days or is under way,
    soonest first; then every past event with targets, latest first."""
    today = index.today
    horizon = today + dt.timedelta(days=SHEET_DAYS)
    coming = [e for e in index.dataset.events if today <= e.last_day and e.date <= horizon]
    done = [e for e in index.dataset.events if e.last_day < today and e.targets]
    if not coming and not done:
        return ()
    coming.sort(key=lambda e: (e.date, e.id))
    done.sort(key=lambda e: (-e.date.toordinal(), e.id))
    chosen = [*coming, *done]
    by_id = {person.contact: person for person in people}
    wanted = {target for event in coming for target in event.targets}
    circles = _circles(index, by_id, wanted) if wanted else None
    return tuple(event_prep(index, circles, by_id, event) for event in chosen)


def when_words(prep: EventPrep) -> str:
    """'Thu 03 Dec 2026, in 10 days', 'under way', or 'ended 2026-11-18'."""
    if prep.past:
        return f"ended {prep.end}"
    if prep.days_until < 0:
        return f"under way until {prep.end}"
    days = "today" if prep.days_until == 0 else f"in {counted(prep.days_until, 'day')}"
    return f"{prep.date:%a %d %b %Y}, {days}"


def targets_words(prep: EventPrep) -> str:
    """'3 targets planned' before the event, '2 of 3 targets met' from its first day, with
    the event's goal of new people beside it: ' · goal 3 new people, 3 met'."""
    if prep.past or prep.days_until <= 0:
        words = f"{prep.targets_met} of {counted(prep.planned, 'target')} met"
    else:
        words = f"{counted(prep.planned, 'target')} planned"
    goal = prep.goal_new_contacts
    if goal is not None:
        words += f" · goal {counted(goal, 'new person', 'new people')}, {prep.met_new} met"
    return words
