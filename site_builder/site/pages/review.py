"""Review: the quarterly review (`pages/review.html`). The quarter holding today is in the
nav; each earlier quarter with a review recorded in reviews.yml has a page of its own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from site_builder.compute.report import HabitProgress, QuarterReview, ReviewCandidate
from site_builder.plural import counted
from site_builder.site import templating
from site_builder.site.charts import review as charts
from site_builder.site.charts.figure import Chart
from site_builder.site.context import GUIDE_RULES, REVIEW, GeneratedPage, Site
from site_builder.site.pages.common import circle_badge, person_link
from site_builder.site.pages.roadmap import Phase, phase_card
from site_builder.site.views import Badge, Kpi, Link, PersonLink, number


def quarter_uri(quarter: str) -> str:
    """Where an earlier quarter's review lives: `review/2026-q3.md`."""
    return f"review/{quarter[:4]}-q{quarter[-1]}.md"


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone to look at, and why."""

    person: PersonLink
    circle: Badge
    strength: int
    reasons: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision recorded in reviews.yml."""

    person: PersonLink
    action: str
    note: str


@dataclass(frozen=True, slots=True)
class Note:
    """A "to improve" note."""

    date: str
    about: str
    text: str


@dataclass(frozen=True, slots=True)
class Theme:
    """Notes that share a word, or the rest."""

    title: str
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A person the quarter's opportunities came from."""

    person: PersonLink
    circle: Badge | None
    outcomes: str


@dataclass(frozen=True, slots=True)
class HabitLine:
    """A habit this period, in one line."""

    label: str
    period: str
    streak: str
    met: bool


@dataclass(frozen=True, slots=True)
class Page:
    """Everything the Review template lays out."""

    title: str
    period: str
    current: bool
    kpis: tuple[Kpi, ...]
    prune: tuple[Candidate, ...]
    prune_more: str
    promote: tuple[Candidate, ...]
    deepen: tuple[Candidate, ...]
    board_gaps: tuple[str, ...]
    phases: tuple[Phase, ...]
    habits: tuple[HabitLine, ...]
    themes: tuple[Theme, ...]
    sources: tuple[Source, ...]
    kinds: str
    reviewed_on: str
    decisions: tuple[Decision, ...]
    chart: Chart | None
    others: tuple[Link, ...]
    rules: Link


def _title(quarter: str) -> str:
    return f"{quarter[:4]} Q{quarter[-1]}"


def _candidate(site: Site, source: str, found: ReviewCandidate) -> Candidate:
    return Candidate(
        person_link(site, source, found.contact, found.name),
        circle_badge(found.circle),
        found.strength,
        ", ".join(found.reasons),
    )


def _habit(habit: HabitProgress) -> HabitLine:
    current = habit.current
    return HabitLine(
        f"{habit.label}, every {habit.every}",
        f"{current.actual:g} of {current.target:g} this {habit.every}",
        counted(habit.streak, habit.every) + " in a row",
        current.met,
    )


def _themes(review: QuarterReview) -> tuple[Theme, ...]:
    return tuple(
        Theme(
            f"\N{LEFT DOUBLE QUOTATION MARK}{t.theme}\N{RIGHT DOUBLE QUOTATION MARK}"
            if t.theme
            else "Other notes",
            tuple(Note(n.date.isoformat(), n.about or "", n.text) for n in t.notes),
        )
        for t in review.improve
    )


def _sources(site: Site, source: str, review: QuarterReview) -> tuple[Source, ...]:
    return tuple(
        Source(
            person_link(site, source, s.contact, s.name),
            circle_badge(s.circle) if s.circle else None,
            ", ".join(o.replace("_", " ") for o in s.outcomes),
        )
        for s in review.opportunities
    )


def _decisions(site: Site, source: str, review: QuarterReview) -> tuple[Decision, ...]:
    return tuple(
        Decision(
            person_link(site, source, d.contact, d.name),
            d.action + (f" to {d.circle}" if d.circle else ""),
            d.note or "",
        )
        for d in review.decisions
    )


def _kpis(review: QuarterReview) -> tuple[Kpi, ...]:
    total = sum(review.opportunity_kinds.values())
    kpis = [
        Kpi(number(total), "opportunities this quarter"),
        Kpi(number(sum(len(t.notes) for t in review.improve)), "notes to improve"),
        Kpi(number(len(review.decisions)), "decisions recorded"),
    ]
    if review.current:
        kpis[:0] = [
            Kpi(number(review.prune_total), "to prune?", "fit-over" if review.prune_total else ""),
            Kpi(number(len(review.promote)), "to promote?"),
            Kpi(
                number(len(review.board_gaps)),
                "board gaps",
                "fit-under" if review.board_gaps else "",
            ),
        ]
    return tuple(kpis)


def page(site: Site, review: QuarterReview, source: str) -> Page:
    """The view of one quarter's review, from the page at `source`."""
    report = site.report
    current = review.current
    last = review.end - dt.timedelta(days=1)
    others = tuple(
        Link(_title(r.quarter), site.href(source, REVIEW if r.current else quarter_uri(r.quarter)))
        for r in report.reviews
        if r.quarter != review.quarter
    )
    kinds = ", ".join(
        f"{count} {kind.replace('_', ' ')}" for kind, count in review.opportunity_kinds.items()
    )
    return Page(
        title=f"Review {_title(review.quarter)}",
        period=f"{review.start.isoformat()} to {last.isoformat()}",
        current=current,
        kpis=_kpis(review),
        prune=tuple(_candidate(site, source, c) for c in review.prune),
        prune_more=f"{review.prune_total - len(review.prune):,}"
        if review.prune_total > len(review.prune)
        else "",
        promote=tuple(_candidate(site, source, c) for c in review.promote),
        deepen=tuple(_candidate(site, source, c) for c in review.deepen),
        board_gaps=tuple(review.board_gaps),
        phases=tuple(phase_card(p) for p in report.roadmap) if current else (),
        habits=tuple(_habit(h) for h in report.habits) if current else (),
        themes=_themes(review),
        sources=_sources(site, source, review),
        kinds=kinds,
        reviewed_on=review.reviewed_on.isoformat() if review.reviewed_on else "",
        decisions=_decisions(site, source, review),
        chart=charts.strong_relationships(report.relationship_history) if current else None,
        others=others,
        rules=site.guide_link(source, GUIDE_RULES, "how the candidates are chosen"),
    )


def _render(site: Site, review: QuarterReview, source: str, in_nav: bool) -> GeneratedPage:
    markdown = templating.render("pages/review.html", page=page(site, review, source))
    return GeneratedPage(source, markdown, wide=True, in_nav=in_nav)


def render(site: Site) -> GeneratedPage:
    """The Review page: the quarter holding today."""
    current = next(r for r in site.report.reviews if r.current)
    return _render(site, current, REVIEW, True)


def earlier(site: Site) -> list[GeneratedPage]:
    """A page for each earlier quarter with a recorded review, out of the nav."""
    return [
        _render(site, r, quarter_uri(r.quarter), False)
        for r in site.report.reviews
        if not r.current
    ]
