"""Journal: reflections after events and conversations, newest first (`pages/journal.html`,
each a card of `macros/journal.html`)."""

from __future__ import annotations

from site_builder.site import templating
from site_builder.site.context import JOURNAL, GeneratedPage, Site
from site_builder.site.pages.journal_views import cards

SOURCE = JOURNAL


def render(site: Site) -> GeneratedPage:
    """The Journal page."""
    markdown = templating.render(
        "pages/journal.html", entries=cards(site, SOURCE, site.report.journal)
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
