"""The week's agenda: one list of moves, what each is for, and what to send.

Dated items always enter: booked meetings, event follow-up steps (24-48-7), promises and
journal actions falling due this week, birthdays and anniversaries, "follow up with both"
two weeks after an introduction, and booked meetings whose day has passed ("did it
happen?"). Then the budgeted moves (promises and actions already late, touches,
reconnections, prospects to reach, gives, a suggested introduction among them) enter by
score until `settings.weekly_budget`
moves are planned; the rest is later. News about someone you have not answered yet
(`compute/news.py`) competes too: freshness (2 on its day, 1 after 30 days) x weight.
The score is documented in the guide's rules page:

    score = urgency x weight x kind factor
    urgency = (today - due) / cadence + 1, between 0 and 3 (1 = due today)
    weight = circle (inner 3, middle 2, outer 1) x board seat 1.5 x quadrant
             (golden 1.5, aspirational 1.25, peer 1, avoid 0.5) x (0.5 + strength / 100)
             (a prospect's weight leaves strength out: there is none yet)
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from site_builder.compute import intro_moves
from site_builder.compute.calendar import week_start
from site_builder.compute.index import Index
from site_builder.compute.journal_records import JournalAction
from site_builder.compute.news import freshness, news_item, unanswered_news
from site_builder.compute.report import (
    Agenda,
    AgendaItem,
    AgendaKind,
    EventFollowUp,
    Introductions,
    IntroSuggestion,
    KeyDate,
    LaterMove,
    OpenFollowUp,
    Person,
    Touchpoint,
)
from site_builder.drafts import draft
from site_builder.plural import counted

CIRCLE_WEIGHT = {"inner": 3.0, "middle": 2.0, "outer": 1.0}
BOARD_WEIGHT = 1.5
QUADRANT_WEIGHT = {"golden": 1.5, "aspirational": 1.25, "peer": 1.0, "avoid": 0.5}
MAX_URGENCY = 3.0
KIND_FACTOR: Mapping[AgendaKind, float] = {
    "follow_up": 1.0,
    "touch": 1.0,
    "reconnect": 1.5,
    "reach_out": 1.0,
    "give": 0.5,
    "news": 1.0,
}
"""Reconnections are chosen by value alone (their urgency is the most there is); a prospect
counts as due today; gives wait behind people already due, unless they matter more."""
GIVE_SHARE = 5
"""At most one give a week for every five moves of the budget (at least one)."""
FIXED_ORDER: Mapping[AgendaKind, int] = {
    "confirm": 0,
    "meeting": 1,
    "event_step": 2,
    "follow_up": 3,
    "key_date": 4,
    "intro_follow_up": 5,
}

KIND_LABELS: Mapping[AgendaKind, str] = {
    "confirm": "did it happen?",
    "meeting": "meeting",
    "event_step": "event follow-up",
    "follow_up": "promise",
    "key_date": "key date",
    "touch": "touch",
    "reconnect": "reconnect",
    "reach_out": "reach out",
    "give": "give",
    "news": "their news",
    "intro_follow_up": "follow up with both",
}
"""What each kind is called where the agenda is shown."""
STEP_WORDS = {
    "connect": ("connect", "Connect on LinkedIn or by message, with a line about your talk"),
    "send": ("send what you promised", "Send what you promised, with a short note"),
    "meet": ("meet again", "Suggest a coffee or a call"),
}
CIRCLE_MOVES = {
    "inner": "Meet: a coffee or a call",
    "middle": "Send a note with something useful to them",
    "outer": "A short message, or a word on their news",
}
STAGE_WORDS = {
    "to_meet": "not contacted yet",
    "reached_out": "reached out, no answer yet",
    "replied": "they answered",
    "met": "met",
}


@dataclass(frozen=True)
class _Candidate:
    """A budgeted move before it is chosen: scored, its words made only if it is."""

    kind: AgendaKind
    contact: str
    name: str
    score: float
    make: Callable[[float], AgendaItem]


@dataclass(frozen=True)
class _Context:
    """What the rules read: the index, everyone's touchpoint and person record."""

    index: Index
    points: Mapping[str, Touchpoint]
    people: Mapping[str, Person]
    intros: Mapping[str, IntroSuggestion]
    """The suggested introduction each person may be given (`intro_moves.gives`)."""

    @property
    def today(self) -> dt.date:
        return self.index.today

    def weight(self, contact: str, *, with_strength: bool = True) -> float:
        """How much a relationship matters (see the module's formula); a prospect's has no
        strength yet, so theirs is left out."""
        person = self.people[contact]
        record = self.index.contacts[contact]
        board = BOARD_WEIGHT if record.board_role else 1.0
        quadrant = QUADRANT_WEIGHT.get(person.quadrant or "peer", 1.0)
        strength = 0.5 + person.strength.score / 100 if with_strength else 1.0
        return CIRCLE_WEIGHT[person.circle] * board * quadrant * strength

    def last_words(self, contact: str) -> str:
        """'last coffee 47 days ago', else 'met 12 days ago', else 'never in touch'."""
        history = self.index.history(contact)
        if not history.past_count:
            met = self.index.contacts[contact].met
            if met is not None and met.on is not None:
                return f"met {counted((self.today - met.on).days, 'day')} ago"
            return "never in touch"
        last = self.index.interactions[history.indexes[history.past_count - 1]]
        return f"last {last.kind} {counted((self.today - last.date).days, 'day')} ago"


