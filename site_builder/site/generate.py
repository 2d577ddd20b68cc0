"""Every page the site makes from the data: the fixed pages, then one per person."""

from __future__ import annotations

from site_builder.site.context import GeneratedPage, Site
from site_builder.site.pages import RENDERERS, person, review


def generate(site: Site) -> list[GeneratedPage]:
    """The generated pages, in nav order, then earlier quarters' reviews, then the person
    pages by name."""
    pages = [render(site) for render in RENDERERS]
    pages.extend(review.earlier(site))
    pages.extend(person.render(site, p) for p in site.report.people)
    return pages
