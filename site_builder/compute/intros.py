"""Introductions: who should meet whom, who could introduce you, and the ones you made.

A pair of people you know scores points (documented in the guide's rules page):

    3  one can help the other with what they are after (the other's `can_help_them`
       matched by the one's `can_help_me` or interests), each way
    2  for each interest they share
    3  one could mentor the other, who asked for a mentor
    1  the same industry at different companies (never enough alone)

A pair needs 2 points. Left out: archived people, prospects (no touch and no day met),
the "avoid" quadrant, colleagues (the same company) and pairs already introduced.

Pairing never compares everyone with everyone: people are indexed by the words of what
they know, care about and need; only two people who share a word are compared, a word
shared by more than `TERM_CAP` people pairs only the strongest of them (the owner's
relationship strength), and each person keeps their best `PER_PERSON` pairs. The work is
O(n·k) in people. Phrases are compared with rapidfuzz's token-set ratio.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from site_builder.compute.index import Index
from site_builder.compute.report import (
    Introducer,
    IntroducersFor,
    Introduction,
    Introductions,
    IntroSuggestion,
    IntroVia,
    Person,
)
from site_builder.drafts.facts import first_name, joined
from site_builder.models import Contact, Dataset, Event
from site_builder.models.types import Seniority

NEED_POINTS = 3
INTEREST_POINTS = 2
MENTOR_POINTS = 3
INDUSTRY_POINTS = 1
MIN_SCORE = 2
MATCH = 85
"""rapidfuzz token-set ratio (0-100) at which two phrases mean the same thing; one
phrase's words all within the other's scores 100."""
TERM_CAP = 16
"""A word shared by more people than this pairs only its 16 strongest."""
PER_PERSON = 3
"""Suggestions per person at most: pairs are kept best first while both people have room."""
INTRODUCERS = 3
CLOSEST: tuple[IntroVia, ...] = ("company", "community", "event")
"""The groups an introducer may share with someone, the closest tie first."""
FOLLOW_UP = dt.timedelta(days=14)
SENIORITY_RANK: Mapping[Seniority, int] = {"junior": 0, "mid": 1, "senior": 2, "executive": 3}
MENTOR_GAP = 2
"""A mentor by seniority is at least two levels above: a senior for a junior, an
executive for a junior or a mid."""
MENTOR_CAP = 4
"""A mentee is compared with the 4 strongest board mentors and the 4 strongest of each
seniority two levels above them."""
MENTOR_WORDS = frozenset({"mentor", "mentoring", "mentorship"})
WANTS_MENTOR_TAG = "wants-mentor"
STOP_WORDS = frozenset(
    (  # noqa: SIM905 - the words read better as one text than as sixty items
        "a an and are as at be by for from has have he her his how i in into is it its me my "
        "of on or our she so that the their them they this to us we what who with you your "
        "about across any new one via intro introduction people contact help advice view"
    ).split()
)
"""Words that say nothing about a topic (after plurals lose their `s`)."""


@dataclass(frozen=True, slots=True)
class _Phrase:
    """An interest or a clause of a `can_help_*` text, with its normalised words."""

    text: str
    norm: str
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Profile:
    """What pairing reads of one person."""

    contact: str
    name: str
    company: str
    industry: str
    industry_label: str
    interests: tuple[_Phrase, ...]
    offers: tuple[_Phrase, ...]
    needs: tuple[_Phrase, ...]
    cares: frozenset[str]
    """Every word of their interests."""
    knows: frozenset[str]
    """Every word of their interests and offers: two phrases match only if they share one."""
    wants: frozenset[str]
    """Every word of their needs."""
    seniority: int | None
    mentor: bool
    mentee: bool
    strength: int
    first: str
    """Their first name, as the reasons say it."""
    folded: str
    """Their name without case: a pair is ordered by name."""


@dataclass(frozen=True, slots=True, eq=False)
class _Text:
    """A text made phrases, with every word of them (one record per distinct text, so
    compared and hashed as itself)."""

    phrases: tuple[_Phrase, ...]
    terms: frozenset[str]


NO_TEXT = _Text((), frozenset())


class Phrases:
    """Texts made phrases once per computation (people share interests and words)."""

    def __init__(self) -> None:
        self.known: dict[str | None, _Text] = {None: NO_TEXT, "": NO_TEXT}

    def _made(self, text: str | None) -> _Text:
        found = self.known.get(text)
        if found is None:
            made = clauses(text)
            found = self.known[text] = _Text(made, terms_of(made))
        return found

    def of(self, text: str | None) -> tuple[_Phrase, ...]:
        """A text's phrases (`clauses`)."""
        return self._made(text).phrases

    def read(self, contact: Contact) -> tuple[tuple[_Text, ...], bool]:
        """Their `can_help_me`, `can_help_them` and interests made phrases, and whether
        they ask for a mentor (`asks_for_mentor`)."""
        made = self._made
        needs = made(contact.can_help_them)
        texts = (made(contact.can_help_me), needs, *map(made, contact.interests))
        return texts, WANTS_MENTOR_TAG in contact.tags or not MENTOR_WORDS.isdisjoint(needs.terms)

    def words(self, contact: Contact) -> tuple[tuple[_Phrase, ...], ...]:
        """Interests, `can_help_me` and `can_help_them`, as phrases."""
        interests = tuple(p for text in contact.interests for p in self.of(text))
        return interests, self.of(contact.can_help_me), self.of(contact.can_help_them)


