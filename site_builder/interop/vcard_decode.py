"""From the bytes of a .vcf file to clean vCard text, one card at a time.

Address books write text in many encodings: vCard 2.1 declares a `CHARSET=` per value
(Shift_JIS from Japanese phones, Windows-1252 from Outlook) and may wrap it in
QUOTED-PRINTABLE, continued with `=` at the end of a line, or in BASE64. This module undoes all of
that at the byte level, value by value, so that vobject only ever sees plain Unicode:

- a declared charset is honoured (Shift_JIS read as its Windows superset, cp932);
- an undeclared value is UTF-8; one that is not (and is not UTF-8 with a few bad bytes)
  is read in the charset another value of the card declares, else as Windows-1252
  (Outlook's habit), reported as a guess; vCard 4.0 is always UTF-8;
- bytes that the charset cannot read are replaced by U+FFFD and the value is reported
  as damaged, so one bad byte costs that value only.

Gmail and KAddressBook write commas in FN, ORG and TITLE unescaped, which vobject
would read as a list separator; those commas are escaped here.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass

_PROPERTY = re.compile(rb"^(?:[\w-]+\.)?([A-Za-z][\w-]*)[;:]")
_PARAM_SPLIT = re.compile(r';(?=(?:[^"]*"[^"]*")*[^"]*$)')
_BARE_COMMA = re.compile(r"(\\.)|,")
_LONE_BACKSLASH_AT_END = re.compile(r"(?<!\\)((?:\\\\)*)\\$")
_TRANSFER = {"QUOTED-PRINTABLE": "q", "BASE64": "b", "B": "b"}
_TEXT_WITH_COMMAS = frozenset({"FN", "ORG", "TITLE"})
_CODEC_FOR = {
    # Japanese phones label cp932 text (NEC and IBM extensions) as Shift_JIS.
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    # As in browsers (WHATWG Encoding): Latin-1 labels mean Windows-1252.
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
}


@dataclass(frozen=True)
class Damage:
    """A value that may not read as written: bytes replaced by U+FFFD, or a charset guessed."""

    line: int
    property: str
    problem: str


@dataclass(frozen=True)
class CleanCard:
    """A card as Unicode vCard text, each kept line with the file line it came from."""

    lines: list[tuple[int, str]]
    damages: list[Damage]


def split_lines(data: bytes) -> list[bytes]:
    """The file's lines as bytes, line ends dropped; UTF-16 (with its mark) becomes UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = data.removeprefix(b"\xef\xbb\xbf")
    return [line.removesuffix(b"\r") for line in data.split(b"\n")]


def raw_cards(lines: list[bytes]) -> Iterator[tuple[int, list[bytes] | None]]:
    """(first line, the card's lines) for each BEGIN:VCARD ... END:VCARD; None when unclosed."""
    start, body = 0, None
    for number, line in enumerate(lines, start=1):
        word = line.strip().upper()
        if word == b"BEGIN:VCARD":
            if body is not None:
                yield start, None
            start, body = number, [line]
        elif body is not None:
            body.append(line)
            if word == b"END:VCARD":
                yield start, body
                body = None
    if body is not None:
        yield start, None


def _soft_break(line: bytes) -> bool:
    head = line.split(b":", 1)[0].upper()
    return line.endswith(b"=") and b"QUOTED-PRINTABLE" in head


def logical_lines(start: int, lines: list[bytes]) -> list[tuple[int, bytes]]:
    """Folded lines joined: a leading space or tab (folding), or a quoted-printable `=`."""
    joined: list[tuple[int, bytes]] = []
    for number, line in enumerate(lines, start=start):
        if joined and _soft_break(joined[-1][1]):
            joined[-1] = (joined[-1][0], joined[-1][1][:-1] + line)
        elif joined and line[:1] in (b" ", b"\t"):
            joined[-1] = (joined[-1][0], joined[-1][1] + line[1:])
        else:
            joined.append((number, line))
    return joined


