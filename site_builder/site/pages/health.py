"""Data health: the loader's warnings, missing CRM fields, stale data, likely duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from site_builder.compute.report import CrmField
from site_builder.diagnostics.problems import Problem
from site_builder.site.context import GUIDE_EDITING, HEALTH, GeneratedPage, Site
from site_builder.site.html import Html, admonition, block, esc, number, raw, table, tag
from site_builder.site.pages.common import kpi, kpis, page, people_links, section, when

SOURCE = HEALTH
FIELD_LABELS: dict[CrmField, str] = {
    "can_help_them": "how I can help them",
    "can_help_me": "how they can help me",
}
"""Labels of the CRM fields whose name does not read as words."""
DUPLICATE_WORDS = ("likely the same person", "duplicate")
"""How the loader's duplicate-people warnings begin."""


def _where(site: Site, problem: Problem) -> str:
    root = site.dataset.root
    try:
        path = problem.path.relative_to(root.parent)
    except ValueError:
        path = Path(problem.path.name)
    return f"{path.as_posix()}:{problem.line}:{problem.column}"


def problems_table(site: Site, problems: Sequence[Problem]) -> Html:
    """Warnings with the file, line and column to fix."""
    rows = [[tag("code", esc(_where(site, p))), esc(p.message)] for p in problems]
    return table([esc("Where"), esc("What")], rows)


def missing_fields_table(site: Site) -> Html:
    """For each CRM field, how many active people lack it, and who."""
    rows = [
        [
            esc(FIELD_LABELS.get(gap.field, gap.field)),
            number(len(gap.contacts)),
            people_links(site, SOURCE, gap.contacts, 10),
        ]
        for gap in site.report.missing_fields
        if gap.contacts
    ]
    return table([esc("Field"), esc("Missing"), esc("Who")], rows, data_sortable=True)


def _stale(site: Site) -> str:
    fresh = site.report.freshness
    latest, never = fresh.latest_interaction, fresh.never_contacted
    if latest is None:
        note = admonition(
            "warning",
            esc("No interaction logged"),
            tag("p", esc("Log a first interaction to start the schedule.")),
        )
    elif fresh.stale:
        note = admonition(
            "warning",
            esc("The log looks stale"),
            tag(
                "p",
                esc(
                    f"The latest interaction is from {latest.isoformat()}, "
                    f"{fresh.days_since} days ago. Anything to log since?"
                ),
            ),
        )
    else:
        note = admonition(
            "success",
            esc("The log is current"),
            tag("p", raw("Latest interaction: ") + when(latest, site.today)),
        )
    people = (
        tag(
            "p",
            esc(f"{len(never):,} active people were never contacted: ")
            + people_links(site, SOURCE, never, 20),
        )
        if never
        else raw("")
    )
    return block(note + people)


def render(site: Site) -> GeneratedPage:
    """The Data health page."""
    duplicates = [p for p in site.problems if p.message.lower().startswith(DUPLICATE_WORDS)]
    others = [p for p in site.problems if p not in duplicates]
    missing = missing_fields_table(site)
    markdown = page(
        "Data health",
        kpis(
            [
                kpi(number(len(others)), "warnings", "severity-warning" if others else ""),
                kpi(
                    number(len(duplicates)),
                    "likely duplicates",
                    "severity-warning" if duplicates else "",
                ),
            ]
        ),
        block(
            tag(
                "p",
                esc("How to fix things: see ")
                + site.guide_link(SOURCE, GUIDE_EDITING, "Editing the data")
                + esc("."),
            )
        ),
        section("Warnings", "Problems that do not stop the build, with the place to fix them."),
        block(problems_table(site, others)) if others else "None: the data is clean.\n",
        section("Likely duplicate people"),
        block(problems_table(site, duplicates)) if duplicates else "None found.\n",
        section("Missing CRM fields", "Active people whose file leaves a field empty."),
        block(missing) if "<td>" in missing else "Every active person has every field.\n",
        section("Stale data"),
        _stale(site),
    )
    return GeneratedPage(SOURCE, markdown)
