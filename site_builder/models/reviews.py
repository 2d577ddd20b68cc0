"""`data/reviews.yml`: the quarterly reviews and the decisions taken in each."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from site_builder.models.types import Circle, IsoDate, Model, Slug, Text

ReviewAction = Literal["keep", "prune", "promote", "demote", "archive", "move"]
"""What a review decided about one person."""
QUARTER_PATTERN = r"^\d{4}Q[1-4]$"
Quarter = Annotated[str, Field(pattern=QUARTER_PATTERN)]
"""A calendar quarter, `2026Q4`."""
CIRCLE_ACTIONS: frozenset[str] = frozenset({"promote", "demote", "move"})
"""The actions that can name the circle a person goes to."""


class Decision(Model):
    """One decision of a review about one person."""

    contact: Slug = Field(description="The contact's id.")
    action: ReviewAction = Field(description="keep, prune, promote, demote, archive or move.")
    circle: Circle | None = Field(
        None, description="The circle they go to (move needs it; promote and demote may say)."
    )
    note: Text | None = Field(None, description="Why, in a few words.")

    @model_validator(mode="after")
    def _circle_fits_action(self) -> Decision:
        if self.action == "move" and self.circle is None:
            raise ValueError("a move names the circle: `circle: inner`, `middle` or `outer`")
        if self.circle is not None and self.action not in CIRCLE_ACTIONS:
            raise ValueError(f"`circle` belongs to promote, demote or move, not {self.action}")
        return self


class Review(Model):
    """One quarterly review: which quarter, when it was done, what was decided."""

    quarter: Quarter = Field(description="The quarter reviewed, like `2026Q3`.")
    date: IsoDate = Field(description="When the review was done.")
    decisions: list[Decision] = Field(
        default_factory=list, description="What was decided, person by person."
    )
