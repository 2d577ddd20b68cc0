"""`data/templates.yml`: your own wording for the message drafts, and the placeholders
a template may use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from site_builder.models.types import Model, Text

TEMPLATE_ID_PATTERN = r"^[a-z0-9]+(_[a-z0-9]+)*$"
_TEMPLATE_ID = re.compile(TEMPLATE_ID_PATTERN)
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
"""`{name}`: replaced by a value from the data."""
MARKER = re.compile(r"‹([^‹›]*)›")
"""`‹what to write›`: a part only you can write."""


@dataclass(frozen=True)
class Placeholder:
    """A name a template may write in braces: where its value comes from, what the draft
    asks you to write when the data has none, and whether it quotes a private detail."""

    source: str
    marker: str
    private: bool = False


PLACEHOLDERS: dict[str, Placeholder] = {
    "first_name": Placeholder("the contact's first name", "their first name"),
    "name": Placeholder("the contact's full name", "their name"),
    "company": Placeholder("the contact's `company`", "their company"),
    "role": Placeholder("the contact's `role`", "their role"),
    "interests": Placeholder(
        "the contact's first one or two `interests`, joined in words", "what they care about"
    ),
    "can_help_them": Placeholder("the contact's `can_help_them`", "how you can help them"),
    "can_help_me": Placeholder("the contact's `can_help_me`", "how they could help you"),
    "last_topic": Placeholder(
        "the `summary` of your last interaction with them", "what you last talked about"
    ),
    "last_date": Placeholder("the date of that interaction, in words", "when you last spoke"),
    "event": Placeholder(
        "the event passed in, else the one you met them at", "the event where you met"
    ),
    "event_date": Placeholder("that event's first day, in words", "when the event was"),
    "promise": Placeholder(
        "the earliest open follow-up promised to them (its `do`)", "what you promised"
    ),
    "other_name": Placeholder("the other person's full name (introductions)", "who to introduce"),
    "other_first_name": Placeholder(
        "the other person's first name", "the other person's first name"
    ),
    "other_company": Placeholder("the other person's `company`", "the other person's company"),
    "owner": Placeholder("your name (`owner` in settings)", "your name"),
    "owner_first_name": Placeholder("your first name", "your first name"),
    "pitch": Placeholder(
        "your 30-second introduction (`pitch` in settings)", "your 30-second introduction"
    ),
    "hobbies": Placeholder(
        "the contact's `private.hobbies`, joined in words", "their hobbies", private=True
    ),
    "family": Placeholder("the contact's `private.family`", "their family", private=True),
}


def _template_id(value: str) -> str:
    if not _TEMPLATE_ID.match(value):
        raise ValueError(
            f"{value!r} is not a template id (lowercase words joined by _, e.g. check_in)"
        )
    return value


TemplateId = Annotated[
    str,
    AfterValidator(_template_id),
    WithJsonSchema({"type": "string", "pattern": TEMPLATE_ID_PATTERN}),
]
"""A template's id: lowercase words joined by `_` (`check_in`)."""


class MessageTemplate(Model):
    """A message draft: yours replaces the built-in template of the same id, or adds one.

    Write `{placeholder}` for a value from the data and `‹what to write›` for a part only
    you can write. A key left out keeps the built-in template's (`subject: ""` drops it).
    """

    title: str | None = Field(None, description="A short name for the template.")
    when: str | None = Field(None, description="When to use it, in one line.")
    subject: str | None = Field(None, description="The subject line, for an email.")
    body: Text = Field(description="The message, with `{placeholders}` and `‹markers›`.")


Templates = dict[TemplateId, MessageTemplate]
"""The whole file: template id -> template."""
