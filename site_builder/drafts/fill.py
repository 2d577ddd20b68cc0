"""Fill a template for one contact: values from the data, `‹markers›` for the rest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from site_builder.drafts.catalog import template
from site_builder.drafts.facts import values_for
from site_builder.models import Dataset, Interaction
from site_builder.models.templates import MARKER, PLACEHOLDER, PLACEHOLDERS

_GUILLEMETS = str.maketrans("‹›", "<>")


@dataclass(frozen=True)
class Draft:
    """A message ready to edit: `to_write` lists the `‹markers›` left for you, in order."""

    template: str
    title: str
    subject: str | None
    text: str
    to_write: tuple[str, ...]


def marker(name: str) -> str:
    """What a placeholder becomes when the data has no value for it: `‹their company›`."""
    known = PLACEHOLDERS.get(name)
    return f"‹{known.marker if known else name}›"


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """Each `{placeholder}` replaced by its value, or by its marker when the value is unknown.

    A value's own guillemets are made plain, so that every marker in the result is one the
    template asked for.
    """

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return marker(match.group(1)) if value is None else value.translate(_GUILLEMETS)

    return PLACEHOLDER.sub(replace, text)


def to_write(*texts: str | None) -> tuple[str, ...]:
    """The markers of `texts`, in order of appearance, each once."""
    found = [m.group(1) for text in texts if text for m in MARKER.finditer(text)]
    return tuple(dict.fromkeys(found))


def draft(
    dataset: Dataset,
    template_id: str,
    contact_id: str,
    today: dt.date,
    *,
    event_id: str | None = None,
    other_id: str | None = None,
    past: Sequence[Interaction] | None = None,
    promise: str | None = None,
) -> Draft:
    """The template `template_id` filled for one contact as of `today`.

    `event_id` names the event to mention (else the one where you met); `other_id` the
    other person of an introduction; `past` the interactions with them up to today, oldest
    first, when the caller has them; `promise` the promise to speak of (else the earliest
    open one). An unknown id of any kind raises `DraftError`.
    """
    chosen = template(dataset, template_id)
    values = values_for(
        dataset,
        contact_id,
        today,
        event_id=event_id,
        other_id=other_id,
        past=past,
        promise=promise,
    )
    subject = fill(chosen.subject, values) if chosen.subject else None
    text = fill(chosen.body, values)
    return Draft(chosen.id, chosen.title, subject, text, to_write(subject, text))
