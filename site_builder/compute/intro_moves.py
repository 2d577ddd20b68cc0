"""The agenda's introductions: "follow up with both" two weeks after an introduction, and
the suggested pairs that become gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from site_builder.compute.index import Index
from site_builder.compute.intros import followed_up
from site_builder.compute.report import AgendaItem, Introduction, IntroSuggestion
from site_builder.drafts.facts import first_name


def follow_ups(
    index: Index, made: Iterable[Introduction], start: dt.date, end: dt.date
) -> Iterator[AgendaItem]:
    """For each introduction whose follow-up day falls this week, between active people,
    an item unless both have been in touch since it (`made`: latest first)."""
    active = index.contacts
    for intro in made:
        if intro.follow_up < start:
            break  # the rest are older
        if intro.follow_up > end:
            continue
        people = (intro.first, intro.second)
        if any(c not in active or active[c].archived for c in people):
            continue
        waiting = [c for c in people if not followed_up(index, c, intro.date)]
        if waiting:
            yield _follow_up(intro, waiting, index.name(intro.first), index.name(intro.second))


def _follow_up(intro: Introduction, waiting: list[str], first: str, second: str) -> AgendaItem:
    heard = "" if len(waiting) == 2 else " · heard from one since"
    return AgendaItem(
        "intro_follow_up",
        waiting[0],
        f"{first}, {second}",
        intro.follow_up,
        f"introduced {first} to {second} on {intro.date:%a %d %b} · two weeks on{heard}",
        "Follow up with both: did you meet, was it useful?",
        "check_in",
        key=f"intro-{intro.first}-{intro.second}-{intro.date}",
        other=intro.second if waiting[0] == intro.first else intro.first,
    )


def gives(suggestions: Iterable[IntroSuggestion]) -> Mapping[str, IntroSuggestion]:
    """Each pair offered to one of its two people (the first one not offered a better pair
    already), best pairs first: the gives the agenda may choose."""
    offered: dict[str, IntroSuggestion] = {}
    for pair in suggestions:
        for contact in (pair.first, pair.second):
            if contact not in offered:
                offered[contact] = pair
                break
    return offered


def give(contact: str, name: str, pair: IntroSuggestion, score: float) -> AgendaItem:
    """Introduce them to the other person of their pair."""
    other, other_name = (
        (pair.second, pair.second_name) if pair.first == contact else (pair.first, pair.first_name)
    )
    return AgendaItem(
        "give",
        contact,
        name,
        None,
        f"introduce them to {other_name} · {pair.reasons[0]}",
        f"Introduce {first_name(name)} and {first_name(other_name)}: one short note to both",
        "intro_both",
        key=f"touchpoint-{contact}",
        score=score,
        other=other,
    )
