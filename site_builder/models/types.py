"""Small value types shared by the data models: slugs, dates, closed vocabularies."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic import BaseModel as _PydanticBaseModel

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)
_ANNUAL_DATE = re.compile(r"^(?:(\d{4})-)?(\d{2})-(\d{2})$")


class Model(_PydanticBaseModel):
    """Base of every data model: frozen, and a mistyped key is an error.

    A key left empty (`company:`) means the same as a key left out, for every key that
    may be left out; an empty required key is still an error.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    _optional_keys: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._optional_keys = frozenset(
            info.alias or name for name, info in cls.model_fields.items() if not info.is_required()
        )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_left_out(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            return {k: v for k, v in data.items() if v is not None or k not in cls._optional_keys}
        return data


def _parse_iso_date(value: Any) -> Any:
    """Accept a `date` or a `YYYY-MM-DD` string, nothing looser (no timestamps, no ints)."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date YYYY-MM-DD, not a date and time")
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            if _ISO_DATE.match(value):
                raise ValueError(f"{value!r} is not a real date") from None
    if not isinstance(value, dt.date):
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"{value} is out of range: dates run from {EARLIEST} to {LATEST}")
    return value


def _check_annual_date(value: str) -> str:
    match = _ANNUAL_DATE.match(value)
    if not match:
        raise ValueError(f"expected MM-DD or YYYY-MM-DD, got {value!r}")
    year, month, day = match.groups()
    try:
        dt.date(int(year) if year else 2000, int(month), int(day))  # 2000 is a leap year
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
    return value


def _annual_from_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _check_link(value: str) -> str:
    if not value.startswith(("https://", "http://", "mailto:")):
        raise ValueError("a link must start with https://, http:// or mailto:")
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
"""An id: lowercase letters and digits in words joined by single hyphens."""


def _no_repeats(ids: list[str]) -> list[str]:
    if len(set(ids)) == len(ids):
        return ids
    repeated = sorted(i for i, times in Counter(ids).items() if times > 1)
    raise ValueError(f"{', '.join(map(repr, repeated))} listed more than once")


Slugs = Annotated[list[Slug], AfterValidator(_no_repeats)]
"""Ids, each at most once."""

IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A calendar date written `YYYY-MM-DD`, between 1900 and 2999."""
Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number (no .inf, no .nan)."""

AnnualDate = Annotated[
    str,
    BeforeValidator(_annual_from_date),
    AfterValidator(_check_annual_date),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{4}-)?\d{2}-\d{2}$"}),
]
"""A date that recurs every year: `MM-DD`, or `YYYY-MM-DD` when the year is known."""

Link = Annotated[str, AfterValidator(_check_link)]
Text = Annotated[str, Field(min_length=1)]
Score5 = Annotated[int, Field(ge=1, le=5)]
Score10 = Annotated[int, Field(ge=1, le=10)]
Days = Annotated[int, Field(ge=1, le=3650)]


def annual_parts(value: str) -> tuple[int | None, int, int]:
    """Split an `AnnualDate` into (year or None, month, day)."""
    match = _ANNUAL_DATE.match(value)
    assert match, value
    year, month, day = match.groups()
    return (int(year) if year else None, int(month), int(day))


Circle = Literal["inner", "middle", "outer"]
CIRCLES: tuple[Circle, ...] = ("inner", "middle", "outer")
Seniority = Literal["junior", "mid", "senior", "executive"]
BoardRole = Literal["sponsor", "mentor", "coach", "connector", "peer"]
BOARD_ROLES: tuple[BoardRole, ...] = ("sponsor", "mentor", "coach", "connector", "peer")
InteractionKind = Literal[
    "coffee",
    "call",
    "video",
    "meeting",
    "email",
    "message",
    "linkedin",
    "event",
    "intro",
    "gift",
    "other",
    "post",
    "answer",
    "talk",
    "volunteering",
]
Value = Literal["give", "share", "ask", "social"]
Initiator = Literal["me", "them"]
Reply = Literal["replied", "no_reply", "pending"]
MeetingAnswer = Literal["accepted", "declined"]
Outcome = Literal[
    "referral",
    "job_lead",
    "collaboration",
    "speaking",
    "intro_received",
    "partnership",
]
EventKind = Literal["conference", "meetup", "workshop", "webinar", "social"]
EventRole = Literal["attendee", "speaker", "host", "volunteer"]
CommunityKind = Literal["association", "online", "learning", "non-work"]
CommunityRole = Literal["member", "volunteer", "committee", "board", "organizer"]
NewsKind = Literal["new_job", "promotion", "launch", "award", "laid_off", "other"]