def terms_of(*groups: tuple[_Phrase, ...]) -> frozenset[str]:
    """Every word of the phrases."""
    return frozenset().union(*(p.terms for group in groups for p in group))


def _word(word: str) -> str:
    """A word as indexed: a plural's `s` dropped (`payments` -> `payment`)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def phrase(text: str) -> _Phrase:
    """One phrase, normalised: rapidfuzz's default processing, stop words dropped."""
    words = tuple(w for w in map(_word, default_process(text).split()) if w not in STOP_WORDS)
    return _Phrase(text.strip(), " ".join(words), frozenset(words))


def clauses(text: str | None) -> tuple[_Phrase, ...]:
    """A free text cut at `;` and `,` into phrases that say something."""
    if not text:
        return ()
    found = (phrase(part) for part in text.replace(";", ",").split(","))
    return tuple(p for p in found if p.terms)


def _fold(text: str | None) -> str:
    return default_process(text) if text else ""


def asks_for_mentor(contact: Contact, needs: tuple[_Phrase, ...]) -> bool:
    """Their `can_help_them` (as `needs`) mentions a mentor (mentor, mentoring,
    mentorship), or they carry the tag `wants-mentor`."""
    return WANTS_MENTOR_TAG in contact.tags or not MENTOR_WORDS.isdisjoint(terms_of(needs))


def profile_of(
    contact_id: str,
    contact: Contact,
    person: Person,
    words: tuple[tuple[_Phrase, ...], ...] | None = None,
) -> Profile:
    """What pairing reads of one person (`words`: their phrases, made already)."""
    interests, offers, needs = words or Phrases().words(contact)
    seniority = contact.seniority
    return Profile(
        contact_id,
        contact.name,
        _fold(contact.company),
        _fold(contact.industry),
        contact.industry or "",
        interests,
        offers,
        needs,
        terms_of(interests),
        terms_of(interests, offers),
        terms_of(needs),
        SENIORITY_RANK[seniority] if seniority else None,
        contact.board_role == "mentor",
        asks_for_mentor(contact, needs),
        person.strength.score,
        first_name(contact.name),
        contact.name.casefold(),
    )


def can_pair(person: Person) -> bool:
    """Someone you could introduce: active, known (a touch or a day met), not "avoid"."""
    point = person.touchpoint
    return point is not None and point.anchor is not None and person.quadrant != "avoid"


Introduced = Sequence[tuple[int, Collection[tuple[str, str]]]]
"""Each interaction that names someone in `introduced`: its position and the pairs it made."""


