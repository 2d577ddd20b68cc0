"""Communities: where you belong, your role, the people met there, what you did there and
how many months in a row you showed up (`pages/communities.html`)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.report import CommunitySummary
from site_builder.models import Interaction
from site_builder.plural import counted
from site_builder.site import templating
from site_builder.site.context import GeneratedPage, Site
from site_builder.site.pages.common import people_links
from site_builder.site.views import Kpi, Link, People, When, dated, external, humanize, iso, number

SOURCE = "communities.md"
LEADERSHIP = frozenset({"committee", "board", "organizer"})
"""Roles that count as leading a community."""
RECENT = 8
"""How many of a community's latest activities its card lists."""


@dataclass(frozen=True, slots=True)
class Activity:
    """One tagged interaction: when, what, with whom (if anyone)."""

    when: When
    kind: str
    value: str
    summary: str
    people: People | None


@dataclass(frozen=True, slots=True)
class CommunityCard:
    """One community: the table row's values and the card's people and activities."""

    anchor: str
    name: str
    link: Link | None
    kind: str
    role: str
    joined: str
    left: str
    streak: str
    streak_sort: int
    best: str
    count: str
    met: str
    people: People
    activities: tuple[Activity, ...]
    more: str


def _activity(site: Site, activity: Interaction) -> Activity:
    people = people_links(site, SOURCE, activity.with_, limit=4) if activity.with_ else None
    return Activity(
        dated(activity.date, site.today),
        humanize(activity.kind),
        activity.value or "",
        activity.summary or "",
        people,
    )


def _streak(months: int) -> str:
    return counted(months, "month") + " in a row" if months else "none"


def community_card(site: Site, community: CommunitySummary) -> CommunityCard:
    """One community as the page lays it out."""
    shown = [site.dataset.interactions[i] for i in community.interaction_indexes[:RECENT]]
    more = len(community.interaction_indexes) - len(shown)
    return CommunityCard(
        anchor=community.id,
        name=community.name,
        link=external(community.url, "website") if community.url else None,
        kind=humanize(community.kind),
        role=community.role or "",
        joined=iso(community.joined),
        left=iso(community.left),
        streak=_streak(community.streak),
        streak_sort=community.streak,
        best=counted(community.best_streak, "month") if community.best_streak else "",
        count=number(len(community.interaction_indexes)),
        met=number(len(community.people)),
        people=people_links(site, SOURCE, community.people),
        activities=tuple(_activity(site, activity) for activity in shown),
        more=f"and {counted(more, 'earlier activity', 'earlier activities')}" if more else "",
    )


def render(site: Site) -> GeneratedPage:
    """The Communities page."""
    communities = site.report.communities
    current = [c for c in communities if c.current]
    cards = [community_card(site, community) for community in communities]
    series = {s.metric: s for s in site.report.metrics}
    activities = series.get("community_activities")
    markdown = templating.render(
        "pages/communities.html",
        kpis=[
            Kpi(number(len(current)), "communities now"),
            Kpi(number(sum(1 for c in current if c.role in LEADERSHIP)), "leadership roles"),
            Kpi(number(activities.last_90_days if activities else 0), "activities, 90 days"),
            Kpi(number(sum(len(c.people) for c in communities)), "people met in them"),
        ],
        cards=cards,
        leadership=", ".join(sorted(LEADERSHIP)),
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
