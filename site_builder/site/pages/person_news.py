"""A person's news, latest first, and the community you met them in, as their page shows
them."""

from __future__ import annotations

from typing import NamedTuple

from site_builder.compute.news import NEWS_WORDS
from site_builder.models import Contact
from site_builder.site.context import Site
from site_builder.site.pages.communities import SOURCE as COMMUNITIES
from site_builder.site.views import Link


class NewsLine(NamedTuple):
    """One piece of news: its day, its kind in words, the text."""

    date: str
    kind: str
    text: str


def news_lines(contact: Contact) -> tuple[NewsLine, ...]:
    """The contact's `news:`, latest first (entries of one day in file order)."""
    ordered = sorted(contact.news, key=lambda news: news.date, reverse=True)
    return tuple(NewsLine(n.date.isoformat(), NEWS_WORDS[n.kind], n.text) for n in ordered)


def community_link(site: Site, source: str, community: str | None) -> Link | None:
    """The community met in, linked to its card on the Communities page."""
    if community is None:
        return None
    known = (c.name for c in site.dataset.communities if c.id == community)
    return Link(next(known, community), site.href(source, COMMUNITIES, anchor=community))
