"""The shape of the computed `Report`: plain frozen records, no behaviour but lookups.

Everything the site, the digest and `netdash due` show comes from here. Dates are
`datetime.date`; windows are half-open `[start, end)` (`end` is the first day after);
ratios that have no data are `None`, never NaN or infinity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

from site_builder.compute.journal_records import JournalAction, JournalNote
from site_builder.compute.prep_records import EventPrep
from site_builder.models.types import BoardRole, Circle, Value

TouchStatus = Literal["overdue", "due", "soon", "scheduled", "new", "ok"]
"""In the order they are listed: the most pressing first."""
TOUCH_STATUSES: tuple[TouchStatus, ...] = get_args(TouchStatus)
Stage = Literal["to_meet", "reached_out", "replied", "met"]
"""How far a relationship has come: not contacted yet, outreach without an answer, an
answer, a conversation (or a day met)."""
KeyDateKind = Literal["birthday", "work_anniversary"]
FollowUpStatus = Literal["overdue", "due", "soon", "open"]
StepName = Literal["connect", "send", "meet"]
StepStatus = Literal["done", "late", "open", "missed"]
TargetStatus = Literal["done", "on_track", "behind", "upcoming", "missed"]
TargetKind = Literal["metric", "measure", "milestone"]
Period = Literal["week", "month", "quarter"]
CircleFit = Literal["under", "within", "over"]
Quadrant = Literal["golden", "aspirational", "peer", "avoid"]
Dimension = Literal["industry", "location", "seniority", "company"]
CrmField = Literal[
    "company",
    "role",
    "industry",
    "location",
    "seniority",
    "met",
    "influence",
    "accessibility",
    "can_help_them",
    "can_help_me",
]
CRM_FIELDS: tuple[CrmField, ...] = get_args(CrmField)
"""The contact fields a full record has, in the order Data health lists them."""


# --- touchpoints --------------------------------------------------------------------------


@dataclass(frozen=True)
class Touchpoint:
    """When an active (not archived) contact is next due for a touch, and why."""

    contact: str
    name: str
    circle: Circle
    cadence_days: int
    last_touch: dt.date | None
    """The latest interaction with them dated on or before today."""
    anchor: dt.date | None
    """`last_touch`, else the day met (`met.on`), else None."""
    due: dt.date | None
    """anchor + cadence, or the snooze's end; None for a prospect (no anchor, no snooze)."""
    status: TouchStatus
    stage: Stage
    overdue_days: int
    """today - due when overdue, else 0 (also 0 when scheduled)."""
    overdue_ratio: float
    """(today - due) / cadence: the overdue ordering key (negative when not yet due)."""
    dormant: bool
    never_contacted: bool
    """No interaction on or before today (met or not)."""
    snoozed_until: dt.date | None
    """`snooze_until` when it moved the due date later, else None."""
    scheduled: dt.date | None
    """The earliest interaction with them dated after today, if any."""
    priority: int
    """1-based rank in the touchpoint order (1 = most urgent)."""


@dataclass(frozen=True)
class KeyDate:
    """The next birthday or work anniversary of an active contact (on or after today)."""

    contact: str
    name: str
    kind: KeyDateKind
    date: dt.date
    days_until: int
    years: int | None
    """Years completed on `date` when the year is known; for a birthday (an age) only when
    `publish.private_details` is on."""


@dataclass(frozen=True)
class OpenFollowUp:
    """A promise from an interaction's `follow_ups` that has no `done` date yet."""

    contacts: tuple[str, ...]
    names: tuple[str, ...]
    interaction_date: dt.date
    interaction_index: int
    """Position of the interaction in `Dataset.interactions`."""
    do: str
    due: dt.date | None
    status: FollowUpStatus
    """overdue (due < today), due (today), soon (within due_soon_days), else open."""
    overdue_days: int


# --- events: the 24-48-7 rule -------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpStep:
    """One step of the 24-48-7 rule for one person met at one event."""

    step: StepName
    due: dt.date
    status: StepStatus
    done_on: dt.date | None
    """Date of the first qualifying interaction on or before today."""


