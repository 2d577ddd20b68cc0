"""What a person's page shows, as plain values for `pages/person.html` (the top, which
search indexes) and `pages/person_body.html` (cards, profile, private details, and the
timeline of `person_timeline`)."""

from __future__ import annotations

from typing import NamedTuple

from site_builder.compute.report import Person
from site_builder.models import Contact
from site_builder.models.types import annual_parts
from site_builder.plural import counted
from site_builder.site.actions import Actions
from site_builder.site.context import EVENTS, GUIDE_RULES, Site, person_uri
from site_builder.site.pages.common import (
    circle_badge,
    status_badge,
    touch_badge,
)
from site_builder.site.pages.journal_views import JournalCard, cards
from site_builder.site.pages.person_history import Sparkline, sparkline
from site_builder.site.pages.person_intros import PersonIntros, person_intros
from site_builder.site.pages.person_news import NewsLine, community_link, news_lines
from site_builder.site.pages.person_timeline import Entry, timeline
from site_builder.site.views import (
    Badge,
    Bar,
    Link,
    When,
    badge,
    external,
    filled,
    humanize,
    iso,
    number,
    percent,
    safe_url,
    unaccented,
    when,
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Summary(NamedTuple):
    """The top of the page but the name; `help` is (how I can help them, how they can help
    me)."""

    headline: str
    badges: tuple[Badge, ...]
    tags: tuple[str, ...]
    help: tuple[str, str] | None
    unaccented: str = ""
    """The name, company and place without accents, when they have any: indexed for
    search, not shown."""


class NextTouch(NamedTuple):
    """The next touchpoint card (None for an archived person: no touchpoint)."""

    status: Badge
    due: When | None
    scheduled: When | None
    last_touch: When | None
    cadence: str
    snoozed_to: str
    dormant: bool
    priority: str


class Share(NamedTuple):
    """One part of the strength score, with its bar."""

    name: str
    percent: str
    bar: Bar


class Strength(NamedTuple):
    """The relationship strength card."""

    score: int
    bar: Bar
    scoring: Link
    parts: tuple[Share, ...]
    touches: str


class Exchange(NamedTuple):
    """The give and take card; `trust` is `""` when no trust is noted."""

    gives: str
    shares: str
    asks: str
    balance: str
    trust: str


class Met(NamedTuple):
    """How we met: the day, how, and the event."""

    on: str
    how: str
    event: Link | None
    community: Link | None = None


class Profile(NamedTuple):
    """The profile fields; empty ones are left out of the page."""

    seniority: str
    met: Met | None
    board_seat: str
    influence: str
    accessibility: str
    interests: tuple[str, ...]
    links: tuple[Link, ...]
    birthday: str
    anniversary: str
    cadence: str
    snooze_until: str


class Private(NamedTuple):
    """Private details, shown only when the owner publishes them."""

    email: Link | None
    phone: str
    family: str
    hobbies: tuple[str, ...]
    notes: str


class Body(NamedTuple):
    """Everything below the top of the page."""

    touch: NextTouch | None
    strength: Strength
    exchange: Exchange
    profile: Profile
    private: Private | None
    timeline: tuple[Entry, ...]
    news: tuple[NewsLine, ...] = ()
    journal: tuple[JournalCard, ...] = ()
    """The reflections about them, with their feedback, or with actions for them."""
    intros: PersonIntros | None = None
    actions: Actions | None = None
    """Log, snooze, done, edit, add to calendar (`site/actions.py`)."""
    draft: Draft | None = None
    """The draft of their move of the week, when they have one."""
    history: Sparkline | None = None
    """Strength over the last 12 months (None when archived)."""


class Draft(NamedTuple):
    """The message drafted for a person's move of the week."""

    move: str
    text: str
    to_write: str


def summary(contact: Contact, person: Person) -> Summary:
    """The top of the page, the part that search indexes."""
    work = " at ".join(filter(None, (contact.role, contact.company)))
    headline = " · ".join(p for p in (work, contact.location, contact.industry) if p)
    badges = [circle_badge(contact.circle)]
    if contact.board_role:
        badges.append(badge(f"board: {contact.board_role}", "target", "on_track"))
    if person.quadrant:
        badges.append(status_badge("quadrant", person.quadrant))
    if contact.archived:
        badges.append(badge("archived", "target", "upcoming"))
    them, me = contact.can_help_them, contact.can_help_me
    helps = (them or "Not noted yet.", me or "Not noted yet.") if them or me else None
    tags = (*contact.tags, *contact.interests)
    written = " · ".join(p for p in (contact.name, contact.company, contact.location) if p)
    plain = unaccented(written)
    return Summary(headline, tuple(badges), tags, helps, plain if plain != written else "")


def body(site: Site, person: Person) -> Body:
    """The cards, profile, private details and timeline of one person."""
    source = person_uri(person.contact)
    contact = site.dataset.contacts[person.contact]
    return Body(
        _next_touch(site, person),
        _strength(site, source, person),
        _exchange(person),
        _profile(site, source, contact),
        _private(site, contact),
        timeline(site, source, person.contact),
        news_lines(contact),
        tuple(cards(site, source, site.report.journal_by_contact.get(person.contact, ()))),
        person_intros(site, source, person.contact),
        site.actions.for_person(person),
        _draft(site, person),
        sparkline(site.report.relationship_history, person.contact),
    )


def _draft(site: Site, person: Person) -> Draft | None:
    item = site.actions.draft(person.contact)
    if item is None or not item.draft:
        return None
    return Draft(item.move, item.draft, "; ".join(item.to_write))


def _next_touch(site: Site, person: Person) -> NextTouch | None:
    point = person.touchpoint
    if point is None:
        return None
    today = site.today
    return NextTouch(
        touch_badge(point.status),
        when(point.due, today),
        when(point.scheduled, today),
        when(point.last_touch, today),
        f"every {counted(point.cadence_days, 'day')}",
        iso(point.snoozed_until),
        point.dormant,
        f"#{point.priority:,} of {len(site.report.touchpoints):,}",
    )


def _strength(site: Site, source: str, person: Person) -> Strength:
    strength = person.strength
    shares = (
        ("Recency", strength.recency),
        ("Frequency", strength.frequency),
        ("Reciprocity", strength.reciprocity),
    )
    parts = tuple(
        Share(name, percent(share), filled(share, "progress", f"{name.lower()} {share:.0%}"))
        for name, share in shares
    )
    return Strength(
        strength.score,
        filled(strength.score / 100),
        site.guide_link(source, GUIDE_RULES, "how it is scored"),
        parts,
        number(strength.touches_last_year),
    )


def _exchange(person: Person) -> Exchange:
    flow, trust = person.reciprocity, person.trust
    trusted = (
        f"{trust.score:.1f}  ({trust.credibility} + {trust.reliability}"
        f" + {trust.intimacy}) / {trust.self_orientation}"
        if trust is not None
        else ""
    )
    return Exchange(
        number(flow.gives), number(flow.shares), number(flow.asks), f"{flow.balance:+d}", trusted
    )


def _annual(value: str | None, with_year: bool) -> str:
    if value is None:
        return ""
    year, month, day_of_month = annual_parts(value)
    return f"{day_of_month} {MONTHS[month - 1]}" + (f" {year}" if year and with_year else "")


def _met(site: Site, source: str, contact: Contact) -> Met | None:
    met = contact.met
    if met is None or not (met.on or met.how or met.event or met.community):
        return None
    event = None
    if met.event:
        event = Link(site.event_names.get(met.event, met.event), site.href(source, EVENTS))
    return Met(iso(met.on), met.how or "", event, community_link(site, source, met.community))


def _profile(site: Site, source: str, contact: Contact) -> Profile:
    dates = contact.dates
    return Profile(
        contact.seniority or "",
        _met(site, source, contact),
        contact.board_role or "",
        f"{contact.influence} / 5" if contact.influence else "",
        f"{contact.accessibility} / 5" if contact.accessibility else "",
        tuple(contact.interests),
        _links(site, contact),
        _annual(dates.birthday if dates else None, site.private),
        _annual(dates.work_anniversary if dates else None, True),
        f"every {counted(contact.cadence_days, 'day')}" if contact.cadence_days else "",
        iso(contact.snooze_until),
    )


def _links(site: Site, contact: Contact) -> tuple[Link, ...]:
    """Named links; `mailto:` ones carry an email address, so only with private details."""
    return tuple(
        external(url, humanize(name))
        for name, url in sorted(contact.links.items())
        if safe_url(url) and (site.private or not url.lower().startswith("mailto:"))
    )


def _private(site: Site, contact: Contact) -> Private | None:
    details = contact.private
    if not site.private or details is None:
        return None
    email = external(f"mailto:{details.email}", details.email) if details.email else None
    return Private(
        email,
        details.phone or "",
        details.family or "",
        tuple(details.hobbies),
        details.notes or "",
    )