def _crc(text: str) -> str:
    """A short fingerprint of a text, the same in every run (unlike `hash`)."""
    return f"{zlib.crc32(text.encode()):08x}"


def day_words(day: dt.date, today: dt.date) -> str:
    """'Thu 03 Dec' within the year of today, else '21 Oct 2025'."""
    return f"{day:%a %d %b}" if day.year == today.year else f"{day:%d %b %Y}"


def when_words(item: AgendaItem, agenda: Agenda) -> str:
    """When an item falls, as the views show it: 'Thu 26 Nov' within the week, the date
    of a late one, 'this week' for one with no date."""
    if item.due is None:
        return "this week"
    if agenda.start <= item.due <= agenda.end:
        return f"{item.due:%a %d %b}"
    return item.due.isoformat()


def week_of(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding today."""
    monday = week_start(today)
    return monday, monday + dt.timedelta(days=6)


def plan(
    index: Index,
    touchpoints: Sequence[Touchpoint],
    people: Sequence[Person],
    *,
    key_dates: Sequence[KeyDate],
    follow_ups: Sequence[OpenFollowUp],
    event_follow_ups: Sequence[EventFollowUp],
    budget: int | None = None,
    journal_actions: Sequence[JournalAction] = (),
    introductions: Introductions | None = None,
) -> Agenda:
    """The agenda of the week holding `index.today`, with `budget` moves (by default
    `settings.weekly_budget`); the journal's open actions are follow-ups as promises are;
    `introductions` adds their follow-ups and gives."""
    budget = index.dataset.settings.weekly_budget if budget is None else budget
    start, end = week_of(index.today)
    intros = introductions or Introductions((), (), ())
    context = _Context(
        index,
        {p.contact: p for p in touchpoints},
        {p.contact: p for p in people},
        intro_moves.gives(intros.suggestions),
    )
    meetings = list(_meetings(context, end))
    booked = {item.contact for item in meetings}
    fixed = sorted(
        [
            *_confirmations(context),
            *meetings,
            *_event_steps(event_follow_ups, start, end, booked),
            *_promises(follow_ups, index.today, start, end),
            *_key_dates(key_dates, end),
            *_actions_due(journal_actions, index.today, start, end),
            *intro_moves.follow_ups(index, intros.made, start, end),
        ],
        key=_fixed_order,
    )
    taken = {item.contact for item in fixed}
    late = _late_promises(context, follow_ups, start)
    late += _late_actions(context, journal_actions, start, {c.contact for c in late})
    taken |= {candidate.contact for candidate in late}
    news = _news(context, taken)
    taken |= {candidate.contact for candidate in news}
    candidates = sorted([*late, *news, *_budgeted(context, end, taken)], key=_score_order)
    chosen, later = _fill(candidates, max(0, budget - len(fixed)), max(1, budget // GIVE_SHARE))
    made = [candidate.make(candidate.score) for candidate in chosen]
    items = tuple(_drafted(index, item) for item in (*fixed, *made))
    return Agenda(start, end, budget, items, tuple(later))


def _drafted(index: Index, item: AgendaItem) -> AgendaItem:
    """The item with its template filled for the person (an action of your own, with no
    person, has no draft)."""
    if not item.contact:
        return item
    made = draft(
        index.dataset,
        item.template,
        item.contact,
        index.today,
        event_id=item.event,
        past=index.past(item.contact),
        promise=item.promise,
        other_id=item.other,
    )
    return replace(item, draft=made.text, to_write=made.to_write)


def _fill(
    candidates: Iterable[_Candidate], room: int, gives: int
) -> tuple[list[_Candidate], list[LaterMove]]:
    """Take candidates in order while there is room (and gives within their share)."""
    chosen: list[_Candidate] = []
    later: list[LaterMove] = []
    for candidate in candidates:
        fits = len(chosen) < room and (candidate.kind != "give" or gives > 0)
        if fits and candidate.kind == "give":
            gives -= 1
        if fits:
            chosen.append(candidate)
        else:
            later.append(
                LaterMove(candidate.kind, candidate.contact, candidate.name, candidate.score)
            )
    return chosen, later


def _fixed_order(item: AgendaItem) -> tuple[dt.date, int, str, str]:
    return (item.due or dt.date.min, FIXED_ORDER[item.kind], item.name.casefold(), item.contact)


def _score_order(candidate: _Candidate) -> tuple[float, str, str, str]:
    return (-candidate.score, candidate.name.casefold(), candidate.contact, candidate.kind)


# --- dated items --------------------------------------------------------------------------


def _confirmations(context: _Context) -> Iterator[AgendaItem]:
    """Booked interactions whose day has come: did they happen?"""
    index = context.index
    for position in index.unconfirmed:
        interaction = index.interactions[position]
        names = ", ".join(index.name(c) for c in interaction.with_)
        today = context.today
        when = "today" if interaction.date == today else day_words(interaction.date, today)
        yield AgendaItem(
            "confirm",
            interaction.with_[0],
            names,
            interaction.date,
            f"{interaction.kind} booked for {when} · not confirmed yet",
            "Did it happen? Confirm it (`netdash done`), or move or delete the booking",
            "confirm",
            key=f"confirm-{interaction.with_[0]}-{interaction.date}-{interaction.kind}",
        )


def _meetings(context: _Context, end: dt.date) -> Iterator[AgendaItem]:
    """Meetings booked from today to Sunday."""
    index = context.index
    for point in context.points.values():
        if point.scheduled is None or point.scheduled > end:
            continue
        history = index.history(point.contact)
        booked = index.interactions[history.indexes[history.past_count]]
        yield AgendaItem(
            "meeting",
            point.contact,
            point.name,
            point.scheduled,
            f"{booked.kind} booked for {day_words(point.scheduled, context.today)} · "
            + context.last_words(point.contact),
            "Prepare: reread your notes, bring one thing to give",
            "check_in",
            key=f"meeting-{point.contact}-{point.scheduled}",
        )


def _event_steps(
    follow_ups: Iterable[EventFollowUp], start: dt.date, end: dt.date, booked: set[str]
) -> Iterator[AgendaItem]:
    """For each person met at an event, the first step of 24-48-7 due this week and not
    done (a meeting booked this week is the "meet" step already)."""
    for follow_up in follow_ups:
        this_week = (s for s in follow_up.steps if start <= s.due <= end)
        step = next((s for s in this_week if s.status in ("open", "missed")), None)
        if step is None:
            continue
        if step.step == "meet" and follow_up.contact in booked:
            continue
        goal, move = STEP_WORDS[step.step]
        yield AgendaItem(
            "event_step",
            follow_up.contact,
            follow_up.name,
            step.due,
            f"met at {follow_up.event_name} ({day_words(follow_up.event_end, step.due)}) · "
            f"{goal} by {day_words(step.due, step.due)}",
            move,
            "event_follow_up",
            key=f"event-{follow_up.event}-{follow_up.contact}-{step.step}",
            event=follow_up.event,
        )


def _promises(
    follow_ups: Iterable[OpenFollowUp], today: dt.date, start: dt.date, end: dt.date
) -> Iterator[AgendaItem]:
    """Promises falling due this week (a day before today included)."""
    for promise in follow_ups:
        if promise.due is not None and start <= promise.due <= end:
            yield _promise(promise, today)


def _promise(promise: OpenFollowUp, today: dt.date, score: float = 0.0) -> AgendaItem:
    """Do it, or tell them."""
    late = f" · {counted(promise.overdue_days, 'day')} late" if promise.overdue_days else ""
    return AgendaItem(
        "follow_up",
        promise.contacts[0],
        ", ".join(promise.names),
        promise.due,
        f"promised on {day_words(promise.interaction_date, today)}: {promise.do}{late}",
        f"Do it: {promise.do}",
        "follow_up",
        key=f"promise-{promise.contacts[0]}-{promise.interaction_date}-{_crc(promise.do)}",
        score=score,
        promise=promise.do,
    )


def _key_dates(key_dates: Iterable[KeyDate], end: dt.date) -> Iterator[AgendaItem]:
    """Birthdays and work anniversaries from today to Sunday."""
    for key in key_dates:
        if key.date > end:
            continue
        if key.kind == "birthday":  # an age only when private details are published
            what = "birthday" + (f" ({key.years})" if key.years is not None else "")
        else:
            what = "work anniversary" + (f" ({key.years} years)" if key.years else "")
        yield AgendaItem(
            "key_date",
            key.contact,
            key.name,
            key.date,
            f"{what} on {day_words(key.date, key.date)}",
            "Send a short note on the day",
            "birthday" if key.kind == "birthday" else "congratulate",
            key=f"{key.kind.replace('_', '-')}-{key.contact}",
        )


# --- budgeted moves -----------------------------------------------------------------------


def _late_promises(
    context: _Context, follow_ups: Iterable[OpenFollowUp], start: dt.date
) -> list[_Candidate]:
    """Promises that fell due before this week: for each person, the one due first, as
    urgent as a move can be (a promise is owed whatever else the week holds for them)."""
    first: dict[str, OpenFollowUp] = {}
    for promise in follow_ups:  # by due date
        if promise.due is not None and promise.due < start:
            first.setdefault(promise.contacts[0], promise)
    return [
        _Candidate(
            "follow_up",
            contact,
            ", ".join(promise.names),
            MAX_URGENCY * context.weight(contact) * KIND_FACTOR["follow_up"],
            partial(_promise, promise, context.today),
        )
        for contact, promise in first.items()
        if contact in context.points  # active people only
    ]


def _news(context: _Context, taken: set[str]) -> list[_Candidate]:
    """News still to answer, each person once (none for someone already taken)."""
    return [
        _Candidate(
            "news",
            contact,
            context.index.name(contact),
            freshness(news, context.today) * context.weight(contact) * KIND_FACTOR["news"],
            partial(news_item, context.index, contact, news),
        )
        for contact, news in unanswered_news(context.index)
        if contact not in taken
    ]


def _budgeted(context: _Context, end: dt.date, taken: set[str]) -> Iterator[_Candidate]:
    """Every move that competes for the budget, each person once, scored."""
    for point in context.points.values():
        if point.contact in taken:
            continue
        weight = partial(context.weight, point.contact)
        if point.status == "new":
            yield _candidate("reach_out", point, weight(with_strength=False), _reach_out, context)
        elif point.dormant and point.status == "overdue":
            yield _candidate("reconnect", point, weight(), _reconnect, context)
        elif point.status in ("overdue", "due", "soon") and point.due and point.due <= end:
            yield _candidate("touch", point, _urgency(point) * weight(), _touch, context)
        elif point.contact in context.intros:
            yield _candidate("give", point, weight(), _intro_give, context)
        elif context.index.contacts[point.contact].can_help_them:
            yield _candidate("give", point, weight(), _give, context)


def _candidate(
    kind: AgendaKind,
    point: Touchpoint,
    score: float,
    make: Callable[[_Context, Touchpoint, float], AgendaItem],
    context: _Context,
) -> _Candidate:
    return _Candidate(
        kind, point.contact, point.name, score * KIND_FACTOR[kind], partial(make, context, point)
    )


def _urgency(point: Touchpoint) -> float:
    return min(MAX_URGENCY, max(0.0, point.overdue_ratio + 1))


def _reason(context: _Context, point: Touchpoint, first: str) -> str:
    every = f"every {counted(point.cadence_days, 'day')}"
    return f"{first} · {context.last_words(point.contact)} · {every}"


def _touch(context: _Context, point: Touchpoint, score: float) -> AgendaItem:
    late = f" · {counted(point.overdue_days, 'day')} late" if point.overdue_days else ""
    return AgendaItem(
        "touch",
        point.contact,
        point.name,
        point.due,
        _reason(context, point, f"{point.circle} circle") + late,
        CIRCLE_MOVES[point.circle],
        "check_in",
        key=f"touchpoint-{point.contact}",
        score=score,
    )


def _reconnect(context: _Context, point: Touchpoint, score: float) -> AgendaItem:
    return AgendaItem(
        "reconnect",
        point.contact,
        point.name,
        point.due,
        _reason(context, point, f"dormant · {point.circle} circle"),
        "Reconnect: a short note with no ask",
        "reconnect",
        key=f"touchpoint-{point.contact}",
        score=score,
    )


def _reach_out(context: _Context, point: Touchpoint, score: float) -> AgendaItem:
    return AgendaItem(
        "reach_out",
        point.contact,
        point.name,
        None,
        f"prospect · {STAGE_WORDS[point.stage]} · {point.circle} circle",
        "Reach out: a short note on what you have in common",
        "cold_outreach",
        key=f"touchpoint-{point.contact}",
        score=score,
    )


def _give(context: _Context, point: Touchpoint, score: float) -> AgendaItem:
    can_help = context.index.contacts[point.contact].can_help_them or ""
    return AgendaItem(
        "give",
        point.contact,
        point.name,
        None,
        f"you can help: {can_help} · {context.last_words(point.contact)}",
        f"Give first: {can_help}",
        "give",
        key=f"touchpoint-{point.contact}",
        score=score,
    )


# --- the journal's actions ----------------------------------------------------------------


def _action(action: JournalAction, today: dt.date, score: float = 0.0) -> AgendaItem:
    """An action from the journal: do it (with them, when it names someone)."""
    late = f" · {counted(action.overdue_days, 'day')} late" if action.overdue_days else ""
    return AgendaItem(
        "follow_up",
        action.contact or "",
        action.name or "you",
        action.due,
        f"from your journal of {day_words(action.entry_date, today)}: {action.do}{late}",
        f"Do it: {action.do}",
        "check_in",
        key=f"journal-{action.entry_date}-{action.position}-{_crc(action.do)}",
        score=score,
    )


def _actions_due(
    actions: Iterable[JournalAction], today: dt.date, start: dt.date, end: dt.date
) -> Iterator[AgendaItem]:
    """Actions falling due this week."""
    for action in actions:
        if start <= action.due <= end:
            yield _action(action, today)


def _late_actions(
    context: _Context, actions: Iterable[JournalAction], start: dt.date, owed: set[str]
) -> list[_Candidate]:
    """Actions that fell due before this week, scored as late promises: for each active
    person without a late promise, the one due first; each action of your own alone, as
    weighty as an outer-circle peer's (1)."""
    first: dict[str, JournalAction] = {}
    own: list[JournalAction] = []
    for action in actions:  # by due date
        if action.due >= start:
            continue
        if action.contact is None:
            own.append(action)
        elif action.contact in context.points and action.contact not in owed:
            first.setdefault(action.contact, action)
    return [
        _Candidate(
            "follow_up",
            action.contact or "",
            action.name or "you",
            MAX_URGENCY
            * (context.weight(action.contact) if action.contact else 1.0)
            * KIND_FACTOR["follow_up"],
            partial(_action, action, context.today),
        )
        for action in (*first.values(), *own)
    ]


def _intro_give(context: _Context, point: Touchpoint, score: float) -> AgendaItem:
    return intro_moves.give(point.contact, point.name, context.intros[point.contact], score)