@dataclass(frozen=True)
class EventFollowUp:
    """The three follow-up steps for one person met at one event."""

    event: str
    event_name: str
    event_end: dt.date
    contact: str
    name: str
    steps: tuple[FollowUpStep, ...]
    """connect (end + 1), send (end + 2), meet (end + 7), in that order."""
    complete: bool
    """Every step done or late."""


@dataclass(frozen=True)
class EventSummary:
    """One event with its results: people met and follow-up completion."""

    event: str
    name: str
    date: dt.date
    end: dt.date
    kind: str | None
    role: str | None
    past: bool
    """The event's last day is before today."""
    met: tuple[str, ...]
    goal_new_contacts: int | None
    goal_reached: bool | None
    """len(met) >= goal_new_contacts, None without a goal."""
    steps_total: int
    steps_done: int
    """Steps done or late."""
    steps_missed: int


# --- metrics, roadmap, habits -------------------------------------------------------------


@dataclass(frozen=True)
class PeriodValue:
    """A metric's value over one period `[start, end)`."""

    label: str
    start: dt.date
    end: dt.date
    value: float


@dataclass(frozen=True)
class MetricSeries:
    """One registry metric, unfiltered, month by month over the roadmap year."""

    metric: str
    label: str
    additive: bool
    """True for counts (sum over months = year total); False for levels at a period's end."""
    months: tuple[PeriodValue, ...]
    roadmap_year: float
    last_30_days: float
    last_90_days: float


@dataclass(frozen=True)
class MeasureSeries:
    """A manual series of metrics.yml, oldest first."""

    name: str
    points: tuple[tuple[dt.date, float], ...]
    latest: float | None


@dataclass(frozen=True)
class TargetProgress:
    """One roadmap target against its phase's window."""

    kind: TargetKind
    name: str
    """Metric name, measure (series) name, or the milestone's text."""
    label: str
    """Readable, e.g. 'new_contacts (influence >= 4)'."""
    where: Mapping[str, str | int] = field(default_factory=dict)
    target: float = 1.0
    """The number to reach; 1 for a milestone."""
    actual: float = 0.0
    share: float = 0.0
    """actual / target (not clamped)."""
    elapsed: float = 0.0
    status: TargetStatus = "upcoming"
    done_on: dt.date | None = None
    """A milestone's `done` date."""
    note: str | None = None
    """Why the number may surprise, e.g. a measure with no reading yet."""


@dataclass(frozen=True)
class PhaseProgress:
    """A roadmap phase: its window, elapsed share and targets."""

    phase: str
    first_month: int
    last_month: int
    start: dt.date
    end: dt.date
    """Exclusive: the first day after the phase."""
    elapsed: float
    status: TargetStatus
    targets: tuple[TargetProgress, ...]
    current: bool
    """Today falls within the phase."""


@dataclass(frozen=True)
class Burnup:
    """One counting metric over the roadmap year: its running total against the plan.

    Points are `(date, total)`, oldest first, both starting at `(roadmap start, 0)`."""

    metric: str
    label: str
    done: tuple[tuple[dt.date, float], ...]
    """After the start, at each roadmap month's last day so far (today in the current month), the
    total from the roadmap start to that day."""
    plan: tuple[tuple[dt.date, float], ...]
    """After the start, at each phase's end (the first day after it, earliest first), the sum of the
    metric's unfiltered targets of the phases ended by then; last, `(roadmap end, that
    sum)`."""


@dataclass(frozen=True)
class HabitPeriod:
    """One week, month or quarter of a habit."""

    label: str
    start: dt.date
    end: dt.date
    actual: float
    target: float
    share: float
    """actual / target (not clamped; targets are above 0)."""
    met: bool
    current: bool


@dataclass(frozen=True)
class HabitProgress:
    """A recurring target: the current period, recent history and the streak."""

    every: Period
    metric: str
    label: str
    where: Mapping[str, str | int]
    target: float
    current: HabitPeriod
    history: tuple[HabitPeriod, ...]
    """Oldest first, ending with the current period."""
    streak: int
    """Consecutive periods met, back from the current one (or the last one, while the
    current period is not met yet)."""


