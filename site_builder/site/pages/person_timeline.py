"""A person's timeline, newest first, as plain values for `pages/person_body.html`: one
entry per interaction, with the people met alongside and the promises made."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from site_builder.models import FollowUp, Interaction
from site_builder.site.context import Site
from site_builder.site.pages.common import people_links, status_badge
from site_builder.site.views import People, humanize, relative_days

SHOWN_WITH = 6
"""The people named alongside on an entry; the rest are counted."""


class Detail(NamedTuple):
    """A part of a timeline entry's detail line: words, then linked people if any."""

    words: str
    people: People | None = None


class Entry(NamedTuple):
    """One interaction on the timeline (a tuple, for the template to unpack: there are
    many)."""

    date: str
    kind: str
    colour: str
    """The value's palette class (`value-give`), `""` when no value is noted."""
    value: str
    later: bool
    summary: str
    details: tuple[Detail, ...]
    promises: tuple[str, ...]


def timeline(site: Site, source: str, contact_id: str) -> tuple[Entry, ...]:
    """Every interaction with a contact, newest first."""
    today = site.today
    return tuple(
        [
            _entry(site, source, contact_id, item, today)
            for item in reversed(site.interactions_of(contact_id))
        ]
    )


def _entry(site: Site, source: str, contact_id: str, item: Interaction, today: dt.date) -> Entry:
    # Most interactions are with one person and have no detail line or promise.
    alone = len(item.with_) < 2 and not (item.introduced or item.outcomes)
    plain = alone and not (item.reply or item.meeting)
    return Entry(
        item.date.isoformat(),
        *_heading(item.kind, item.value),
        item.date > today,
        item.summary or "",
        () if plain else _details(site, source, contact_id, item),
        tuple([_follow_up(site, f) for f in item.follow_ups]) if item.follow_ups else (),
    )


@lru_cache(maxsize=256)
def _heading(kind: str, value: str | None) -> tuple[str, str, str]:
    """An entry's kind as words, and the colour and label of its value badge (`""` when
    no value is noted)."""
    if not value:
        return humanize(kind), "", ""
    badge = status_badge("value", value)
    return humanize(kind), badge.colour, badge.label


def _details(site: Site, source: str, contact_id: str, item: Interaction) -> tuple[Detail, ...]:
    details = []
    others = [c for c in item.with_ if c != contact_id]
    if others:
        details.append(Detail("with ", people_links(site, source, others, SHOWN_WITH)))
    if item.introduced:
        people = people_links(site, source, item.introduced, SHOWN_WITH)
        details.append(Detail("introduced to ", people))
    if item.outcomes:
        details.append(Detail("outcomes: " + ", ".join(humanize(o) for o in item.outcomes)))
    answers = [humanize(x) for x in (item.reply, item.meeting) if x]
    if answers:
        details.append(Detail(", ".join(answers)))
    return tuple(details)


def _follow_up(site: Site, promise: FollowUp) -> str:
    if promise.done is not None:
        state, mark = f"done {promise.done.isoformat()}", "✓"
    elif promise.due is not None:
        state = f"open, due {promise.due.isoformat()} ({relative_days(promise.due, site.today)})"
        mark = "○"
    else:
        state, mark = "open", "○"
    return f"{mark} {promise.do} — {state}"