def _codec(label: str) -> str | None:
    name = _CODEC_FOR.get(label.lower(), label)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(raw: bytes) -> bool:
    """True for UTF-8 with a few bad bytes, False for text in a legacy charset (whose
    bytes seldom happen to form UTF-8 sequences)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good > 0 and bad <= good


def _read(raw: bytes, codec: str, label: str) -> tuple[str, str | None]:
    try:
        return raw.decode(codec), None
    except UnicodeDecodeError:
        problem = f"is not valid {label}; the unreadable bytes became \ufffd"
        return raw.decode(codec, errors="replace"), problem


def decode_value(
    raw: bytes, charset: str | None, legacy: tuple[str, str] | None
) -> tuple[str, str | None]:
    """(text, None) for a value read whole; (text, what went wrong) otherwise.

    `legacy` is (codec, label) for undeclared text that is not UTF-8 (label empty when it
    is a guess), or None where text must be UTF-8 (vCard 4.0).
    """
    codec = _codec(charset) if charset else None
    if charset and codec:
        return _read(raw, codec, charset)
    if _is_utf8(raw) or legacy is None or _mostly_utf8(raw):
        return _read(raw, "utf-8", "UTF-8")
    codec, label = legacy
    text, problem = _read(raw, codec, label or "Windows-1252")
    guess = "is not UTF-8 and names no CHARSET; read as Windows-1252"
    return text, problem or (None if label else guess)


def _params(head: str) -> tuple[str, list[str], str | None, str]:
    """(name with group, other parameters, CHARSET, transfer encoding) of a line's head;
    the transfer encoding is "q" (QUOTED-PRINTABLE), "b" (BASE64) or ""."""
    name, *params = _PARAM_SPLIT.split(head)
    kept, charset, transfer = [], None, ""
    for param in params:
        key, _, value = param.partition("=")
        if key.upper() == "CHARSET":
            charset = value.strip('"')
        elif key.upper() == "ENCODING" or param.upper() in ("QUOTED-PRINTABLE", "BASE64"):
            transfer = _TRANSFER.get(value.upper() or param.upper(), "")
        else:
            kept.append(param)
    return name, kept, charset, transfer


def _untransferred(raw: bytes, transfer: str) -> tuple[bytes, str | None]:
    """The value's bytes with QUOTED-PRINTABLE or BASE64 undone (as written when broken)."""
    if transfer == "q":
        return quopri.decodestring(raw), None
    if transfer != "b":
        return raw, None
    try:
        return base64.b64decode(raw + b"=" * (-len(raw) % 4)), None
    except binascii.Error:
        return raw, "is not valid base64; kept as written"


def _escaped(name: str, text: str) -> str:
    text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    text = _LONE_BACKSLASH_AT_END.sub(r"\1\\\\", text)  # a backslash that escapes nothing
    if name.upper() in _TEXT_WITH_COMMAS:
        text = _BARE_COMMA.sub(lambda match: match.group(1) or "\\,", text)
    return text


def _version(lines: list[tuple[int, bytes]]) -> str:
    for _, line in lines:
        if line.upper().startswith(b"VERSION:"):
            return line[8:].strip().decode("ascii", errors="replace")
    return "3.0"


def _legacy(lines: list[tuple[int, bytes]]) -> tuple[str, str] | None:
    """How the card's undeclared non-UTF-8 text is read: in the charset another of its
    values declares (a Greek card's LABEL;CHARSET=Windows-1253), else as Windows-1252;
    never in vCard 4.0, which is UTF-8 only."""
    if _version(lines) == "4.0":
        return None
    for _, line in lines:
        head = line.split(b":", 1)[0].decode("ascii", errors="replace")
        charset = _params(head)[2]
        if charset and (codec := _codec(charset)) and codec != "utf-8":
            return codec, charset
    return "cp1252", ""


def clean_card(start: int, lines: list[bytes], wanted: frozenset[str]) -> CleanCard:
    """The card's `wanted` properties as Unicode text lines, and what was damaged."""
    logical = logical_lines(start, lines)
    legacy = _legacy(logical)
    kept: list[tuple[int, str]] = []
    damages: list[Damage] = []
    for number, line in logical:
        match = _PROPERTY.match(line)
        short_name = match.group(1).decode("ascii").upper() if match else ""
        if short_name not in wanted:
            continue
        head, _, raw = line.partition(b":")
        name, params, charset, transfer = _params(head.decode("ascii", errors="replace"))
        raw, broken = _untransferred(raw, transfer)
        text, problem = decode_value(raw, charset, legacy)
        if problem := broken or problem:
            damages.append(Damage(number, short_name, problem))
        kept.append((number, f"{';'.join([name, *params])}:{_escaped(short_name, text)}"))
    return CleanCard(kept, damages)