# --- figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueShare:
    """One value of the 70-20-10 mix."""

    value: Value
    count: int
    percent: float
    target_percent: float


@dataclass(frozen=True)
class ValueMix:
    """Gives, shares and asks over the last 90 days against the target mix."""

    start: dt.date
    end: dt.date
    shares: tuple[ValueShare, ...]
    """give, share, ask, in that order; percent is 0 when total is 0."""
    total: int
    social: int
    """Excluded from the mix."""


@dataclass(frozen=True)
class Reciprocity:
    """What flows between the owner and one contact, all time up to today."""

    gives: int
    shares: int
    asks: int
    balance: int
    """gives - asks."""
    give_ratio: float | None
    """gives / (gives + asks), None when neither."""


@dataclass(frozen=True)
class Trust:
    """The trust equation: (credibility + reliability + intimacy) / self_orientation."""

    credibility: int
    reliability: int
    intimacy: int
    self_orientation: int
    score: float


@dataclass(frozen=True)
class Strength:
    """Relationship strength 0-100 and its three parts, each 0-1."""

    score: int
    recency: float
    frequency: float
    reciprocity: float
    touches_last_year: int


@dataclass(frozen=True)
class Person:
    """Everything computed about one contact (archived ones too)."""

    contact: str
    name: str
    circle: Circle
    archived: bool
    interaction_indexes: tuple[int, ...]
    """Positions in `Dataset.interactions` of every interaction with them, by date."""
    touches: int
    """Interactions on or before today."""
    first_touch: dt.date | None
    last_touch: dt.date | None
    touchpoint: Touchpoint | None
    """None when archived."""
    strength: Strength
    reciprocity: Reciprocity
    trust: Trust | None
    quadrant: Quadrant | None
    missing_fields: tuple[CrmField, ...]
    """The CRM fields their file leaves empty, in `CRM_FIELDS` order."""


@dataclass(frozen=True)
class CircleSize:
    """Active contacts in one circle against its target band."""

    circle: Circle
    count: int
    min: int
    max: int | None
    fit: CircleFit
    cadence_days: int
    """The circle's cadence from settings.yml."""


@dataclass(frozen=True)
class BoardSeat:
    """One of the five roles of the personal board of directors."""

    role: BoardRole
    contacts: tuple[str, ...]
    names: tuple[str, ...]
    filled: bool


@dataclass(frozen=True)
class BoardCoverage:
    """Which of the five board roles are filled by active contacts."""

    seats: tuple[BoardSeat, ...]
    filled: int
    coverage: float
    """filled / 5."""


@dataclass(frozen=True)
class MatrixCell:
    """One active contact on the influence x accessibility matrix."""

    contact: str
    name: str
    influence: int
    accessibility: int
    quadrant: Quadrant


@dataclass(frozen=True)
class QuadrantBounds:
    """The scores one quadrant of the matrix holds, each range `(lowest, highest)`
    inclusive."""

    quadrant: Quadrant
    influence: tuple[int, int]
    accessibility: tuple[int, int]


@dataclass(frozen=True)
class NetworkMatrix:
    """The network effect matrix; `counts` holds every quadrant, zero included."""

    cells: tuple[MatrixCell, ...]
    counts: Mapping[str, int]
    unrated: int
    """Active contacts without influence or accessibility."""
    scores: tuple[int, int]
    """The lowest and highest score of influence and accessibility."""
    high: int
    """The lowest high score: `high` up to the highest score is high."""
    bounds: tuple[QuadrantBounds, ...]
    """golden, aspirational, peer, avoid, in that order."""


@dataclass(frozen=True)
class ResponseRates:
    """Replies to outreach I initiated, and answers to meetings I asked for (to today)."""

    replied: int
    no_reply: int
    pending: int
    response_rate: float | None
    """replied / (replied + no_reply); pending is left out."""
    accepted: int
    declined: int
    acceptance_rate: float | None


@dataclass(frozen=True)
class QuarterOutcomes:
    """Referrals and opportunities in one calendar quarter."""

    label: str
    start: dt.date
    end: dt.date
    referrals: int
    opportunities: int


