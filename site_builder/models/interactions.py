"""Interactions: every touch with one or more people, in `data/interactions/*.yml`."""

from __future__ import annotations

from pydantic import Field, model_validator

from site_builder.models.templates import TemplateId
from site_builder.models.types import (
    Initiator,
    InteractionKind,
    IsoDate,
    MeetingAnswer,
    Model,
    Outcome,
    Reply,
    Slug,
    Slugs,
    Text,
    Value,
)


class FollowUp(Model):
    """Something promised during an interaction."""

    do: Text = Field(description="What to do.")
    due: IsoDate | None = Field(None, description="When it is due.")
    done: IsoDate | None = Field(None, description="When it was done; empty while open.")


class Interaction(Model):
    """One touch: a coffee, a call, a message, an intro."""

    date: IsoDate = Field(description="When it happened (or will: a future date schedules it).")
    with_: Slugs = Field(
        default_factory=list,
        alias="with",
        description="Contact ids, one or more; left out for an activity in a `community` alone.",
    )
    kind: InteractionKind = Field(description="coffee, call, video, meeting, email, message, ...")
    value: Value | None = Field(None, description="give, share, ask or social (the 70-20-10 rule).")
    initiated: Initiator | None = Field(None, description="me or them.")
    reply: Reply | None = Field(
        None, description="For outreach you started: replied, no_reply, pending."
    )
    meeting: MeetingAnswer | None = Field(
        None, description="For a meeting you asked for: accepted, declined."
    )
    summary: str | None = Field(None, description="What it was about.")
    outcomes: list[Outcome] = Field(default_factory=list, description="What came of it.")
    introduced: Slugs = Field(
        default_factory=list, description="People you introduced the `with` contacts to."
    )
    follow_ups: list[FollowUp] = Field(default_factory=list, description="What you promised.")
    planned: bool = Field(
        False,
        description="Booked, not yet confirmed: a touch only once confirmed (the key removed).",
    )
    community: Slug | None = Field(
        None, description="Id of the community (communities.yml) it took place in or for."
    )
    template: TemplateId | None = Field(
        None, description="The message template the outreach used (`netdash draft`'s ids)."
    )
    replied_on: IsoDate | None = Field(
        None, description="When they answered your outreach: a reply, counted from `date`."
    )
    event: Slug | None = Field(None, description="Id of the event in events.yml where it happened.")

    @model_validator(mode="after")
    def _someone_or_somewhere(self) -> Interaction:
        if self.with_:
            return self
        if self.community is None:
            raise ValueError("an interaction names `with` (contact ids) or a `community`")
        wrong = [key for key in CONTACT_ONLY if getattr(self, key)]
        if wrong:
            raise ValueError(
                f"{', '.join(wrong)} need people in `with`; "
                "an activity in a community alone has none"
            )
        return self


CONTACT_ONLY = (
    "reply",
    "replied_on",
    "template",
    "meeting",
    "introduced",
    "follow_ups",
    "planned",
)
"""Keys that only an interaction with people can hold."""
