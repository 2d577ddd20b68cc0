"""The plain values the page templates lay out: links, badges, dates, bars and key numbers,
and the words and numbers as they read on a page. No markup here: the macros of
`templates/macros/common.html` draw each of these."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from site_builder.site import palette

DASH = "\N{EN DASH}"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters but tab, newline and carriage return: dropped from text shown."""
_SAFE_SCHEMES = ("https://", "http://", "mailto:")


class PersonLink(NamedTuple):
    """A person's name, and a link to their page when they have one."""

    name: str
    href: str | None


class People(NamedTuple):
    """Linked names shown one after another, how many more there are (`""` if none), and
    those more, shown when the reader opens them."""

    shown: tuple[PersonLink, ...]
    more: str = ""
    rest: tuple[PersonLink, ...] = ()


class Link(NamedTuple):
    """A labelled link; the bare label when `href` is None (a missing page, an unsafe URL)."""

    label: str
    href: str | None


class Badge(NamedTuple):
    """A small coloured label; `colour` is a palette class such as `circle-inner`."""

    label: str
    colour: str
    sort: int | None = None


class When(NamedTuple):
    """A date as `YYYY-MM-DD` and how far it is from today."""

    iso: str
    relative: str


class Bar(NamedTuple):
    """A horizontal progress bar: its width in percent, colour and label."""

    width: str
    kind: str
    label: str


class Kpi(NamedTuple):
    """A key number on a card, optionally a link; `colour` is a palette class."""

    value: str
    label: str
    colour: str = ""
    href: str | None = None


def badge(label: str, group: str, status: str, sort: int | None = None) -> Badge:
    """A badge coloured as `status` of a palette group (`circle`, `touch`, `target`...)."""
    return Badge(label, palette.css_class(group, status), sort)


def relative_days(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days:,} days" if days > 0 else f"{-days:,} days ago"


def dated(day: dt.date, today: dt.date) -> When:
    """A date with how far it is from today."""
    return When(day.isoformat(), relative_days(day, today))


def when(day: dt.date | None, today: dt.date) -> When | None:
    """A date with how far it is from today; None shows as a dash."""
    return None if day is None else dated(day, today)


def iso(day: dt.date | None) -> str:
    """A date as `YYYY-MM-DD`, or `""` (a dash on the page)."""
    return day.isoformat() if day is not None else ""


def filled(share: float, kind: str = "progress", label: str | None = None) -> Bar:
    """A bar for `share` in [0, 1] (clamped)."""
    width = max(0.0, min(1.0, share)) * 100
    return Bar(f"{width:.1f}", kind, label or f"{width:.0f}%")


def bar(share: float | None, kind: str = "progress", label: str | None = None) -> Bar | None:
    """A bar for `share` in [0, 1] (clamped); None draws nothing."""
    return None if share is None else filled(share, kind, label)


def number(value: float | None, digits: int = 0, suffix: str = "") -> str:
    """A number with a fixed count of decimals, or a dash for None."""
    return DASH if value is None else f"{value:,.{digits}f}{suffix}"


def percent(share: float | None, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage, or a dash for None."""
    return DASH if share is None else number(share * 100, digits, "%")


def humanize(word: str) -> str:
    """A vocabulary word for display: `work_anniversary` -> `work anniversary`."""
    return word.replace("_", " ")


def safe_url(url: str) -> str | None:
    """The URL when it is http(s) or mailto, else None (never `javascript:` and friends)."""
    cleaned = CONTROL.sub("", url).strip()
    return cleaned if cleaned.lower().startswith(_SAFE_SCHEMES) else None


def external(url: str, label: str) -> Link:
    """A link to another site; the bare label when the URL is not http(s)/mailto."""
    return Link(label, safe_url(url))


def unaccented(text: str) -> str:
    """`text` without its accents, for search to find "Chloé" by "Chloe" (the letters
    decomposed, the combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_UNDECOMPOSED = str.maketrans(
    {"\N{LATIN SMALL LETTER DOTLESS I}": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
)
"""Letters that carry their mark without a combining character."""
