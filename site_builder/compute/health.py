"""Data health: how current the interaction log is, and which CRM fields are left empty."""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.compute.index import Index
from site_builder.compute.report import (
    CRM_FIELDS,
    CrmField,
    Freshness,
    MissingField,
    Person,
)
from site_builder.models import Contact

STALE_AFTER_DAYS = 14
"""The log looks stale when its latest interaction is more days old than this."""


def missing_fields_of(contact: Contact) -> tuple[CrmField, ...]:
    """The CRM fields the contact's file leaves empty (absent, or blank text), in
    `CRM_FIELDS` order."""
    return tuple(
        name
        for name in CRM_FIELDS
        if (value := getattr(contact, name)) is None
        or (isinstance(value, str) and not value.strip())
    )


def freshness(index: Index, people: Sequence[Person]) -> Freshness:
    """The latest interaction on or before today, whether that is too long ago, and the
    active people never touched."""
    latest = index.dates[index.past_end - 1] if index.past_end else None
    days = (index.today - latest).days if latest is not None else None
    return Freshness(
        latest_interaction=latest,
        days_since=days,
        stale=days is None or days > STALE_AFTER_DAYS,
        never_contacted=tuple(p.contact for p in people if not p.archived and p.touches == 0),
    )


def missing_fields(people: Sequence[Person]) -> tuple[MissingField, ...]:
    """For each CRM field, the active people (by name, as `people` is) who lack it."""
    lacking: dict[CrmField, list[str]] = {name: [] for name in CRM_FIELDS}
    for person in people:
        if not person.archived:
            for name in person.missing_fields:
                lacking[name].append(person.contact)
    return tuple(MissingField(name, tuple(lacking[name])) for name in CRM_FIELDS)