def introduced(index: Index) -> Introduced:
    """The interactions that name someone in `introduced` (`Index.notable`), each with its
    pairs (`_pairs_made`), in file order: read once for the pairs to leave out of the
    suggestions and for the introductions made."""
    return [(p, _pairs_made(met, named)) for p, met, named in index.notable.introducing]


# --- suggestions --------------------------------------------------------------------------


def suggestions(
    index: Index, people: Mapping[str, Person], made: Introduced = ()
) -> tuple[IntroSuggestion, ...]:
    """The pairs worth an introduction, best first (see the module's rules); the pairs
    `made` already (whatever their date) are left out."""
    able = [
        (-person.strength.score, cid) for cid in index.active if can_pair(person := people[cid])
    ]
    # The strongest first (a word's first `TERM_CAP` people are its strongest), then by id:
    # `active` is in id order and the sort is stable, so only the strengths are compared.
    able.sort(key=itemgetter(0))
    words = Words.of(able, index.contacts, people)
    pool = mentor_pool(index, people, able) if words.mentees else MentorPool()
    done = {pair for _, pairs in made for pair in pairs}  # (with, introduced)
    ranked = []
    for a, b in candidate_pairs(words, pool):
        points = score(a, b)
        if points is None or points < MIN_SCORE:
            continue
        first, second = _by_name(a, b)
        if (first.contact, second.contact) in done or (second.contact, first.contact) in done:
            continue
        strength = a.strength + b.strength
        ranked.append(
            (-points, -strength, first.folded, second.folded, first.contact, second.contact, a, b)
        )
    ranked.sort(key=itemgetter(slice(0, 6)))  # the best first; ids settle every tie
    taken: dict[str, int] = defaultdict(int)
    kept = []
    for *_, one, other, a, b in ranked:  # the best first, while both have room
        if taken[one] < PER_PERSON and taken[other] < PER_PERSON:
            taken[one] += 1
            taken[other] += 1
            kept.append(suggestion(a, b))
    return tuple(kept)


@dataclass(frozen=True)
class MentorPool:
    """The possible mentors a mentee is compared with: the strongest few board mentors,
    and the strongest few of each seniority."""

    board: Sequence[Profile] = ()
    levels: Mapping[int, Sequence[Profile]] = field(default_factory=dict)

    def for_mentee(self, mentee: Profile) -> Iterator[Profile]:
        """Board mentors, then people two levels of seniority above the mentee."""
        yield from self.board
        lowest = 99 if mentee.seniority is None else mentee.seniority + MENTOR_GAP
        for level in range(lowest, len(SENIORITY_RANK)):
            yield from self.levels.get(level, ())


def mentor_pool(
    index: Index, people: Mapping[str, Person], able: Iterable[tuple[int, str]]
) -> MentorPool:
    """The strongest `MENTOR_CAP` board mentors, and people of each seniority a mentee may
    look up to (`MENTOR_GAP` levels above the lowest), among `able`: (strength, id) of the
    people you could introduce, strongest first (made only when someone asks for a mentor)."""
    board: list[str] = []
    levels: dict[int, list[str]] = {
        level: [] for level in SENIORITY_RANK.values() if level >= MENTOR_GAP
    }
    for _, cid in able:
        contact = index.contacts[cid]
        if contact.board_role == "mentor" and len(board) < MENTOR_CAP:
            board.append(cid)
        level = levels.get(SENIORITY_RANK[contact.seniority]) if contact.seniority else None
        if level is not None and len(level) < MENTOR_CAP:
            level.append(cid)
        if len(board) == MENTOR_CAP and all(len(ids) == MENTOR_CAP for ids in levels.values()):
            break  # the strongest come first: the rest would not be chosen

    def profiles(ids: list[str]) -> list[Profile]:
        return [profile_of(c, index.contacts[c], people[c]) for c in ids]

    return MentorPool(profiles(board), {level: profiles(ids) for level, ids in levels.items()})


