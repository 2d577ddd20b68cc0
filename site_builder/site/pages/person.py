"""One page per person: profile, CRM fields, how we can help each other, the timeline,
the next touchpoint and the strength score.

Kept cheap, since there is one per contact. Only the top of the page (name, headline,
badges, tags and the "how we can help" notes) goes through Markdown and into the search
index, as one entry; the rest is plain string formatting, put in place after MkDocs has
rendered the page (`Later`). Private details appear only when `publish.private_details`
is on, and then outside the search index.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from site_builder.compute.report import Person
from site_builder.models import Contact, FollowUp, Interaction
from site_builder.models.types import annual_parts
from site_builder.site.context import (
    EVENTS,
    GUIDE_RULES,
    GeneratedPage,
    Later,
    Site,
    person_uri,
)
from site_builder.site.html import (
    EMPTY,
    Html,
    admonition,
    badge,
    bar,
    card,
    day,
    esc,
    external_link,
    grid,
    humanize,
    join,
    link,
    number,
    percent,
    raw,
    safe_url,
    tag,
)
from site_builder.site.pages.common import (
    circle_badge,
    people_links,
    relative_days,
    status_badge,
    tags,
    touch_badge,
    when,
)
from site_builder.site.palette import css_class

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
SHOWN_WITH = 6


def _fields(rows: Iterable[tuple[str, Html]]) -> Html:
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    return Html(f'<dl class="nd-fields">{items}</dl>') if items else EMPTY


def _headline(contact: Contact) -> Html:
    work = " at ".join(filter(None, (contact.role, contact.company)))
    parts = [p for p in (work, contact.location, contact.industry) if p]
    return tag("p", esc(" · ".join(parts)), class_="nd-lead") if parts else EMPTY


def _badges(contact: Contact, person: Person) -> Html:
    items = [circle_badge(contact.circle)]
    if contact.board_role:
        items.append(badge(f"board: {contact.board_role}", css_class("target", "on_track")))
    if person.quadrant:
        items.append(status_badge("quadrant", person.quadrant))
    if contact.archived:
        items.append(badge("archived", css_class("target", "upcoming")))
    return tag("p", join(items, " "))


def _annual(value: str | None, with_year: bool) -> Html:
    if value is None:
        return EMPTY
    year, month, day_of_month = annual_parts(value)
    return esc(f"{day_of_month} {MONTHS[month - 1]}" + (f" {year}" if year and with_year else ""))


def _touchpoint_card(site: Site, person: Person) -> Html:
    point = person.touchpoint
    if point is None:
        return card(
            esc("Next touchpoint"), tag("p", esc("Archived: no touchpoint."), class_="nd-muted")
        )
    rows = [
        ("Status", touch_badge(point.status)),
        ("Due", when(point.due, site.today)),
        ("Scheduled", when(point.scheduled, site.today) if point.scheduled else EMPTY),
        (
            "Last touch",
            when(point.last_touch, site.today) if point.last_touch else esc("never contacted"),
        ),
        ("Cadence", esc(f"every {point.cadence_days} days")),
        ("Snoozed to", day(point.snoozed_until) if point.snoozed_until else EMPTY),
        ("Dormant", esc("yes") if point.dormant else EMPTY),
        ("Priority", esc(f"#{point.priority:,} of {len(site.report.touchpoints):,}")),
    ]
    return card(esc("Next touchpoint"), _fields(rows))


def _strength_card(site: Site, source: str, person: Person) -> Html:
    strength = person.strength
    parts = (
        ("Recency", strength.recency),
        ("Frequency", strength.frequency),
        ("Reciprocity", strength.reciprocity),
    )
    rows = [
        (name, percent(share) + bar(share, "progress", f"{name.lower()} {share:.0%}"))
        for name, share in parts
    ]
    rows.append(("Touches in the last year", number(strength.touches_last_year)))
    scored = site.guide_link(source, GUIDE_RULES, "how it is scored")
    score = Html(f'<p><span class="nd-score">{strength.score}</span> / 100 · {scored}</p>')
    return card(esc("Relationship strength"), score + bar(strength.score / 100) + _fields(rows))


def _exchange_card(person: Person) -> Html:
    flow = person.reciprocity
    rows = [
        ("Gives", number(flow.gives)),
        ("Shares", number(flow.shares)),
        ("Asks", number(flow.asks)),
        ("Balance", esc(f"{flow.balance:+d}")),
    ]
    if person.trust is not None:
        trust = person.trust
        rows.append(
            (
                "Trust",
                esc(
                    f"{trust.score:.1f}  ({trust.credibility} + {trust.reliability}"
                    f" + {trust.intimacy}) / {trust.self_orientation}"
                ),
            )
        )
    return card(esc("Give and take"), _fields(rows))


def _help(contact: Contact) -> Html:
    them = contact.can_help_them
    me = contact.can_help_me
    if not them and not me:
        return EMPTY
    blocks = [
        admonition("tip", esc("How I can help them"), tag("p", esc(them or "Not noted yet."))),
        admonition("info", esc("How they can help me"), tag("p", esc(me or "Not noted yet."))),
    ]
    return grid(blocks, class_="nd-grid-2 nd-help")


def _met(site: Site, source: str, contact: Contact) -> Html:
    met = contact.met
    if met is None:
        return EMPTY
    parts: list[Html] = []
    if met.on:
        parts.append(day(met.on))
    if met.how:
        parts.append(esc(met.how))
    if met.event:
        name = site.event_names.get(met.event, met.event)
        parts.append(link(site.href(source, EVENTS), esc(name)))
    return join(parts, " · ")


def _profile(site: Site, source: str, contact: Contact) -> Html:
    dates = contact.dates
    rows = [
        ("Seniority", esc(contact.seniority or "")),
        ("Met", _met(site, source, contact)),
        ("Board seat", esc(contact.board_role or "")),
        ("Influence", esc(f"{contact.influence} / 5") if contact.influence else EMPTY),
        ("Accessibility", esc(f"{contact.accessibility} / 5") if contact.accessibility else EMPTY),
        ("Interests", tags(contact.interests)),
        ("Links", _links(site, contact)),
        ("Birthday", _annual(dates.birthday if dates else None, site.private)),
        ("Work anniversary", _annual(dates.work_anniversary if dates else None, True)),
        (
            "Own cadence",
            esc(f"every {contact.cadence_days} days") if contact.cadence_days else EMPTY,
        ),
        ("Snooze until", day(contact.snooze_until) if contact.snooze_until else EMPTY),
    ]
    return _fields(rows)


def _links(site: Site, contact: Contact) -> Html:
    """Named links; `mailto:` ones carry an email address, so only with private details."""
    shown = [
        external_link(url, humanize(name))
        for name, url in sorted(contact.links.items())
        if safe_url(url) and (site.private or not url.lower().startswith("mailto:"))
    ]
    return join(shown, " · ")


@lru_cache(maxsize=64)
def _heading(kind: str, value: str | None) -> str:
    """The fixed part of a timeline entry's heading (kind and value badge)."""
    value_badge = f" {status_badge('value', value)}" if value else ""
    return f"<strong>{esc(humanize(kind))}</strong>{value_badge}"


