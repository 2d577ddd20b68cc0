"""vCard files (2.1, 3.0, 4.0) as Apple, Google, Android, Outlook, KDE and Evolution write them.

The file is cut into cards by its BEGIN/END lines first, so that one broken card is
reported at its line and the others still import. Each card's imported properties are
decoded to Unicode (`vcard_decode`: charsets, quoted-printable, base64, bad bytes) and
read by vobject; photos, addresses and notes never reach the parser, so a broken one
cannot cost the card. A line vobject cannot read costs that line only.

What is taken: FN whole (N when there is no FN), ORG's components joined as one writes
them ("Company, The · Research": the organisation, then its units after " · "), TITLE,
the preferred EMAIL and TEL, a LinkedIn URL, BDAY and the X-NETDASH-ID of our own export.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import vobject

from site_builder.dedupe.identity import email_key, linkedin_key
from site_builder.editing.errors import EditError
from site_builder.interop.incoming import Incoming, Note, Parsed, annual_date
from site_builder.interop.vcard_decode import CleanCard, clean_card, raw_cards, split_lines
from site_builder.models.types import SLUG_PATTERN

_IMPORTED = frozenset(
    {
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
ORG_UNIT_SEPARATOR = " · "
"""Between an organisation and its units (ORG:Company;Research -> "Company · Research")."""
_FAMILY_FIRST_SCRIPTS = ("CJK UNIFIED IDEOGRAPH", "HIRAGANA", "KATAKANA", "HANGUL")
Card = Any  # vobject.base.Component: vobject has no type hints


def _values(card: Card, name: str) -> list[Any]:
    return [line for line in card.getChildren() if line.name == name.upper()]


def _text(value: Any) -> str:
    """A value as one line of text; a list (vobject's reading of commas) joined back."""
    if isinstance(value, list):
        value = ", ".join(text for part in value if (text := _text(part)))
    return " ".join(str(value).split())


def _first(card: Card, name: str) -> str | None:
    return next((text for line in _values(card, name) if (text := _text(line.value))), None)


def _organisation(card: Card) -> str | None:
    """ORG's organisation name, then its units: `Company, The · Research`."""
    for line in _values(card, "ORG"):
        parts = line.value if isinstance(line.value, list) else [line.value]
        if words := [text for part in parts if (text := _text(part))]:
            return ORG_UNIT_SEPARATOR.join(words)
    return None


def _preferred(lines: list[Any]) -> list[Any]:
    def rank(line: Any) -> int:
        types = [str(t).lower() for t in line.params.get("TYPE", [])] + [
            str(t).lower() for t in line.singletonparams
        ]
        return 0 if "pref" in types or "PREF" in line.params else (1 if "cell" in types else 2)

    return sorted(lines, key=rank)


def _texts(card: Card, name: str) -> list[str]:
    """The non-empty values of a property, preferred ones first."""
    return [text for line in _preferred(_values(card, name)) if (text := _text(line.value))]


def _family_first(family: str) -> bool:
    """True for a Chinese, Japanese or Korean family name, written before the given name."""
    return any(unicodedata.name(char, "").startswith(_FAMILY_FIRST_SCRIPTS) for char in family)


def _name(card: Card) -> str:
    """FN whole; failing that, N's parts in the order they are written: `Ada Lovelace`,
    but `鈴木 花子` (family name first in Chinese, Japanese and Korean)."""
    if full := _first(card, "FN"):
        return full
    for line in _values(card, "N"):
        value = line.value
        given = [value.given, value.additional]
        names = (
            [value.family, *given] if _family_first(_text(value.family)) else [*given, value.family]
        )
        parts = [value.prefix, *names, value.suffix]
        if words := " ".join(_text(part).replace(",", " ") for part in parts).split():
            return " ".join(words)
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


def _birthday(card: Card, line: int, notes: list[Note]) -> str | None:
    days = _values(card, "BDAY")
    born = birthday(days[0]) if days else None
    if days and born is None:
        written = _text(days[0].value)
        notes.append(Note(line, f"BDAY {written!r} is not a date; left out", "warning"))
    return born


def _stand_in(card: Card, emails: list[str], phones: list[str]) -> tuple[str, str]:
    """What an address book shows for a card without a name: ORG, EMAIL or TEL."""
    for label, value in (
        ("ORG", _organisation(card)),
        ("EMAIL", next(iter(emails), None)),
        ("TEL", next(iter(phones), None)),
    ):
        if value:
            return value, label
    return "", ""


def _person(card: Card, line: int, notes: list[Note]) -> Incoming | None:
    emails = [text for text in _texts(card, "EMAIL") if email_key(text)]
    phones = [text.removeprefix("tel:") for text in _texts(card, "TEL")]
    name = _name(card)
    if not name:
        name, label = _stand_in(card, emails, phones)
        if not name:
            notes.append(Note(line, "card has no name, organisation, email or phone; skipped"))
            return None
        notes.append(Note(line, f"card has no name (FN or N); named after its {label}", "warning"))
    wanted = _first(card, "X-NETDASH-ID")
    return Incoming(
        name=name,
        line=line,
        company=_organisation(card),
        role=_first(card, "TITLE"),
        linkedin=_linkedin(card),
        birthday=_birthday(card, line, notes),
        email=next(iter(emails), None),
        phone=next(iter(phones), None),
        wanted_id=wanted if wanted and _SLUG.match(wanted) else None,
    )


def _card_text(lines: list[str]) -> str:
    return "".join(f"{line}\r\n" for line in ["BEGIN:VCARD", *lines, "END:VCARD"])


def _readable(clean: CleanCard) -> tuple[list[str], list[tuple[int, str]]]:
    """(the lines vobject reads one at a time, the (line number, text) of the others)."""
    readable, unreadable = [], []
    for number, text in clean.lines:
        try:
            vobject.readOne(_card_text([text]))
        except Exception:  # vobject raises many kinds of error on broken input
            unreadable.append((number, text))
        else:
            readable.append(text)
    return readable, unreadable


def _parse(clean: CleanCard) -> tuple[Card, list[tuple[int, str]]]:
    """The card as vobject reads it, and the lines it could not read (left out)."""
    try:
        return vobject.readOne(_card_text([text for _, text in clean.lines])), []
    except Exception:  # as above; then the card is read again without its bad lines
        readable, unreadable = _readable(clean)
        return vobject.readOne(_card_text(readable)), unreadable


def _warnings(name: str, clean: CleanCard, unreadable: list[tuple[int, str]]) -> list[Note]:
    """Notes on the values of card `name` that were damaged or left out."""
    damaged = [(damage.line, f"{damage.property} {damage.problem}") for damage in clean.damages]
    left_out = [(number, f"{text[:60]!r} cannot be read; left out") for number, text in unreadable]
    return [Note(line, f"{name}: {what}", "warning") for line, what in damaged + left_out]


def _read_card(start: int, lines: list[bytes], notes: list[Note]) -> Incoming | None:
    clean = clean_card(start, lines, _IMPORTED)
    try:
        card, unreadable = _parse(clean)
    except Exception as error:  # vobject raises many kinds of error on broken input
        first_words = (str(error).splitlines() or [type(error).__name__])[0][:80]
        notes.append(Note(start, f"unreadable card ({first_words}); skipped"))
        return None
    person = _person(card, start, notes)
    notes.extend(_warnings(person.name if person else "card", clean, unreadable))
    return person


def read_vcards(data: bytes, name: str) -> Parsed:
    """The people of a .vcf file; a file with no card at all is refused."""
    parsed = Parsed()
    found = False
    for start, lines in raw_cards(split_lines(data)):
        found = True
        if lines is None:
            parsed.notes.append(Note(start, "card is not closed (END:VCARD missing); skipped"))
        elif (person := _read_card(start, lines, parsed.notes)) is not None:
            parsed.people.append(person)
    if not found:
        blank = not data.removeprefix(b"\xef\xbb\xbf").strip()
        what = "is empty" if blank else "holds no vCard (no BEGIN:VCARD line)"
        raise EditError(f"{name} {what}: nothing to import")
    return parsed