@dataclass(frozen=True)
class Words:
    """People by the words of their phrases: each word's `TERM_CAP` strongest, and who
    asks for a mentor."""

    postings: Mapping[str, Sequence[Profile]]
    mentees: Sequence[Profile]

    @classmethod
    def of(
        cls,
        ranked: Sequence[tuple[int, str]],
        contacts: Mapping[str, Contact],
        people: Mapping[str, Person],
    ) -> Words:
        """`ranked` (strength, id) strongest first; someone whose every word is full
        already is left out unless they ask for a mentor."""
        phrases = Phrases()
        wanted = {cid for _, cid in ranked}
        read = {  # in the order they lie in memory: far quicker than by strength
            cid: phrases.read(contact) for cid, contact in contacts.items() if cid in wanted
        }
        postings: dict[str, list[Profile]] = defaultdict(list)
        full: set[str] = set()  # the words with `TERM_CAP` people already
        spent: set[_Text] = set()  # texts whose every word is full: soon most of them
        mentees = []
        for _, cid in ranked:
            texts, mentee = read[cid]
            room: Collection[str] = ()
            if not spent.issuperset(texts):
                room = frozenset().union(*(text.terms for text in texts)) - full
                if not room:
                    spent.update(texts)
            if not room and not mentee:
                continue
            contact = contacts[cid]
            profile = profile_of(cid, contact, people[cid], phrases.words(contact))
            for term in room:
                members = postings[term]
                members.append(profile)
                if len(members) == TERM_CAP:
                    full.add(term)
            if mentee:
                mentees.append(profile)
        return cls(postings, mentees)


def candidate_pairs(words: Words, pool: MentorPool) -> Iterator[tuple[Profile, Profile]]:
    """Each pair that shares a word (among each word's strongest), or a mentee and a
    possible mentor, once, the first by id."""
    seen: set[tuple[str, str]] = set()
    for members in words.postings.values():
        yield from _pairs_of(members, seen)
    for mentee in words.mentees:
        for mentor in pool.for_mentee(mentee):
            yield from _pairs_of([mentee, mentor], seen)


def _pairs_of(
    members: Sequence[Profile], seen: set[tuple[str, str]]
) -> Iterator[tuple[Profile, Profile]]:
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            first, second = (a, b) if a.contact < b.contact else (b, a)
            key = (first.contact, second.contact)
            if first.contact != second.contact and key not in seen:
                seen.add(key)
                yield first, second


def could_mentor(mentor: Profile, mentee: Profile) -> bool:
    """A board mentor, or someone two levels of seniority above, for a mentee."""
    if not mentee.mentee or mentor.contact == mentee.contact:
        return False
    if mentor.mentor:
        return True
    return (
        mentor.seniority is not None
        and mentee.seniority is not None
        and mentor.seniority - mentee.seniority >= MENTOR_GAP
    )


def _match(offered: Sequence[_Phrase], wanted: Sequence[_Phrase]) -> str | None:
    """The shorter phrase of the first offered phrase that matches a wanted one; only
    phrases that share a word are compared."""
    for offer in offered:
        choices = [w for w in wanted if not offer.terms.isdisjoint(w.terms)]
        if not choices:
            continue
        found = process.extractOne(
            offer.norm,
            [w.norm for w in choices],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=MATCH,
        )
        if found is not None:
            return min(offer.text, choices[found[2]].text, key=len)
    return None


def _shared(first: Sequence[_Phrase], second: Sequence[_Phrase]) -> list[str]:
    """Interests both have, each once, in the words of the shorter phrase."""
    shared: list[str] = []
    for mine in first:
        topic = _match((mine,), second)
        if topic is not None and topic.casefold() not in (s.casefold() for s in shared):
            shared.append(topic)
    return shared