def _details(site: Site, source: str, contact_id: str, item: Interaction) -> str:
    details = []
    others = [c for c in item.with_ if c != contact_id]
    if others:
        details.append("with " + people_links(site, source, others, SHOWN_WITH))
    if item.introduced:
        details.append("introduced to " + people_links(site, source, item.introduced, SHOWN_WITH))
    if item.outcomes:
        details.append(esc("outcomes: " + ", ".join(humanize(o) for o in item.outcomes)))
    answers = [humanize(x) for x in (item.reply, item.meeting) if x]
    if answers:
        details.append(esc(", ".join(answers)))
    return f'<div class="nd-muted nd-small">{" · ".join(details)}</div>' if details else ""


def _interaction(site: Site, source: str, contact_id: str, item: Interaction) -> str:
    iso = item.date.isoformat()
    later = " (scheduled)" if item.date > site.today else ""
    summary = f"<div>{esc(item.summary)}</div>" if item.summary else ""
    promises = "".join(_follow_up(site, f) for f in item.follow_ups)
    colour = f" nd-value-{item.value}" if item.value else ""
    return (
        f'<li class="nd-item{colour}"><span class="nd-when"><time datetime="{iso}">{iso}'
        f"</time></span> {_heading(item.kind, item.value)}{later}{summary}"
        f"{_details(site, source, contact_id, item)}{promises}</li>"
    )


def _follow_up(site: Site, promise: FollowUp) -> str:
    if promise.done is not None:
        state, mark = f"done {promise.done.isoformat()}", "✓"
    elif promise.due is not None:
        state = f"open, due {promise.due.isoformat()} ({relative_days(promise.due, site.today)})"
        mark = "○"
    else:
        state, mark = "open", "○"
    return f'<div class="nd-small">{esc(f"{mark} {promise.do} — {state}")}</div>'


def _timeline(site: Site, source: str, contact_id: str) -> str:
    items = site.interactions_of(contact_id)
    if not items:
        return '<p class="nd-muted">No interaction logged yet.</p>'
    entries = "".join(_interaction(site, source, contact_id, i) for i in reversed(items))
    return f'<ul class="nd-timeline">{entries}</ul>'


def _private(site: Site, contact: Contact) -> Html:
    details = contact.private
    if not site.private or details is None:
        return EMPTY
    email = external_link(f"mailto:{details.email}", details.email) if details.email else EMPTY
    rows = [
        ("Email", email),
        ("Phone", esc(details.phone or "")),
        ("Family", esc(details.family or "")),
        ("Hobbies", tags(details.hobbies)),
        ("Notes", esc(details.notes or "")),
    ]
    return admonition("note", esc("Private"), _fields(rows), class_="nd-private")


def summary(contact: Contact, person: Person) -> Html:
    """The top of the page, the part that search indexes."""
    return (
        tag("h1", esc(contact.name))
        + _headline(contact)
        + _badges(contact, person)
        + tag("p", tags([*contact.tags, *contact.interests]))
        + _help(contact)
    )


def body(site: Site, person: Person) -> str:
    """The rest of the page: cards, profile, private details (when published) and the
    timeline; kept out of the search index."""
    source = person_uri(person.contact)
    contact = site.dataset.contacts[person.contact]
    cards = grid(
        [
            _touchpoint_card(site, person),
            _strength_card(site, source, person),
            _exchange_card(person),
        ],
        class_="nd-grid-3",
    )
    return (
        f"<div data-search-exclude>{cards}<h2>Profile</h2>"
        f"{_profile(site, source, contact)}{_private(site, contact)}"
        f"<h2>Timeline</h2>{_timeline(site, source, person.contact)}</div>"
    )


def render(site: Site, person: Person) -> GeneratedPage:
    """The page of one person."""
    contact = site.dataset.contacts[person.contact]
    later = Later()
    html = summary(contact, person) + raw(later(lambda: body(site, person)))
    return GeneratedPage(
        person_uri(person.contact),
        "",
        title=esc(contact.name),
        in_nav=False,
        wide=True,
        deferred=later.parts,
        html=html,
        template="netdash/person.html",
    )
