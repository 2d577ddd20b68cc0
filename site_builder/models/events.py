"""Events, communities and journal entries."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator
from slugify import slugify

from site_builder.models.types import (
    CommunityKind,
    CommunityRole,
    EventKind,
    EventRole,
    IsoDate,
    Link,
    Model,
    Slug,
    Slugs,
    Text,
)


class Event(Model):
    """A conference, meetup, workshop, webinar or social gathering."""

    id: Slug = Field(description="Unique id, referred to by contacts' `met.event` and the journal.")
    name: Text = Field(description="The event's name.")
    date: IsoDate = Field(description="First day.")
    end: IsoDate | None = Field(None, description="Last day; defaults to `date`.")
    kind: EventKind | None = Field(
        None, description="conference, meetup, workshop, webinar, social."
    )
    role: EventRole | None = Field(None, description="attendee, speaker, host or volunteer.")
    goal_new_contacts: int | None = Field(
        None, ge=0, description="How many people you meant to meet."
    )
    met: Slugs = Field(default_factory=list, description="Contact ids of people met there.")
    targets: Slugs = Field(
        default_factory=list, description="Contact ids of people you mean to meet there."
    )
    topics: list[Text] = Field(
        default_factory=list, description="What the event is about, or what you want to talk of."
    )
    prep: str | None = Field(None, description="Your notes to prepare: whom to ask about what.")

    @property
    def last_day(self) -> IsoDate:
        """The event's last day: `end`, or `date` for a one-day event."""
        return self.end or self.date

    @model_validator(mode="after")
    def _end_not_before_date(self) -> Event:
        if self.end is not None and self.end < self.date:
            raise ValueError(f"end {self.end} is before date {self.date}")
        return self


def community_id(name: str) -> str:
    """The id a community's name gives: `Fintech Women & Allies` -> `fintech-women-allies`."""
    return str(slugify(name, replacements=[["'", ""], ["\u2019", ""]]))


def _no_default(schema: dict[str, Any]) -> None:
    """The schema shows no default: the id's default is made from the name."""
    schema.pop("default", None)


class Community(Model):
    """A community you belong to."""

    id: Slug = Field(
        "",
        validate_default=True,
        description="Unique id, referred to by contacts' `met.community` and interactions' "
        "`community`; defaults to the name made a slug (`Product Guild` -> `product-guild`).",
        json_schema_extra=_no_default,
    )
    name: Text = Field(description="The community's name.")
    kind: CommunityKind = Field(description="association, online, learning or non-work.")
    joined: IsoDate = Field(description="When you joined.")
    left: IsoDate | None = Field(None, description="When you left, if you did.")
    role: CommunityRole | None = Field(
        None, description="member, volunteer, committee, board, organizer."
    )
    url: Link | None = Field(None, description="Its website.")
    role_since: IsoDate | None = Field(
        None, description="When you took up `role`; defaults to `joined`."
    )

    @model_validator(mode="before")
    @classmethod
    def _id_from_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is None and isinstance(data.get("name"), str):
            return {**data, "id": community_id(data["name"])}
        return data

    @model_validator(mode="after")
    def _left_not_before_joined(self) -> Community:
        if self.left is not None and self.left < self.joined:
            raise ValueError(f"left {self.left} is before joined {self.joined}")
        if self.role_since is not None and self.role_since < self.joined:
            raise ValueError(f"role_since {self.role_since} is before joined {self.joined}")
        return self


class About(Model):
    """What a journal entry reflects on: one event or one contact."""

    event: Slug | None = Field(None, description="An event id.")
    contact: Slug | None = Field(None, description="A contact id.")

    @model_validator(mode="after")
    def _exactly_one(self) -> About:
        if (self.event is None) == (self.contact is None):
            raise ValueError("about names either an event or a contact")
        return self


class JournalAction(Model):
    """Something to do that a reflection brought up: an agenda item until it is done."""

    do: Text = Field(description="What to do.")
    due: IsoDate | None = Field(
        None, description="When it is due; a week after the entry when left out."
    )
    contact: Slug | None = Field(
        None, description="Contact id of whom it concerns; else the entry's `about.contact`."
    )
    done: IsoDate | None = Field(None, description="When it was done; empty while open.")


class JournalEntry(Model):
    """A reflection after an event or a conversation."""

    date: IsoDate = Field(description="When you wrote it.")
    about: About | None = Field(None, description="{event: id} or {contact: id}.")
    went_well: str | None = Field(None, description="What went well.")
    improve: str | None = Field(None, description="What to do better next time.")
    feedback_from: Slug | None = Field(None, description="Contact id of who gave feedback.")
    learned: list[Text] = Field(
        default_factory=list, description="Skills and knowledge gained, one a line."
    )
    actions: list[JournalAction] = Field(
        default_factory=list, description="What to do next: each becomes a follow-up."
    )
