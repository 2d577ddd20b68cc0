"""Introductions: pairs to suggest and why, who could introduce you to the people you have
not met yet, and the introductions made (`pages/intros.html`; the long table of
introductions made is the macro of `parts/intros.html`, put in place after MkDocs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.compute.report import IntroducersFor, Introduction, IntroSuggestion
from site_builder.site import templating
from site_builder.site.context import GUIDE_RULES, GeneratedPage, Later, Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import Kpi, PersonLink, number

SOURCE = "intros.md"
PARTS = "parts/intros.html"
VIA_WORDS = {"company": "works at", "community": "in", "event": "met at"}


@dataclass(frozen=True, slots=True)
class Pair:
    """A suggested pair: both people, the points and the reasons."""

    first: PersonLink
    second: PersonLink
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Introducer:
    """Someone who could introduce you, and what they share with the person."""

    person: PersonLink
    tie: str


@dataclass(frozen=True, slots=True)
class Target:
    """Someone you have not met yet, and who could introduce you."""

    person: PersonLink
    introducers: tuple[Introducer, ...]


@dataclass(frozen=True, slots=True)
class Made:
    """An introduction made, and the day to follow up with both."""

    date: str
    first: PersonLink
    second: PersonLink
    follow_up: str


def pairs(site: Site, source: str, suggestions: Sequence[IntroSuggestion]) -> list[Pair]:
    """Suggested pairs as a page shows them, linked from the page at `source`."""
    return [
        Pair(
            person_link(site, source, s.first, s.first_name),
            person_link(site, source, s.second, s.second_name),
            s.score,
            s.reasons,
        )
        for s in suggestions
    ]


def targets(site: Site, source: str, found: Sequence[IntroducersFor]) -> list[Target]:
    """Who could introduce you to whom, linked from the page at `source`."""
    return [
        Target(
            person_link(site, source, f.contact, f.name),
            tuple(
                Introducer(
                    person_link(site, source, i.contact, i.name), f"{VIA_WORDS[i.via]} {i.where}"
                )
                for i in f.introducers
            ),
        )
        for f in found
    ]


def made(site: Site, source: str, introductions: Sequence[Introduction]) -> list[Made]:
    """Introductions made, linked from the page at `source`."""
    return [
        Made(
            i.date.isoformat(),
            person_link(site, source, i.first),
            person_link(site, source, i.second),
            i.follow_up.isoformat(),
        )
        for i in introductions
    ]


def made_table(site: Site) -> str:
    """Every introduction made, latest first."""
    rows = made(site, SOURCE, site.report.introductions.made)
    return templating.macro(PARTS, "made")(rows)


def render(site: Site) -> GeneratedPage:
    """The Introductions page."""
    intros = site.report.introductions
    follow_ups = sum(1 for item in site.report.agenda.items if item.kind == "intro_follow_up")
    later = Later()
    markdown = templating.render(
        "pages/intros.html",
        kpis=[
            Kpi(number(len(intros.suggestions)), "introductions to suggest"),
            Kpi(number(len(intros.made)), "introductions made"),
            Kpi(number(follow_ups), "to follow up this week"),
        ],
        pairs=pairs(site, SOURCE, intros.suggestions),
        targets=targets(site, SOURCE, intros.introducers),
        made=later(lambda: made_table(site)) if intros.made else "",
        rules=site.guide_link(SOURCE, GUIDE_RULES, "how pairs are scored"),
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
