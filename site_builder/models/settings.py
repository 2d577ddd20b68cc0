"""`data/settings.yml`: the owner and the rules' parameters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from pydantic import Field, field_validator, model_validator

from site_builder.models.types import Days, IsoDate, Model, Number, Text


class CircleDays(Model):
    """Days between touches for each circle."""

    inner: Days = Field(30, description="Inner circle, monthly by default.")
    middle: Days = Field(90, description="Middle circle, quarterly by default.")
    outer: Days = Field(365, description="Outer circle, yearly by default.")


class Band(Model):
    """How many people a circle should hold."""

    min: int = Field(0, ge=0, description="At least this many.")
    max: int | None = Field(None, ge=0, description="At most this many; empty for no limit.")

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Band:
        if self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class CircleTargets(Model):
    """Target sizes of the three circles."""

    inner: Band = Field(Band(min=5, max=10), description="Default 5-10.")
    middle: Band = Field(Band(min=30, max=50), description="Default 30-50.")
    outer: Band = Field(Band(min=150), description="Default 150 or more.")


class ValueMix(Model):
    """The target mix of interactions, in percent (social ones excluded)."""

    give: Number = Field(70, ge=0, le=100, description="Percent of giving.")
    share: Number = Field(20, ge=0, le=100, description="Percent of sharing insights.")
    ask: Number = Field(10, ge=0, le=100, description="Percent of asking.")

    @model_validator(mode="after")
    def _sums_to_100(self) -> ValueMix:
        if abs(self.give + self.share + self.ask - 100) > 1e-6:
            raise ValueError("give + share + ask must add up to 100")
        return self


class Publish(Model):
    """What the built site may show."""

    private_details: bool = Field(
        False,
        description="Publish `private:` details (email, phone, ...). Keep off on public hosts.",
    )


class Pitch(Model):
    """Your 30-second introduction: who you are, what you do, and a hook."""

    who: Text = Field(description="Who you are, e.g. 'Alex, a product lead at Ledgerline'.")
    what: Text = Field(description="What you do or offer, in one sentence.")
    hook: Text = Field(description="Something memorable, or a question to start a conversation.")


class Settings(Model):
    """The owner and the parameters of the rules."""

    owner: Text = Field(description="Your name.")
    timezone: str = Field("Europe/London", description="IANA time zone that decides 'today'.")
    roadmap_start: IsoDate = Field(dt.date(2026, 1, 1), description="First day of roadmap month 1.")
    cadence_days: CircleDays = Field(CircleDays(), description="Days between touches per circle.")
    circle_targets: CircleTargets = Field(CircleTargets(), description="Target circle sizes.")
    value_mix_target: ValueMix = Field(ValueMix(), description="The 70-20-10 rule, in percent.")
    dormant_after: Number = Field(
        2.0, gt=0, description="A contact is dormant after this many intervals without a touch."
    )
    due_soon_days: int = Field(7, ge=0, description="'Soon' means due within this many days.")
    publish: Publish = Field(Publish(), description="Whether private details are published.")
    pitch: Pitch | None = Field(
        None,
        description="Your 30-second introduction, used by the message drafts and prep sheets.",
    )
    today: IsoDate | None = Field(
        None,
        description=(
            "For a demo written for one day: the day to show when neither --today nor "
            "NETDASH_TODAY is given. Leave it out for your own data."
        ),
    )
    weekly_budget: int = Field(
        10,
        ge=1,
        le=1000,
        description="Moves a week the agenda plans: dated items always enter, touches up to this.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name like Europe/London)"
            ) from None
        return value
