"""A person's introductions, on their page: people suggested to meet them, introductions
made (either side), and who could introduce you (`parts/person_intros.html`)."""

from __future__ import annotations

from typing import NamedTuple

from site_builder.site.context import Site
from site_builder.site.pages.common import person_link
from site_builder.site.pages.intros import Made, Target, made, targets
from site_builder.site.views import PersonLink


class Match(NamedTuple):
    """Someone this person could meet, and why."""

    other: PersonLink
    reasons: tuple[str, ...]


class PersonIntros(NamedTuple):
    """What a person's page shows of introductions."""

    matches: tuple[Match, ...]
    made: tuple[Made, ...]
    introducers: Target | None


def person_intros(site: Site, source: str, contact: str) -> PersonIntros | None:
    """The introductions one person is part of, linked from their page at `source`; None
    when there are none."""
    intros = site.report.introductions
    suggested, done = intros.suggested_for(contact), intros.made_for(contact)
    found = intros.introducers_for(contact)
    if not suggested and not done and found is None:
        return None
    matches = tuple(
        Match(
            person_link(
                site,
                source,
                *((s.second, s.second_name) if s.first == contact else (s.first, s.first_name)),
            ),
            s.reasons,
        )
        for s in suggested
    )
    return PersonIntros(
        matches,
        tuple(made(site, source, done)),
        targets(site, source, [found])[0] if found is not None else None,
    )
