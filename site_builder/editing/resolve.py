"""Which contact a command-line argument means: an id, a full name, or a unique prefix."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from rapidfuzz import fuzz, process

from site_builder.dedupe.identity import fold
from site_builder.editing.errors import EditError
from site_builder.models import Contact

_SHOWN = 8


def _label(contact_id: str, contact: Contact) -> str:
    archived = ", archived" if contact.archived else ""
    return f"{contact_id} ({contact.name}{archived})"


def _prefix_matches(query: str, contacts: Mapping[str, Contact]) -> list[str]:
    folded = fold(query)
    return [
        contact_id
        for contact_id, contact in contacts.items()
        if contact_id.startswith(query.lower())
        or fold(contact.name).startswith(folded)
        or any(word.startswith(folded) for word in fold(contact.name).split())
    ]


def candidates(query: str, contacts: Mapping[str, Contact]) -> list[str]:
    """The ids `query` may mean, best first: the id itself, a full name, then prefixes."""
    if query in contacts:
        return [query]
    folded = fold(query)
    if not folded:
        return []
    exact = [cid for cid, contact in contacts.items() if fold(contact.name) == folded]
    return exact or _prefix_matches(query, contacts)


def _unknown(query: str, contacts: Mapping[str, Contact]) -> str:
    names = {cid: contact.name for cid, contact in contacts.items()}
    close = process.extract(query, names, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    guesses = ", ".join(_label(cid, contacts[cid]) for _, _, cid in close)
    hint = f"; did you mean {guesses}?" if guesses else ""
    return f"unknown contact {query!r}{hint}"


def _ambiguous(query: str, found: list[str], contacts: Mapping[str, Contact]) -> str:
    shown = ", ".join(_label(cid, contacts[cid]) for cid in sorted(found)[:_SHOWN])
    more = f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
    return f"{query!r} could be {len(found)} people: {shown}{more}; use the id"


def resolve_all(
    queries: Iterable[str], contacts: Mapping[str, Contact], other_ids: Collection[str] = ()
) -> list[str]:
    """The contact id of each query; any unknown or ambiguous one refuses the whole command.

    `other_ids` are ids of contact files that exist but do not validate: they are
    accepted when given exactly.
    """
    ids: list[str] = []
    reasons: list[str] = []
    for query in queries:
        found = [query] if query in other_ids else candidates(query, contacts)
        if len(found) == 1:
            ids.append(found[0])
        elif found:
            reasons.append(_ambiguous(query, found, contacts))
        else:
            reasons.append(_unknown(query, contacts))
    if reasons:
        raise EditError("which contact? nothing was written", reasons)
    return list(dict.fromkeys(ids))


def resolve(query: str, contacts: Mapping[str, Contact], other_ids: Collection[str] = ()) -> str:
    """The one contact id `query` means."""
    return resolve_all([query], contacts, other_ids)[0]
