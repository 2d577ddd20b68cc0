"""The Events page's preparation: a prep sheet for each event of the next two weeks
(`parts/prep.html`), and the words for targets met against those planned."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.prep import when_words
from site_builder.compute.prep_records import EventPrep, PrepTarget
from site_builder.site import templating
from site_builder.site.context import Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import PersonLink, When, when

PARTS = "parts/prep.html"


@dataclass(frozen=True, slots=True)
class MutualLink:
    """Someone you both know, and how they know them."""

    person: PersonLink
    why: str


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One person to meet: who, what to know, whom you both know, and a first line."""

    person: PersonLink
    work: str
    last_touch: When | None
    last_kind: str
    interests: tuple[str, ...]
    shared: tuple[str, ...]
    mutual: tuple[MutualLink, ...]
    more: str
    opener: str


@dataclass(frozen=True, slots=True)
class Sheet:
    """One event's prep sheet."""

    anchor: str
    name: str
    when: str
    kind: str
    topics: tuple[str, ...]
    notes: str
    pitch: str
    openers: tuple[str, ...]
    questions: tuple[str, ...]
    targets: tuple[TargetRow, ...]
    met: str
    """'1 of 3 targets met so far', while the event is under way."""


def prep_anchor(event: str) -> str:
    """The id of an event's prep sheet on the Events page."""
    return f"prep-{event}"


def targets_met(prep: EventPrep) -> str:
    """'2 of 3 met' after (or during) the event, '3 planned' before it, '' without targets."""
    if not prep.planned:
        return ""
    if prep.past or prep.days_until <= 0:
        return f"{prep.targets_met} of {prep.planned} met"
    return f"{prep.planned} planned"


def _target(site: Site, source: str, target: PrepTarget) -> TargetRow:
    more = target.mutual_total - len(target.mutual)
    return TargetRow(
        person_link(site, source, target.contact, target.name),
        " at ".join(filter(None, (target.role, target.company))),
        when(target.last_touch, site.today),
        target.last_kind or "",
        target.interests,
        target.shared_topics,
        tuple(
            MutualLink(person_link(site, source, m.contact, m.name), m.why) for m in target.mutual
        ),
        f"and {more} more" if more > 0 else "",
        target.opener,
    )


def sheet(site: Site, source: str, prep: EventPrep) -> Sheet:
    """The prep sheet of one event, linked from the page at `source`."""
    under_way = prep.days_until <= 0 and prep.planned
    return Sheet(
        prep_anchor(prep.event),
        prep.name,
        when_words(prep),
        " · ".join(filter(None, (prep.kind, prep.role))),
        prep.topics,
        prep.notes or "",
        prep.pitch or "",
        prep.openers,
        prep.questions,
        tuple(_target(site, source, target) for target in prep.targets),
        f"{targets_met(prep)} so far" if under_way else "",
    )


def sheets(site: Site, source: str) -> str:
    """The prep sheets of the events of the next two weeks (and under way), soonest first."""
    made = [sheet(site, source, prep) for prep in site.report.prep if prep.sheet]
    return templating.macro(PARTS, "sheets")(made)