def score(a: Profile, b: Profile, reasons: list[str] | None = None) -> int | None:
    """The pair's points, None when they work at the same company; the reasons in words
    are added to `reasons` when it is given (only the pairs suggested need them)."""
    if a.company and a.company == b.company:
        return None
    points, topics = 0, set()
    for giver, taker in ((a, b), (b, a)):
        if giver.knows.isdisjoint(taker.wants):  # no phrase of one shares a word with the other's
            continue
        topic = _match((*giver.interests, *giver.offers), taker.needs)
        if topic is not None:
            points += NEED_POINTS
            topics.add(topic.casefold())
            if reasons is not None:
                reasons.append(f"{giver.first} can help {taker.first} with {_inline(topic)}")
    both = [] if a.cares.isdisjoint(b.cares) else _shared(a.interests, b.interests)
    shared = [s for s in both if s.casefold() not in topics]
    if shared:  # a topic counted as help is not counted again
        points += INTEREST_POINTS * len(shared)
        if reasons is not None:
            reasons.append(f"both care about {joined(_inline(s) for s in shared)}")
    for mentor, mentee in ((a, b), (b, a)):
        if could_mentor(mentor, mentee):
            points += MENTOR_POINTS
            if reasons is not None:
                asked = f"{mentee.first}, who asked for a mentor"
                reasons.append(f"{mentor.first} could mentor {asked}")
            break
    if a.industry and a.industry == b.industry:
        points += INDUSTRY_POINTS
        if reasons is not None:
            reasons.append(f"both in {a.industry_label}")
    return points


def suggestion(a: Profile, b: Profile) -> IntroSuggestion:
    """A pair that scored `MIN_SCORE` or more, with its reasons, ordered by name."""
    reasons: list[str] = []
    points = score(a, b, reasons) or 0
    first, second = _by_name(a, b)
    return IntroSuggestion(
        first.contact,
        first.name,
        second.contact,
        second.name,
        points,
        tuple(reasons),
        a.strength + b.strength,
    )


def _by_name(a: Profile, b: Profile) -> tuple[Profile, Profile]:
    return (a, b) if (a.folded, a.contact) < (b.folded, b.contact) else (b, a)


def _inline(text: str) -> str:
    """A phrase made to fit mid-sentence (`Design systems` -> `design systems`; `UK` stays)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


# --- introductions made -------------------------------------------------------------------


def made(index: Index, introductions: Introduced) -> tuple[Introduction, ...]:
    """The `introductions` dated on or before today, latest first."""
    today, dates = index.today, index.interaction_dates
    past = [(dates[p], pairs) for p, pairs in introductions if dates[p] <= today]
    past.sort(key=itemgetter(0))  # by date, in file order on a day
    follow_ups = {day: day + FOLLOW_UP for day, _ in past}  # few days: each once
    return tuple(
        Introduction(day, met, other, follow_ups[day])
        for day, pairs in reversed(past)
        for met, other in pairs
    )


def _pairs_made(met: Sequence[str], introduced: Sequence[str]) -> Collection[tuple[str, str]]:
    """(someone in `with`, someone in `introduced`), each pair once."""
    if len(met) == 1 and len(introduced) == 1:  # the usual case, made quickly
        return () if met[0] == introduced[0] else ((met[0], introduced[0]),)
    return {(a, b): None for a in met for b in introduced if a != b}


def followed_up(index: Index, contact: str, since: dt.date) -> bool:
    """An interaction with them after `since`, on or before today."""
    last = index.history(contact).last_touch
    return last is not None and last > since


# --- who could introduce you --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    """People who share an event, a community or a company (one group however its name is
    written)."""

    via: IntroVia
    key: str
    """The event's or community's id, the company's name folded."""
    label: str = field(compare=False)
    """As the first of them writes it."""


def introducers(index: Index, people: Mapping[str, Person]) -> tuple[IntroducersFor, ...]:
    """For each active person you have not met or heard back from (stage `to_meet` or
    `reached_out`), the strongest few you know who share an event, a community or a company
    with them."""
    targets = [
        contact_id
        for contact_id in index.active
        if (point := people[contact_id].touchpoint) is not None
        and point.stage in ("to_meet", "reached_out")
    ]
    if not targets:
        return ()
    communities = {c.id: c.name for c in index.dataset.communities}
    groups = Groups.of(index.events, index.contacts, people, communities)
    found = [groups.introducers_of(index.name(target), target) for target in targets]
    return tuple(
        sorted((f for f in found if f.introducers), key=lambda f: (f.name.casefold(), f.contact))
    )


