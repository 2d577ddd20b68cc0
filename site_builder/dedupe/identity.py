"""What makes two records the same person: normalized names, emails and LinkedIn URLs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

from site_builder.models import Contact

_NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_TITLES = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "sir",
        "dame",
        "jr",
        "sr",
        "phd",
        "md",
        "mba",
        "msc",
        "bsc",
        "ii",
        "iii",
    }
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINKEDIN = re.compile(
    r"^(?:https?://)?(?:[a-z0-9-]+\.)?linkedin\.com(?::\d+)?/(?:in|pub)/([^/?#\s]+)", re.IGNORECASE
)


def fold(text: str) -> str:
    """Lowercase, accents removed, spaces collapsed: `Zoë  Ñúñez` -> `zoe nunez`."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def name_key(name: str) -> str:
    """A key equal for the usual ways of writing one name.

    Punctuation and titles (Dr, PhD, Jr) are dropped and the words sorted, so that
    `Lovelace, Ada` and `Dr. Ada Lovelace` give the same key. Empty when nothing is left.
    """
    words = _NOT_WORD.sub(" ", fold(name)).split()
    return " ".join(sorted(word for word in words if word not in _TITLES))


def email_key(email: str | None) -> str | None:
    """The address lowercased, or None when it is not an email address."""
    if not email:
        return None
    address = email.strip().removeprefix("mailto:").strip().lower()
    return address if _EMAIL.match(address) else None


def linkedin_key(url: str | None) -> str | None:
    """`in/<handle>` of a LinkedIn profile URL (any scheme, host variant or trailing bits)."""
    match = _LINKEDIN.match(url.strip()) if url else None
    return f"in/{unquote(match.group(1)).lower()}" if match else None


def contact_keys(contact: Contact) -> Iterator[tuple[str, str]]:
    """(kind, key) pairs that identify a contact: `email`, `linkedin` and `name`."""
    if contact.private is not None and (email := email_key(contact.private.email)):
        yield "email", email
    for link in contact.links.values():
        if key := linkedin_key(link):
            yield "linkedin", key
            break
    if key := name_key(contact.name):
        yield "name", key
