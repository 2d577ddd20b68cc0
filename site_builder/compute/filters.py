"""`where:` filters: which keys apply to which metric, and whether a record matches."""

from __future__ import annotations

from site_builder.models import Community, Contact, Event, Interaction, Where
from site_builder.models.goals import APPLICABLE_KEYS, CONTACT_KEYS


def given(where: Where | None) -> dict[str, str | int]:
    """The keys a filter sets, with their values, in the model's order."""
    if where is None:
        return {}
    return {key: value for key, value in where.model_dump().items() if value is not None}


def inapplicable(metric: str, where: Where | None) -> list[str]:
    """Keys of `where` that do not apply to `metric` (so nothing matches)."""
    applicable = APPLICABLE_KEYS.get(metric, frozenset())
    return [key for key in given(where) if key not in applicable]


def has_contact_keys(where: Where | None) -> bool:
    """True when the filter says anything about people."""
    return any(key in CONTACT_KEYS for key in given(where))


def contact_matches(contact: Contact | None, where: Where) -> bool:
    """Every contact key of `where` holds for `contact` (tag and industry ignore case)."""
    if contact is None:
        return False
    checks = (
        where.circle is None or contact.circle == where.circle,
        where.tag is None or where.tag.casefold() in {t.casefold() for t in contact.tags},
        where.industry is None or (contact.industry or "").casefold() == where.industry.casefold(),
        where.seniority is None or contact.seniority == where.seniority,
        where.board_role is None or contact.board_role == where.board_role,
        where.influence_min is None or (contact.influence or 0) >= where.influence_min,
        where.accessibility_min is None or (contact.accessibility or 0) >= where.accessibility_min,
    )
    return all(checks)


def interaction_matches(interaction: Interaction, where: Where) -> bool:
    """`kind`, `value` and `outcome` hold for the interaction itself."""
    return (
        (where.kind is None or interaction.kind == where.kind)
        and (where.value is None or interaction.value == where.value)
        and (where.outcome is None or where.outcome in interaction.outcomes)
    )


def event_matches(event: Event | None, where: Where) -> bool:
    """`kind` and `role` hold for the event (no event: only when neither is set)."""
    if event is None:
        return where.kind is None and where.role is None
    return (where.kind is None or event.kind == where.kind) and (
        where.role is None or event.role == where.role
    )


def community_matches(community: Community, where: Where) -> bool:
    """`kind` and `role` hold for the community."""
    return (where.kind is None or community.kind == where.kind) and (
        where.role is None or community.role == where.role
    )