@dataclass(frozen=True)
class Groups:
    """Every event (its `met` list and contacts' `met.event`), community (contacts'
    `met.community`) and company: who is in it,
    and the strongest few in it who could introduce you."""

    member_of: Mapping[str, list[Group]]
    strongest: Mapping[Group, list[Person]]

    @classmethod
    def of(
        cls,
        events: Mapping[str, Event],
        contacts: Mapping[str, Contact],
        people: Mapping[str, Person],
        communities: Mapping[str, str],
    ) -> Groups:
        """The groups of a data set's events, contacts and communities (by id, their
        names)."""
        members: dict[Group, dict[str, None]] = defaultdict(dict)
        for event in events.values():
            members[Group("event", event.id, event.name)].update(dict.fromkeys(event.met))
        for contact_id, contact in contacts.items():
            met = contact.met
            if met is not None and met.event is not None and met.event in events:
                members[Group("event", met.event, events[met.event].name)][contact_id] = None
            if met is not None and met.community is not None and met.community in communities:
                place = Group("community", met.community, communities[met.community])
                members[place][contact_id] = None
            if contact.company:
                company = Group("company", _fold(contact.company), contact.company)
                members[company][contact_id] = None
        member_of: dict[str, list[Group]] = defaultdict(list)
        strongest: dict[Group, list[Person]] = {}
        for group, ids in members.items():
            for contact_id in ids:
                member_of[contact_id].append(group)
            able = [p for c in ids if (p := people.get(c)) is not None and _can_introduce(p)]
            strongest[group] = heapq.nsmallest(INTRODUCERS + 1, able, key=_introducer_order)
        return cls(member_of, strongest)

    def introducers_of(self, name: str, contact: str) -> IntroducersFor:
        """The best `INTRODUCERS` people you know (they answered or you met) who share a
        group with `contact`: the closest tie first (a company, a community, an event),
        then the strongest relationship."""
        closest: dict[str, tuple[int, Person, Group]] = {}
        for group in self.member_of.get(contact, ()):
            tie = CLOSEST.index(group.via)
            for person in self.strongest[group]:
                known = closest.get(person.contact)
                if person.contact != contact and (known is None or tie < known[0]):
                    closest[person.contact] = (tie, person, group)
        ranked = sorted(closest.values(), key=lambda t: (t[0], *_introducer_order(t[1])))
        shown = [
            Introducer(person.contact, person.name, group.via, group.label)
            for _, person, group in ranked[:INTRODUCERS]
        ]
        return IntroducersFor(contact, name, tuple(shown))


def _introducer_order(person: Person) -> tuple[int, str, str]:
    return (-person.strength.score, person.name.casefold(), person.contact)


def _can_introduce(person: Person) -> bool:
    """Someone you know: a touch, and they answered or you met; not "avoid"."""
    if person.touchpoint is None or person.quadrant == "avoid":
        return False
    return person.touches > 0 and person.touchpoint.stage in ("replied", "met")


def introductions(index: Index, people: Sequence[Person]) -> Introductions:
    """Suggested pairs, introductions made and who could introduce you."""
    by_id = {person.contact: person for person in people}
    introductions = introduced(index)
    return Introductions(
        suggestions(index, by_id, introductions),
        made(index, introductions),
        introducers(index, by_id),
    )


def who_could_introduce(dataset: Dataset, people: Sequence[Person], contact: str) -> IntroducersFor:
    """Who could introduce you to anyone (`netdash intros --for`), met or not."""
    by_id = {person.contact: person for person in people}
    events = {event.id: event for event in dataset.events}
    communities = {c.id: c.name for c in dataset.communities}
    groups = Groups.of(events, dataset.contacts, by_id, communities)
    return groups.introducers_of(by_id[contact].name, contact)
