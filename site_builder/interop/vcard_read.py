"""vCard files (2.1, 3.0, 4.0) as Apple Contacts, Google Contacts and Outlook write them.

The file is cut into cards by its BEGIN/END lines first, so that one broken card is
reported at its line and the others still import. Each card is then read by vobject,
after repairs it does not make itself: quoted-printable soft line breaks (vCard 2.1
continues such a line with `=` at its end, without the leading space of folding) are
joined, Outlook's quoted-printable text without a CHARSET is read as Windows-1252, and
only the properties that are imported are kept (photos and the rest are never parsed).
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from typing import Any

import vobject

from site_builder.dedupe.identity import email_key, linkedin_key
from site_builder.editing.errors import EditError
from site_builder.interop.incoming import Incoming, Note, Parsed, annual_date
from site_builder.models.types import SLUG_PATTERN

_PROPERTY = re.compile(r"^(?:[\w-]+\.)?([A-Za-z][\w-]*)[;:]")
_IMPORTED = frozenset(
    {
        "BEGIN",
        "END",
        "VERSION",
        "FN",
        "N",
        "ORG",
        "TITLE",
        "EMAIL",
        "TEL",
        "URL",
        "X-SOCIALPROFILE",
        "BDAY",
        "X-NETDASH-ID",
    }
)
_BDAY = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$")
_SLUG = re.compile(SLUG_PATTERN)
Card = Any  # vobject.base.Component: vobject has no type hints


def _unfold_quoted_printable(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if previous.endswith("=") and "QUOTED-PRINTABLE" in previous.split(":")[0].upper():
            joined[-1] = joined[-1][:-1] + line
        else:
            joined.append(line)
    return joined


def _with_charset(line: str) -> str:
    """A quoted-printable line without CHARSET is UTF-8 or, from Outlook, Windows-1252."""
    head, _, value = line.partition(":")
    if "QUOTED-PRINTABLE" not in head.upper() or "CHARSET" in head.upper():
        return line
    try:
        quopri.decodestring(value.encode("latin-1", errors="replace")).decode("utf-8")
    except UnicodeDecodeError:
        return f"{head};CHARSET=Windows-1252:{value}"
    return line


def _wanted(lines: list[str]) -> list[str]:
    """Only the properties that are imported, with their folded continuation lines.

    Photos (base64 or raw bytes), addresses and notes never reach the parser, so a
    broken one cannot cost the whole card.
    """
    kept: list[str] = []
    keep = True
    for line in lines:
        if match := _PROPERTY.match(line):
            keep = match.group(1).upper() in _IMPORTED
            if keep:
                kept.append(_with_charset(line))
        elif keep and line[:1] in " \t":
            kept.append(line)
    return kept


def decode_lines(data: bytes) -> list[str]:
    """The file's lines: UTF-8 (or UTF-16 with a mark); a line that is not UTF-8 (raw photo
    bytes, an old Windows export) is read as Windows-1252 on its own."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16").splitlines()
    data = data.removeprefix(b"\xef\xbb\xbf")
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace").rstrip("\r"))
    return lines


def cards(lines: list[str]) -> Iterator[tuple[int, list[str] | None]]:
    """(first line, the card's lines) for each BEGIN:VCARD ... END:VCARD; None when unclosed."""
    start, body = 0, None
    for number, line in enumerate(lines, start=1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if body is not None:
                yield start, None
            start, body = number, [line]
        elif body is not None:
            body.append(line)
            if word == "END:VCARD":
                yield start, body
                body = None
    if body is not None:
        yield start, None


def _values(card: Card, name: str) -> list[Any]:
    return [line for line in card.getChildren() if line.name == name.upper()]


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = next((part for part in value if str(part).strip()), "")
    return str(value).strip()


def _preferred(lines: list[Any]) -> list[Any]:
    def rank(line: Any) -> int:
        types = [str(t).lower() for t in line.params.get("TYPE", [])] + [
            str(t).lower() for t in line.singletonparams
        ]
        return 0 if "pref" in types or "PREF" in line.params else (1 if "cell" in types else 2)

    return sorted(lines, key=rank)


def _name(card: Card) -> str:
    if full := next((_text(line.value) for line in _values(card, "FN") if _text(line.value)), ""):
        return full
    for line in _values(card, "N"):
        value = line.value
        parts = [value.prefix, value.given, value.additional, value.family, value.suffix]
        words = " ".join(" ".join(p) if isinstance(p, list) else str(p) for p in parts)
        if words.strip():
            return " ".join(words.split())
    return ""


def birthday(line: Any) -> str | None:
    """BDAY as MM-DD or YYYY-MM-DD, from `1985-12-10`, `19851210`, `--1210` or `--12-10`.

    Apple writes a birthday without a year as year 1604 (with X-APPLE-OMIT-YEAR).
    """
    match = _BDAY.match(_text(line.value))
    if not match:
        return None
    year = int(match.group(1)) if match.group(1) else None
    if year is not None and ("X-APPLE-OMIT-YEAR" in line.params or year <= 1604):
        year = None  # Apple writes 1604 for "no year"
    return annual_date(year, int(match.group(2)), int(match.group(3)))


def _linkedin(card: Card) -> str | None:
    for line in card.getChildren():
        if line.name in ("URL", "X-SOCIALPROFILE") and linkedin_key(_text(line.value)):
            return _text(line.value)
    return None


def _person(card: Card, line: int, notes: list[Note]) -> Incoming | None:
    name = _name(card)
    if not name:
        notes.append(Note(line, "card has no name (FN or N); skipped"))
        return None
    emails = [_text(e.value) for e in _preferred(_values(card, "EMAIL"))]
    phones = [_text(p.value).removeprefix("tel:") for p in _preferred(_values(card, "TEL"))]
    days = _values(card, "BDAY")
    born = birthday(days[0]) if days else None
    if days and born is None:
        written = _text(days[0].value)
        notes.append(Note(line, f"BDAY {written!r} is not a date; left out", "warning"))
    wanted = next((_text(x.value) for x in _values(card, "X-NETDASH-ID")), None)
    return Incoming(
        name=name,
        line=line,
        company=next((_text(o.value) for o in _values(card, "ORG") if _text(o.value)), None),
        role=next((_text(t.value) for t in _values(card, "TITLE") if _text(t.value)), None),
        linkedin=_linkedin(card),
        birthday=born,
        email=next((e for e in emails if email_key(e)), None),
        phone=next((p for p in phones if p), None),
        wanted_id=wanted if wanted and _SLUG.match(wanted) else None,
    )


def _read_card(start: int, lines: list[str], notes: list[Note]) -> Incoming | None:
    text = "\r\n".join(_wanted(_unfold_quoted_printable(lines))) + "\r\n"
    try:
        card = vobject.readOne(text, ignoreUnreadable=True)
    except Exception as error:  # vobject raises many kinds of error on broken input
        notes.append(Note(start, f"unreadable card ({str(error).splitlines()[0][:80]}); skipped"))
        return None
    return _person(card, start, notes)


def read_vcards(data: bytes, name: str) -> Parsed:
    """The people of a .vcf file; a file with no card at all is refused."""
    parsed = Parsed()
    found = False
    for start, lines in cards(decode_lines(data)):
        found = True
        if lines is None:
            parsed.notes.append(Note(start, "card is not closed (END:VCARD missing); skipped"))
        elif (person := _read_card(start, lines, parsed.notes)) is not None:
            parsed.people.append(person)
    if not found:
        what = "is empty" if not data.strip() else "holds no vCard (no BEGIN:VCARD line)"
        raise EditError(f"{name} {what}: nothing to import")
    return parsed
