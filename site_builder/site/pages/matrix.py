"""Network matrix: influence against accessibility, in four quadrants."""

from __future__ import annotations

from site_builder.compute.report import MatrixCell
from site_builder.site.charts import network
from site_builder.site.context import MATRIX, GeneratedPage, Site
from site_builder.site.html import Html, block, card, esc, number, tag
from site_builder.site.pages.common import (
    cards,
    empty_note,
    kpi,
    kpis,
    page,
    people_links,
    section,
)

SOURCE = MATRIX
QUADRANTS = {
    "golden": ("Golden", "Influential and easy to reach: keep these relationships warm."),
    "aspirational": ("Aspirational", "Influential but hard to reach: earn access by giving first."),
    "peer": ("Peers", "Easy to reach, less influential: your allies and collaborators."),
    "avoid": ("Avoid", "Neither influential nor easy to reach: spend little time here."),
}


def _quadrant_card(site: Site, quadrant: str, cells: list[MatrixCell]) -> Html:
    title, advice = QUADRANTS[quadrant]
    ranked = sorted(cells, key=lambda c: (-c.influence, -c.accessibility, c.name.casefold()))
    names = (
        tag("p", people_links(site, SOURCE, [c.contact for c in ranked], 30))
        if ranked
        else empty_note("Nobody here.")
    )
    return card(
        esc(f"{title} ({len(cells):,})"),
        tag("p", esc(advice), class_="nd-muted nd-small") + names,
        class_=f"nd-kpi nd-quadrant-{quadrant}",
    )


def render(site: Site) -> GeneratedPage:
    """The Network matrix page."""
    matrix = site.report.matrix
    by_quadrant = {q: [c for c in matrix.cells if c.quadrant == q] for q in QUADRANTS}
    lowest, highest = matrix.scores
    high = " or ".join(str(score) for score in range(matrix.high, highest + 1))
    markdown = page(
        "Network matrix",
        kpis(
            [
                kpi(number(matrix.counts.get(q, 0)), QUADRANTS[q][0], f"quadrant-{q}")
                for q in QUADRANTS
            ]
            + [kpi(number(matrix.unrated), "not rated yet")]
        ),
        section(
            "The matrix",
            "Each bubble holds the active people with the same influence "
            f"and accessibility scores ({lowest} to {highest}); hover to see who. "
            f"Scores of {high} are high.",
        ),
        block(network.matrix(matrix)),
        section("Who is where"),
        cards((_quadrant_card(site, q, by_quadrant[q]) for q in QUADRANTS), 2),
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
