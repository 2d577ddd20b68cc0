"""People read from another tool's export, before they are matched against the contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "company": ("company",),
    "role": ("role",),
    "met_on": ("met", "on"),
    "linkedin": ("links", "linkedin"),
    "birthday": ("dates", "birthday"),
    "email": ("private", "email"),
    "phone": ("private", "phone"),
}
"""Where each imported fact goes in a contact file, in the order they are written."""


@dataclass(frozen=True)
class Incoming:
    """One person as an export describes them; `line` is where the record starts (1-based)."""

    name: str
    line: int
    company: str | None = None
    role: str | None = None
    met_on: str | None = None
    """YYYY-MM-DD (LinkedIn's "Connected On")."""
    linkedin: str | None = None
    birthday: str | None = None
    """MM-DD, or YYYY-MM-DD when the year is known."""
    email: str | None = None
    phone: str | None = None
    wanted_id: str | None = None
    """The contact id a netdash vCard export carried (X-NETDASH-ID)."""

    def facts(self) -> dict[str, str]:
        """The facts this record gives, by field name (FIELD_PATHS keys), empty ones left out."""
        return {name: value for name in FIELD_PATHS if (value := getattr(self, name))}


@dataclass(frozen=True)
class Note:
    """Something about one record of the input: skipped (error) or partly read (warning)."""

    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Parsed:
    """What a reader made of a file: the people, and notes on records it could not use."""

    people: list[Incoming] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def annual_date(year: int | None, month: int, day: int) -> str | None:
    """`MM-DD` or `YYYY-MM-DD` for a real date, else None (29 February allowed without a year)."""
    try:
        dt.date(year if year is not None else 2000, month, day)  # 2000 is a leap year
    except ValueError:
        return None
    prefix = f"{year:04d}-" if year is not None else ""
    return f"{prefix}{month:02d}-{day:02d}"


def decode(data: bytes) -> str:
    """Text of an export: UTF-8 (byte-order mark dropped), UTF-16 with a mark, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
