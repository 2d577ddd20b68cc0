"""Data health: the loader's warnings, missing CRM fields, stale data, likely duplicates
(`pages/health.html`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_builder.compute.report import CrmField
from site_builder.diagnostics.problems import Problem
from site_builder.site import templating
from site_builder.site.context import GUIDE_EDITING, HEALTH, GeneratedPage, Site
from site_builder.site.pages.common import people_links
from site_builder.site.views import Kpi, People, When, number, when

SOURCE = HEALTH
FIELD_LABELS: dict[CrmField, str] = {
    "can_help_them": "how I can help them",
    "can_help_me": "how they can help me",
}
"""Labels of the CRM fields whose name does not read as words."""
DUPLICATE_WORDS = ("likely the same person", "duplicate")
"""How the loader's duplicate-people warnings begin."""


@dataclass(frozen=True, slots=True)
class Gap:
    """A CRM field some active people leave empty, and who."""

    field: str
    count: str
    people: People


@dataclass(frozen=True, slots=True)
class Freshness:
    """How current the log is: `latest` is None when nothing is logged; `days` is how
    long ago when the log looks stale, else `""`."""

    latest: When | None
    days: str
    never: People | None
    never_count: str


def _where(site: Site, problem: Problem) -> str:
    root = site.dataset.root
    try:
        path = problem.path.relative_to(root.parent)
    except ValueError:
        path = Path(problem.path.name)
    return f"{path.as_posix()}:{problem.line}:{problem.column}"


def problems(site: Site, found: list[Problem]) -> list[tuple[str, str]]:
    """Warnings with the file, line and column to fix."""
    return [(_where(site, p), p.message) for p in found]


def gaps(site: Site) -> list[Gap]:
    """For each CRM field, how many active people lack it, and who."""
    return [
        Gap(
            FIELD_LABELS.get(gap.field, gap.field),
            number(len(gap.contacts)),
            people_links(site, SOURCE, gap.contacts, 10),
        )
        for gap in site.report.missing_fields
        if gap.contacts
    ]


def _freshness(site: Site) -> Freshness:
    fresh = site.report.freshness
    never = fresh.never_contacted
    return Freshness(
        when(fresh.latest_interaction, site.today),
        f"{fresh.days_since}" if fresh.stale else "",
        people_links(site, SOURCE, never, 20) if never else None,
        f"{len(never):,}",
    )


def render(site: Site) -> GeneratedPage:
    """The Data health page."""
    duplicates = [p for p in site.problems if p.message.lower().startswith(DUPLICATE_WORDS)]
    others = [p for p in site.problems if p not in duplicates]
    markdown = templating.render(
        "pages/health.html",
        kpis=[
            Kpi(number(len(others)), "warnings", "severity-warning" if others else ""),
            Kpi(
                number(len(duplicates)),
                "likely duplicates",
                "severity-warning" if duplicates else "",
            ),
        ],
        guide=site.guide_link(SOURCE, GUIDE_EDITING, "Editing the data"),
        warnings=problems(site, others),
        duplicates=problems(site, duplicates),
        gaps=gaps(site),
        fresh=_freshness(site),
    )
    return GeneratedPage(SOURCE, markdown)
