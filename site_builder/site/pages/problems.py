"""The page `netdash serve` shows while the data has errors: each problem at its
file:line:column, in place of every page of the nav and of the "not found" page. The page
checks every second whether the data reads again (`netdash.js`) and then reloads."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import NamedTuple

from site_builder.diagnostics.formats import display_path, printable
from site_builder.diagnostics.problems import Problem
from site_builder.plural import counted
from site_builder.site import templating
from site_builder.site.context import (
    CIRCLES,
    EVENTS,
    HEALTH,
    HOME,
    JOURNAL,
    MATRIX,
    METRICS,
    PEOPLE,
    ROADMAP,
    TOUCHPOINTS,
    WEEK,
    GeneratedPage,
)

SOURCES = (
    HOME,
    WEEK,
    TOUCHPOINTS,
    PEOPLE,
    CIRCLES,
    MATRIX,
    EVENTS,
    ROADMAP,
    METRICS,
    JOURNAL,
    HEALTH,
)
"""The pages that show the problems (any other address gets them as "not found")."""
TITLE = "Problems in the data"


class Shown(NamedTuple):
    """One problem: where (file:line:column), how bad, what."""

    where: str
    severity: str
    message: str


class Problems(NamedTuple):
    """The problems, and a digest of them: the page reloads when the digest changes."""

    heading: str
    problems: tuple[Shown, ...]
    digest: str


def view(problems: Sequence[Problem]) -> Problems:
    """The problems as the page lists them, errors first."""
    ordered = sorted(problems, key=lambda p: (not p.is_error, str(p.path), p.line, p.column))
    shown = tuple(
        Shown(f"{display_path(p.path)}:{p.line}:{p.column}", p.severity, printable(p.message))
        for p in ordered
    )
    errors = sum(p.is_error for p in problems)
    digest = hashlib.sha256(repr(shown).encode()).hexdigest()[:16]
    return Problems(f"The data has {counted(errors, 'error')}", shown, digest)


def body(problems: Sequence[Problem]) -> str:
    """The page's content as HTML."""
    return templating.render("pages/problems.html", page=view(problems))


def pages(problems: Sequence[Problem]) -> list[GeneratedPage]:
    """The problems page, at the address of every page of the nav."""
    html = body(problems)
    title = str(templating.title_html(TITLE))
    return [GeneratedPage(source, "", title=title, html=html) for source in SOURCES]