@dataclass(frozen=True)
class DiversityDimension:
    """How active contacts spread over one attribute."""

    dimension: Dimension
    counts: tuple[tuple[str, int], ...]
    """Largest first, then by name; contacts without the attribute are in `unknown`."""
    unknown: int
    distinct: int
    evenness: float
    """Pielou's evenness (Shannon entropy / ln distinct), 0 with fewer than 2 values."""


@dataclass(frozen=True)
class WeekActivity:
    """Interactions in one ISO week."""

    start: dt.date
    interactions: int


@dataclass(frozen=True)
class Consistency:
    """Weeks with at least one interaction: current and longest streaks."""

    current_streak: int
    longest_streak: int
    weeks: tuple[WeekActivity, ...]
    """The last 26 ISO weeks, oldest first, the current week last."""


@dataclass(frozen=True)
class WeekLoad:
    """Touchpoints projected to fall due in one ISO week."""

    start: dt.date
    count: int
    contacts: tuple[str, ...]


@dataclass(frozen=True)
class EventTotals:
    """Past events together: how many, whom they brought, how the follow-ups went."""

    past: int
    coming: int
    people_met: int
    """People met at past events (someone met at two events counts twice)."""
    steps_total: int
    steps_done: int
    """Steps done or late."""
    done_share: float | None
    """steps_done / steps_total, None without steps."""


# --- the week's agenda --------------------------------------------------------------------

AgendaKind = Literal[
    "confirm",
    "meeting",
    "event_step",
    "follow_up",
    "key_date",
    "touch",
    "reconnect",
    "reach_out",
    "give",
    "news",
    "intro_follow_up",
]
"""Dated kinds first (they always enter the week), then the kinds the budget chooses."""


@dataclass(frozen=True)
class AgendaItem:
    """One move of the week: with whom, why, what to do and which message fits."""

    kind: AgendaKind
    contact: str
    name: str
    """The contact's name (every name, for an interaction with several people)."""
    due: dt.date | None
    """The day it falls on or is due; None for a prospect or a give."""
    reason: str
    """Why it is here, in words: 'inner circle · last coffee 47 days ago · every 30 days'."""
    move: str
    """The one suggested move."""
    template: str
    """The id of the message template that fits."""
    key: str
    """Names the item the same way every day it is listed (the calendar feed's UID): e.g.
    `touchpoint-<contact>`, `birthday-<contact>`, `event-<event>-<contact>-meet`."""
    score: float = 0.0
    """A budgeted move's score (0 for a dated item)."""
    event: str | None = None
    """The event an event step follows up."""
    promise: str | None = None
    """What a follow-up item promised."""
    draft: str = ""
    """The template's message, filled for this person."""
    to_write: tuple[str, ...] = ()
    """What only you can write, marked in the draft between single guillemets."""
    other: str | None = None
    """The other person of an introduction."""


@dataclass(frozen=True)
class LaterMove:
    """A budgeted move that did not fit this week."""

    kind: AgendaKind
    contact: str
    name: str
    score: float


@dataclass(frozen=True)
class Agenda:
    """The ISO week holding today: dated items, then budgeted moves by score."""

    start: dt.date
    """Monday."""
    end: dt.date
    """Sunday (inclusive)."""
    budget: int
    items: tuple[AgendaItem, ...]
    later: tuple[LaterMove, ...]
    """Budgeted moves that did not fit, by score."""


# --- data health --------------------------------------------------------------------------


@dataclass(frozen=True)
class Freshness:
    """How current the interaction log is."""

    latest_interaction: dt.date | None
    """The latest interaction dated on or before today."""
    days_since: int | None
    """today - latest_interaction."""
    stale: bool
    """No interaction yet, or the latest is more than `health.STALE_AFTER_DAYS` (14) days
    old."""
    never_contacted: tuple[str, ...]
    """Active contacts without a touch, by name."""


@dataclass(frozen=True)
class MissingField:
    """One CRM field and the active contacts whose file leaves it empty."""

    field: CrmField
    contacts: tuple[str, ...]
    """By name."""


