"""A contact: one person, one file `data/contacts/<id>.yml`."""

from __future__ import annotations

from pydantic import Field

from site_builder.models.types import (
    AnnualDate,
    BoardRole,
    Circle,
    Days,
    IsoDate,
    Link,
    Model,
    NewsKind,
    Score5,
    Score10,
    Seniority,
    Slug,
    Text,
)


class Met(Model):
    """How and when the owner met this person."""

    on: IsoDate | None = Field(None, description="The day you met.")
    how: str | None = Field(None, description="How you met, in a few words.")
    event: Slug | None = Field(None, description="Id of the event in events.yml where you met.")
    community: Slug | None = Field(
        None, description="Id of the community in communities.yml where you met."
    )


class Trust(Model):
    """The trust equation: (credibility + reliability + intimacy) / self-orientation."""

    credibility: Score10 = Field(description="1-10: how believable their word is.")
    reliability: Score10 = Field(description="1-10: how dependable they are.")
    intimacy: Score10 = Field(description="1-10: how safe it feels to share with them.")
    self_orientation: Score10 = Field(description="1-10: how much they focus on themselves.")


class KeyDates(Model):
    """Dates that come back every year."""

    birthday: AnnualDate | None = Field(None, description="MM-DD, or YYYY-MM-DD.")
    work_anniversary: AnnualDate | None = Field(None, description="MM-DD, or YYYY-MM-DD.")


class Private(Model):
    """Details that never reach the built site unless `publish.private_details` is on."""

    email: str | None = Field(None, description="Email address.")
    phone: str | None = Field(None, description="Phone number.")
    family: str | None = Field(None, description="Family, in your words.")
    hobbies: list[str] = Field(default_factory=list, description="Hobbies.")
    notes: str | None = Field(None, description="Anything else to remember.")


class News(Model):
    """Something that happened to them: a new job, a promotion, a launch, an award."""

    date: IsoDate = Field(description="When it happened (or when you heard).")
    kind: NewsKind = Field(description="new_job, promotion, launch, award, laid_off or other.")
    text: Text = Field(description="The news in a few words.")


class Contact(Model):
    """One person in the network. The id is the file name without `.yml`."""

    name: Text = Field(description="Full name.")
    circle: Circle = Field(description="inner (monthly), middle (quarterly) or outer (yearly).")
    company: str | None = Field(None, description="Where they work.")
    role: str | None = Field(None, description="Their job title.")
    industry: str | None = Field(None, description="Their industry.")
    location: str | None = Field(None, description="City and country.")
    seniority: Seniority | None = Field(None, description="junior, mid, senior or executive.")
    met: Met | None = Field(None, description="When and how you met.")
    board_role: BoardRole | None = Field(
        None, description="Seat on your personal board: sponsor, mentor, coach, connector, peer."
    )
    influence: Score5 | None = Field(None, description="1-5: reach in your field.")
    accessibility: Score5 | None = Field(None, description="1-5: how easy they are to reach.")
    trust: Trust | None = Field(None, description="The four parts of the trust equation.")
    interests: list[str] = Field(default_factory=list, description="What they care about.")
    can_help_them: str | None = Field(None, description="How you can help them.")
    can_help_me: str | None = Field(None, description="How they could help you.")
    cadence_days: Days | None = Field(
        None, description="Days between touches; overrides the circle's."
    )
    snooze_until: IsoDate | None = Field(None, description="No touchpoint is due before this day.")
    tags: list[str] = Field(default_factory=list, description="Free labels.")
    links: dict[str, Link] = Field(
        default_factory=dict, description="Named links: https://, http:// or mailto:."
    )
    dates: KeyDates | None = Field(None, description="Birthday and work anniversary.")
    private: Private | None = Field(None, description="Never published unless you opt in.")
    archived: bool = Field(
        False, description="Archived people keep their history, get no touchpoint."
    )
    news: list[News] = Field(
        default_factory=list, description="Their news, dated: to congratulate or to support."
    )
