"""One module per page of the site; each has `render(site) -> GeneratedPage`."""

from collections.abc import Callable

from site_builder.site.context import GeneratedPage, Site
from site_builder.site.pages import (
    circles,
    communities,
    events,
    health,
    home,
    intros,
    journal,
    matrix,
    metrics,
    people,
    review,
    roadmap,
    touchpoints,
    week,
)

Renderer = Callable[[Site], GeneratedPage]

RENDERERS: tuple[Renderer, ...] = (
    home.render,
    week.render,
    touchpoints.render,
    people.render,
    circles.render,
    matrix.render,
    events.render,
    communities.render,
    intros.render,
    roadmap.render,
    metrics.render,
    journal.render,
    health.render,
    review.render,
)
"""The pages in nav order; person pages are made apart (`person.render`)."""
