"""Contacts as a vCard 3.0 file, the version every address book reads.

Each card carries the contact's id as `X-NETDASH-ID`, so importing the file again
matches every card to its contact. The file is for the owner's own address book: it
includes the `private:` email and phone. A company written `Company · Research` becomes
`ORG:Company;Research`, as the import reads it. vobject writes the cards; the lines are
then folded to RFC 6350's 75 octets, never inside a character (vobject counts
characters, so a line of 74 Japanese characters would stay over 200 octets long).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import vobject

from site_builder.dedupe.identity import linkedin_key
from site_builder.interop.vcard_read import ORG_UNIT_SEPARATOR
from site_builder.models import Contact
from site_builder.models.types import annual_parts


def _name(name: str) -> Any:
    words = name.split()
    family = words[-1] if len(words) > 1 else ""
    given = " ".join(words[:-1]) if len(words) > 1 else name
    return vobject.vcard.Name(family=family, given=given)


def _birthday(value: str) -> str:
    year, month, day = annual_parts(value)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _add(card: Any, name: str, value: Any, **params: str) -> None:
    line = card.add(name)
    line.value = value
    for key, param in params.items():
        line.params[key.upper()] = [param]


def card(contact_id: str, contact: Contact) -> Any:
    """One contact as a vobject vCard component."""
    result = vobject.vCard()
    _add(result, "version", "3.0")
    _add(result, "n", _name(contact.name))
    _add(result, "fn", contact.name)
    if contact.company:
        _add(result, "org", contact.company.split(ORG_UNIT_SEPARATOR))
    if contact.role:
        _add(result, "title", contact.role)
    private = contact.private
    if private is not None and private.email:
        _add(result, "email", private.email, type="INTERNET")
    if private is not None and private.phone:
        _add(result, "tel", private.phone, type="CELL")
    for link in contact.links.values():
        _add(result, "url", link, **({"type": "linkedin"} if linkedin_key(link) else {}))
    if contact.dates is not None and contact.dates.birthday:
        _add(result, "bday", _birthday(contact.dates.birthday))
    _add(result, "categories", [contact.circle, *contact.tags])
    _add(result, "x-netdash-id", contact_id)
    return result


def fold(line: str, limit: int = 75) -> str:
    """One content line as lines of at most `limit` octets, each continued with a space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current, size = current + char, size + width
    return "\r\n".join([*pieces, current])


def serialize(component: Any) -> str:
    """A vobject component as text, folded to the RFC (see the module's docstring)."""
    lines = component.serialize().replace("\r\n ", "").split("\r\n")
    return "".join(f"{fold(line)}\r\n" for line in lines if line)


def vcards(contacts: Mapping[str, Contact], circle: str | None = None) -> str:
    """Every contact (or those of one circle) as vCard 3.0 text, by id."""
    return "".join(
        serialize(card(contact_id, contact))
        for contact_id, contact in sorted(contacts.items())
        if circle is None or contact.circle == circle
    )
