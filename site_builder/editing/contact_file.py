"""New data files: a contact's first text, its id, and the schema line editors read."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from slugify import slugify

from site_builder.editing.render import mapping_lines
from site_builder.editing.yamltext import Style
from site_builder.models import KINDS_BY_NAME, Contact, KeyDates, Met, Private
from site_builder.models.types import Model
from site_builder.schema.json_schema import modeline

CONTACT_MODELINE = modeline(KINDS_BY_NAME["contact"])
INTERACTIONS_MODELINE = modeline(KINDS_BY_NAME["interactions"])
_MAX_ID_LENGTH = 60
_NESTED: dict[str, type[Model]] = {"met": Met, "dates": KeyDates, "private": Private}
_EMPTY: tuple[Any, ...] = (None, "", [], {})


def id_from_name(name: str) -> str:
    """The id a name gives: `Zoë O'Brien` -> `zoe-obrien`; empty when nothing is left (emoji)."""
    return str(
        slugify(
            name,
            max_length=_MAX_ID_LENGTH,
            word_boundary=True,
            replacements=[["'", ""], ["\u2019", ""]],
        )
    )


def free_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken yet."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _ordered(document: Mapping[str, Any], order: list[str]) -> dict[str, Any]:
    rank = {name: position for position, name in enumerate(order)}
    return dict(sorted(document.items(), key=lambda item: rank.get(item[0], len(rank))))


def contact_document(fields: Mapping[str, Any]) -> dict[str, Any]:
    """`fields` without empty values, keys in the order of the data reference."""
    document: dict[str, Any] = {}
    for name, given in fields.items():
        value = given
        if isinstance(given, Mapping):
            order = list(_NESTED[name].model_fields) if name in _NESTED else sorted(given)
            value = _ordered({k: v for k, v in given.items() if v not in _EMPTY}, order)
        if value not in _EMPTY:
            document[name] = value
    return _ordered(document, list(Contact.model_fields))


def contact_text(document: Mapping[str, Any]) -> str:
    """The text of a new contact file: the schema line, then one key a line."""
    return "\n".join([CONTACT_MODELINE, *mapping_lines(document, 0, Style())]) + "\n"
