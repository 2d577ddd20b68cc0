"""A small catalogue of conversation openers, keyed by situation: the kind of event, your
role at it, and what you know of the person (a shared topic, a past conversation, their
interests, their company). Our own words, after the source texts' conversation starters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

ROOM: Mapping[str, tuple[str, ...]] = {
    "conference": (
        "Which session so far has been worth the trip?",
        "What made you pick this conference this year?",
    ),
    "meetup": (
        "Is this your first time at this group, or are you a regular?",
        "What are you building at the moment?",
    ),
    "workshop": (
        "What do you hope to take back to your team from today?",
        "Have you tried this in your own work yet?",
    ),
    "webinar": (
        "What made you sign up for this one?",
        "Which part of today's topic is closest to your own work?",
    ),
    "social": (
        "How do you know our host?",
        "What has kept you busy lately, outside work?",
    ),
}
"""For anyone in the room, by the event's kind."""
ANY_ROOM = ("What brought you here today?", "What are you working on these days?")
"""When the event has no kind."""
ROLE: Mapping[str, str] = {
    "speaker": "After your talk, ask: what would you like to try from it?",
    "host": "As the host, introduce people: 'Have you met …? You both work on …'.",
    "volunteer": "From the welcome desk, ask: who are you hoping to meet today?",
}
"""One more line for your role, when it is not attendee."""
QUESTIONS = (
    "How did you end up doing that?",
    "What is the hardest part of it at the moment?",
    "What are you most looking forward to there?",
    "Is there anyone here you think I ought to meet?",
)
"""Questions that keep a conversation going once it has started."""
LAST_TIME: Mapping[str, str] = {
    "coffee": "our coffee",
    "call": "our call",
    "video": "our video call",
    "meeting": "our meeting",
    "email": "your last email",
    "message": "your last message",
    "linkedin": "we connected",
    "event": "we last met",
    "intro": "the introduction",
    "gift": "we last spoke",
    "other": "we last spoke",
}
"""How the last conversation is named in an opener, by its kind."""


def room_openers(kind: str | None, role: str | None) -> tuple[str, ...]:
    """First lines for anyone at an event of this kind, and one for your role."""
    openers = ROOM.get(kind or "", ANY_ROOM)
    extra = ROLE.get(role or "")
    return (*openers, extra) if extra else openers


def target_opener(
    event: str,
    *,
    shared_topic: str | None,
    last_touch: dt.date | None,
    last_kind: str | None,
    interest: str | None,
    company: str | None,
) -> str:
    """The first line for one person: the most specific situation that applies, in this
    order: a topic of the event they care about, a past conversation, an interest, their
    company, else why they came."""
    if shared_topic is not None:
        return f"I hear you work on {shared_topic}: what is the hardest part of it right now?"
    if last_touch is not None:
        since = f"{LAST_TIME.get(last_kind or '', 'we last spoke')} in {last_touch:%B %Y}"
        return f"Good to see you again: what has changed since {since}?"
    if interest is not None:
        return f"How did you first get into {interest}?"
    if company is not None:
        return f"What are you working on at {company} these days?"
    return f"What brought you to {event}?"
