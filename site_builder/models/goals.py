"""The 12-month roadmap, the habits, and manual measurements."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Literal, get_args

from pydantic import Field, GetCoreSchemaHandler, field_validator, model_validator
from pydantic_core import core_schema

from site_builder.models.types import (
    BoardRole,
    Circle,
    CommunityKind,
    CommunityRole,
    EventKind,
    EventRole,
    InteractionKind,
    IsoDate,
    Model,
    Number,
    Outcome,
    Seniority,
    Text,
    Value,
)

InteractionMetric = Literal[
    "interactions",
    "meetings",
    "gives",
    "shares",
    "asks",
    "introductions_made",
    "dormant_reconnected",
    "referrals",
    "opportunities",
]
"""The metrics counted from interactions: each can be filtered by who, kind and value."""
MetricName = Literal[
    "new_contacts",
    InteractionMetric,
    "events_attended",
    "events_hosted",
    "communities_joined",
    "circle_size",
    "board_filled",
    "community_activities",
    "reviews_done",
    "relationships_deepened",
    "strong_relationships",
]
CONTACT_KEYS: tuple[str, ...] = (
    "circle",
    "tag",
    "industry",
    "seniority",
    "board_role",
    "influence_min",
    "accessibility_min",
)
INTERACTION_METRICS: frozenset[str] = frozenset(get_args(InteractionMetric))
APPLICABLE_KEYS: Mapping[str, frozenset[str]] = {
    **{
        name: frozenset({*CONTACT_KEYS, "kind", "value", "outcome"}) for name in INTERACTION_METRICS
    },
    "new_contacts": frozenset({*CONTACT_KEYS, "kind", "role"}),
    "events_attended": frozenset({"kind", "role"}),
    "events_hosted": frozenset({"kind", "role"}),
    "communities_joined": frozenset({"kind", "role"}),
    "circle_size": frozenset(CONTACT_KEYS),
    "board_filled": frozenset(CONTACT_KEYS),
    "community_activities": frozenset({"kind", "value"}),
    "reviews_done": frozenset(),
    "relationships_deepened": frozenset(CONTACT_KEYS),
    "strong_relationships": frozenset(CONTACT_KEYS),
}
"""The `where` keys that can filter each metric (see the scheduling rules guide)."""

SeriesName = Annotated[str, Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
_MONTHS = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")


class MonthSpan(str):
    """Roadmap months as written (`1-3`, `4`), read once: `first` and `last`."""

    first: int
    last: int

    @classmethod
    def parse(cls, text: str) -> MonthSpan:
        """`1-3` or `4`, within 1-12; anything else is a `ValueError` in plain words."""
        match = _MONTHS.match(text.strip())
        first, last = (
            (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        )
        if not (1 <= first <= last <= 12):
            raise ValueError(f"months must be like `1-3` or `4`, within 1-12, got {text!r}")
        span = cls(text)
        span.first, span.last = first, last
        return span

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: object, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls.parse, core_schema.str_schema())


class Where(Model):
    """Filters a metric: each given key must hold."""

    circle: Circle | None = Field(None, description="Only contacts in this circle.")
    kind: InteractionKind | EventKind | CommunityKind | None = Field(
        None, description="Only interactions, events or communities of this kind."
    )
    value: Value | None = Field(None, description="Only interactions of this value.")
    role: EventRole | CommunityRole | None = Field(
        None, description="Only events, or communities, where you had this role."
    )
    tag: str | None = Field(None, description="Only contacts with this tag.")
    industry: str | None = Field(None, description="Only contacts in this industry.")
    seniority: Seniority | None = Field(None, description="Only contacts of this seniority.")
    board_role: BoardRole | None = Field(None, description="Only contacts with this board role.")
    influence_min: int | None = Field(
        None, ge=1, le=5, description="Only contacts this influential."
    )
    accessibility_min: int | None = Field(
        None, ge=1, le=5, description="Only contacts this accessible."
    )
    outcome: Outcome | None = Field(
        None, description="Only interactions with this outcome (opportunities: only it)."
    )


def check_where(metric: str | None, where: Where | None) -> None:
    """Refuse `where` keys that cannot filter `metric` (they would match nothing)."""
    if metric is None or where is None:
        return
    applicable = APPLICABLE_KEYS.get(metric, frozenset())
    wrong = [key for key, value in where if value is not None and key not in applicable]
    if wrong:
        raise ValueError(
            f"where: {', '.join(wrong)} cannot filter {metric}; it takes "
            + (", ".join(sorted(applicable)) or "no filter")
        )
    roles = get_args(CommunityRole if metric == "communities_joined" else EventRole)
    if where.role is not None and where.role not in roles:
        raise ValueError(
            f"where: role {where.role!r} is not a role of {metric}: {', '.join(roles)}"
        )


class Target(Model):
    """One roadmap target: a computed metric, a manual measure, or a milestone."""

    metric: MetricName | None = Field(None, description="A computed metric's name.")
    measure: SeriesName | None = Field(None, description="A series of metrics.yml.")
    milestone: Text | None = Field(None, description="A one-off step, ticked with `done`.")
    target: Number | None = Field(None, gt=0, description="The number to reach (metric, measure).")
    where: Where | None = Field(None, description="Filters for a metric.")
    done: IsoDate | None = Field(None, description="When a milestone was done.")

    @model_validator(mode="after")
    def _one_kind(self) -> Target:
        kinds = [k for k in ("metric", "measure", "milestone") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("a target names exactly one of metric, measure or milestone")
        if self.milestone is None and self.target is None:
            raise ValueError(f"a {kinds[0]} target needs `target: <number>`")
        if self.milestone is not None and self.target is not None:
            raise ValueError("a milestone has no `target` number; mark it with `done: <date>`")
        if self.where is not None and self.metric is None:
            raise ValueError("`where` filters only a metric")
        if self.done is not None and self.milestone is None:
            raise ValueError("`done` belongs to a milestone; metrics and measures are computed")
        check_where(self.metric, self.where)
        return self


class Phase(Model):
    """A stretch of the roadmap, `months: 4-6` counted from `roadmap_start`."""

    phase: Text = Field(description="The phase's name.")
    months: MonthSpan = Field(description="Roadmap months, `1-3` or `4`, within 1-12.")
    targets: list[Target] = Field(default_factory=list, description="What to reach by its end.")

    @field_validator("months", mode="before")
    @classmethod
    def _months_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @property
    def month_range(self) -> tuple[int, int]:
        """First and last roadmap month of the phase."""
        return self.months.first, self.months.last


class Habit(Model):
    """A recurring target: every week, month or quarter."""

    every: Literal["week", "month", "quarter"] = Field(description="week, month or quarter.")
    metric: MetricName = Field(description="A computed metric's name.")
    target: Number = Field(gt=0, description="The number to reach each period.")
    where: Where | None = Field(None, description="Filters for the metric.")

    @model_validator(mode="after")
    def _where_applies(self) -> Habit:
        check_where(self.metric, self.where)
        return self


class Goals(Model):
    """`data/goals.yml`: the roadmap and the habits."""

    roadmap: list[Phase] = Field(
        default_factory=list, description="The phases of the 12-month plan."
    )
    habits: list[Habit] = Field(default_factory=list, description="Recurring targets.")


class Measurement(Model):
    """One reading of a manual series."""

    date: IsoDate = Field(description="When it was measured.")
    value: Number = Field(description="The reading.")