# --- communities ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CommunitySummary:
    """One community of communities.yml: your place in it, who you met, what you did."""

    id: str
    name: str
    kind: str
    role: str | None
    joined: dt.date
    left: dt.date | None
    url: str | None
    current: bool
    """Joined on or before today and not left by today."""
    people: tuple[str, ...]
    """Contacts whose `met.community` names it, by name."""
    names: tuple[str, ...]
    interaction_indexes: tuple[int, ...]
    """Positions in `Dataset.interactions` of its activities (interactions with this
    `community`, with people or alone) on or before today, latest first."""
    last_activity: dt.date | None
    streak: int
    """Calendar months in a row with an activity, up to this month (or up to last month
    while this month has none yet)."""
    best_streak: int
    """The longest run of such months."""


# --- introductions -----------------------------------------------------------------------

IntroVia = Literal["event", "company", "community"]


@dataclass(frozen=True)
class IntroSuggestion:
    """Two people who should meet, the points they scored and why, in words."""

    first: str
    first_name: str
    second: str
    second_name: str
    """The pair is ordered by name (then id)."""
    score: int
    reasons: tuple[str, ...]
    """'Sam can help Mei with open banking', 'both care about pricing', 'both in Fintech'."""
    strength: int
    """The sum of your relationship strengths with both: ties go to the closer pair."""


@dataclass(frozen=True)
class Introduction:
    """An introduction made: someone in an interaction's `with` and someone it names in
    `introduced`, and when to follow up with both."""

    date: dt.date
    first: str
    """Someone in the interaction's `with`."""
    second: str
    """Someone it names in `introduced`."""
    follow_up: dt.date
    """date + 14 days: ask both how it went."""


@dataclass(frozen=True)
class Introducer:
    """Someone you know who shares an event, a company or a community with a person you
    have not met yet."""

    contact: str
    name: str
    via: IntroVia
    where: str
    """The event's name, the company, the community."""


@dataclass(frozen=True)
class IntroducersFor:
    """Who could introduce you to one person you have not met or heard back from yet."""

    contact: str
    name: str
    introducers: tuple[Introducer, ...]
    """Strongest relationship first."""


@dataclass(frozen=True)
class Introductions:
    """Suggested pairs, introductions made, and who could introduce you to whom."""

    suggestions: tuple[IntroSuggestion, ...]
    """Best score first, then by names."""
    made: tuple[Introduction, ...]
    """Latest first."""
    introducers: tuple[IntroducersFor, ...]
    """By name."""

    @cached_property
    def _by_person(self) -> Mapping[str, tuple[list[IntroSuggestion], list[Introduction]]]:
        found: dict[str, tuple[list[IntroSuggestion], list[Introduction]]] = {}
        for pair in self.suggestions:
            for contact in (pair.first, pair.second):
                found.setdefault(contact, ([], []))[0].append(pair)
        for made in self.made:
            for contact in (made.first, made.second):
                found.setdefault(contact, ([], []))[1].append(made)
        return found

    def suggested_for(self, contact: str) -> tuple[IntroSuggestion, ...]:
        """The suggested pairs one person is in, best first."""
        return tuple(self._by_person.get(contact, ([], []))[0])

    def made_for(self, contact: str) -> tuple[Introduction, ...]:
        """The introductions one person was part of (either side), latest first."""
        return tuple(self._by_person.get(contact, ([], []))[1])

    @cached_property
    def _introducers(self) -> Mapping[str, IntroducersFor]:
        return {found.contact: found for found in self.introducers}

    def introducers_for(self, contact: str) -> IntroducersFor | None:
        """Who could introduce you to one person, if they are someone you have not met."""
        return self._introducers.get(contact)


