"""Network matrix: influence against accessibility, in four quadrants (`pages/matrix.html`)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.report import MatrixCell
from site_builder.site import templating
from site_builder.site.charts import network
from site_builder.site.context import MATRIX, GeneratedPage, Site
from site_builder.site.pages.common import people_links
from site_builder.site.views import Kpi, People, number

SOURCE = MATRIX
QUADRANTS = {
    "golden": ("Golden", "Influential and easy to reach: keep these relationships warm."),
    "aspirational": ("Aspirational", "Influential but hard to reach: earn access by giving first."),
    "peer": ("Peers", "Easy to reach, less influential: your allies and collaborators."),
    "avoid": ("Avoid", "Neither influential nor easy to reach: spend little time here."),
}


@dataclass(frozen=True, slots=True)
class QuadrantCard:
    """A quadrant: its advice and the people in it, most influential first."""

    title: str
    colour: str
    advice: str
    people: People


def _quadrant_card(site: Site, quadrant: str, cells: list[MatrixCell]) -> QuadrantCard:
    title, advice = QUADRANTS[quadrant]
    ranked = sorted(cells, key=lambda c: (-c.influence, -c.accessibility, c.name.casefold()))
    return QuadrantCard(
        f"{title} ({len(cells):,})",
        f"quadrant-{quadrant}",
        advice,
        people_links(site, SOURCE, [c.contact for c in ranked], 30),
    )


def render(site: Site) -> GeneratedPage:
    """The Network matrix page."""
    matrix = site.report.matrix
    by_quadrant = {q: [c for c in matrix.cells if c.quadrant == q] for q in QUADRANTS}
    lowest, highest = matrix.scores
    kpis = [
        Kpi(number(matrix.counts.get(q, 0)), QUADRANTS[q][0], f"quadrant-{q}") for q in QUADRANTS
    ]
    kpis.append(Kpi(number(matrix.unrated), "not rated yet"))
    markdown = templating.render(
        "pages/matrix.html",
        kpis=kpis,
        lowest=lowest,
        highest=highest,
        high=" or ".join(str(score) for score in range(matrix.high, highest + 1)),
        chart=network.matrix(matrix),
        quadrants=[_quadrant_card(site, q, by_quadrant[q]) for q in QUADRANTS],
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