# --- the whole report ---------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """Everything computed from the data set for one day."""

    today: dt.date
    owner: str
    roadmap_start: dt.date
    roadmap_end: dt.date
    """Exclusive: roadmap_start + 12 months."""
    touchpoints: tuple[Touchpoint, ...]
    """Active contacts, in priority order."""
    key_dates: tuple[KeyDate, ...]
    """Next birthdays and work anniversaries, soonest first (within a year)."""
    follow_ups: tuple[OpenFollowUp, ...]
    """Open promises, dated ones first by due date, then undated by interaction date."""
    events: tuple[EventSummary, ...]
    """By date, latest first."""
    event_follow_ups: tuple[EventFollowUp, ...]
    """By event (latest first), then by name."""
    metrics: tuple[MetricSeries, ...]
    measures: tuple[MeasureSeries, ...]
    roadmap: tuple[PhaseProgress, ...]
    burnups: tuple[Burnup, ...]
    """Counting metrics that an unfiltered roadmap target names, in registry order."""
    habits: tuple[HabitProgress, ...]
    people: tuple[Person, ...]
    """Every contact, by name."""
    value_mix: ValueMix
    circles: tuple[CircleSize, ...]
    board: BoardCoverage
    matrix: NetworkMatrix
    responses: ResponseRates
    quarters: tuple[QuarterOutcomes, ...]
    """The last 8 calendar quarters, oldest first, the current one last."""
    quarters_total: QuarterOutcomes
    """The same 8 quarters as one window."""
    diversity: tuple[DiversityDimension, ...]
    consistency: Consistency
    workload: tuple[WeekLoad, ...]
    """The next 26 ISO weeks from the current one."""
    agenda: Agenda
    """The week's moves: what Home, `netdash plan`, `netdash due`, the digest and the
    calendar feed show."""
    event_totals: EventTotals
    freshness: Freshness
    missing_fields: tuple[MissingField, ...]
    """Every CRM field, in `CRM_FIELDS` order."""
    introductions: Introductions
    """Who should meet whom, introductions made, who could introduce you."""
    payoff: Payoff
    """Outcomes, their sources, and the answers outreach gets."""
    relationship_history: RelationshipHistory
    """Each active contact's strength at each month's end, and its change over 90 days."""
    reviews: tuple[QuarterReview, ...]
    """The review of the quarter holding today, then each earlier reviewed quarter's."""
    communities: tuple[CommunitySummary, ...] = ()
    """Current communities first, each group by name."""
    prep: tuple[EventPrep, ...] = ()
    """Prep sheets of the events of the next 14 days (and under way), soonest first; then
    past events with targets (targets met against planned), latest first."""
    journal: tuple[JournalNote, ...] = ()
    """Every reflection, latest first."""
    journal_actions: tuple[JournalAction, ...] = ()
    """The journal's actions not done yet, the earliest due first."""

    @cached_property
    def people_by_id(self) -> Mapping[str, Person]:
        """`people` keyed by contact id."""
        return {person.contact: person for person in self.people}

    def person(self, contact: str) -> Person | None:
        """The computed record of one contact, by id."""
        return self.people_by_id.get(contact)

    @cached_property
    def journal_by_contact(self) -> Mapping[str, tuple[JournalNote, ...]]:
        """The reflections that concern each contact, latest first."""
        found: dict[str, list[JournalNote]] = {}
        for note in self.journal:
            for contact in note.people:
                found.setdefault(contact, []).append(note)
        return {contact: tuple(notes) for contact, notes in found.items()}

    @cached_property
    def journal_by_event(self) -> Mapping[str, tuple[JournalNote, ...]]:
        """The reflections about each event, latest first."""
        found: dict[str, list[JournalNote]] = {}
        for note in self.journal:
            if note.event is not None:
                found.setdefault(note.event, []).append(note)
        return {event: tuple(notes) for event, notes in found.items()}


# --- where it pays off (compute/payoff.py) ------------------------------------------------

SourceKind = Literal["person", "circle", "event", "community"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
Answer = Literal["replied", "no_reply", "pending"]


@dataclass(frozen=True)
class OutcomeCount:
    """One kind of outcome: how often interactions recorded it."""

    outcome: str
    total: int
    """All time, up to today."""
    roadmap_year: int


@dataclass(frozen=True)
class OpportunitySource:
    """Where opportunities came from: one person, circle, event or community."""

    kind: SourceKind
    key: str
    """The contact or event id, the circle, or the community's name."""
    label: str
    opportunities: int
    """Outcomes of the interactions credited to this source."""


@dataclass(frozen=True)
class ResponseGroup:
    """Outreach of one channel (interaction kind) or one template, and its answers."""

    key: str | None
    """The kind or the template id; None for outreach that used no template."""
    sent: int
    replied: int
    no_reply: int
    pending: int
    rate: float | None
    """replied / (replied + no_reply); pending is left out."""
    median_reply_days: float | None
    """Of the replies whose day is known."""


@dataclass(frozen=True)
class ReplySpeed:
    """How soon replies came: days from the outreach to the answer."""

    replies: int
    """Replies whose day is known (`replied_on`, or a later message from them)."""
    median_days: float | None
    same_day: int
    within_2_days: int
    """1 or 2 days."""
    within_7_days: int
    """3 to 7 days."""
    later: int
    """8 days or more."""


@dataclass(frozen=True)
class Payoff:
    """Where networking pays off, all time up to today: outcomes by kind, how meetings
    turn into opportunities, where opportunities come from, which channels and templates
    get answers, and how fast."""

    outcomes: tuple[OutcomeCount, ...]
    """Every kind of outcome, in the vocabulary's order."""
    opportunities: int
    meetings: int
    meetings_with_outcome: int
    meeting_rate: float | None
    """meetings_with_outcome / meetings."""
    sources: tuple[OpportunitySource, ...]
    """By kind (person, circle, event, community), then most opportunities first."""
    channels: tuple[ResponseGroup, ...]
    """By interaction kind, in the vocabulary's order; only kinds with outreach."""
    templates: tuple[ResponseGroup, ...]
    """By template id, then outreach without a template last."""
    speed: ReplySpeed


# --- relationship history and the quarterly review ----------------------------------------


@dataclass(frozen=True)
class RelationshipHistory:
    """Strength at each month's end over the last 12 months (the last point is today)."""

    days: tuple[dt.date, ...] = ()
    """Oldest first: the last day of each of the 11 months before this one, then today."""
    scores: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Each active contact's score at each of `days`, by id."""
    change_90_days: Mapping[str, int] = field(default_factory=dict)
    """Each active contact's score today less their score 90 days ago, by id."""
    strong: tuple[int, ...] = ()
    """How many active contacts were strong (`strong_at` or more) at each day."""
    strong_at: int = 0
    deepened_by: int = 0
    """A rise of this many points or more is a relationship deepened."""


@dataclass(frozen=True)
class ReviewCandidate:
    """Someone a review should look at, and why (in words)."""

    contact: str
    name: str
    circle: Circle
    strength: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReviewDecision:
    """A decision recorded in reviews.yml."""

    contact: str
    name: str
    action: str
    circle: Circle | None
    note: str | None


@dataclass(frozen=True)
class ImproveNote:
    """A journal entry's "to improve" note."""

    date: dt.date
    text: str
    about: str | None
    """The name of the person or event it is about, if any."""


@dataclass(frozen=True)
class ImproveTheme:
    """Notes that share a word (`theme`), or the rest (`theme` None)."""

    theme: str | None
    notes: tuple[ImproveNote, ...]


@dataclass(frozen=True)
class ReviewSource:
    """A person the quarter's opportunities came from."""

    contact: str
    name: str
    circle: Circle | None
    count: int
    outcomes: tuple[str, ...]
    """Each outcome, in date order."""


@dataclass(frozen=True)
class QuarterReview:
    """One calendar quarter's review. The candidates are today's: they are made for the
    quarter holding today only (empty for past quarters)."""

    quarter: str
    """`2026Q4`."""
    start: dt.date
    end: dt.date
    current: bool
    reviewed_on: dt.date | None
    """When the review of this quarter was recorded in reviews.yml, if it was."""
    decisions: tuple[ReviewDecision, ...]
    prune: tuple[ReviewCandidate, ...]
    prune_total: int
    promote: tuple[ReviewCandidate, ...]
    deepen: tuple[ReviewCandidate, ...]
    board_gaps: tuple[BoardRole, ...]
    improve: tuple[ImproveTheme, ...]
    opportunities: tuple[ReviewSource, ...]
    """By count, most first, then by name."""
    opportunity_kinds: Mapping[str, int]
    """Each outcome kind and how often it came, most first."""
