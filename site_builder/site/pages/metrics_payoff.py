"""The Metrics page's "Where it pays off" section: outcomes by kind, meetings that led to
an opportunity, opportunities by source, and answers by channel and by template
(`pages/metrics_payoff.html`, included by `pages/metrics.html`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.compute.report import OpportunitySource, Payoff, ResponseGroup
from site_builder.site.charts import payoff as charts
from site_builder.site.charts.figure import Chart
from site_builder.site.context import METRICS, Site
from site_builder.site.pages.common import person_link
from site_builder.site.views import Bar, Kpi, PersonLink, bar, humanize, number, percent

SOURCES_SHOWN = 10
"""The most fruitful sources of each kind a table lists."""
NO_TEMPLATE = "no template"


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One kind of outcome: all time and this roadmap year."""

    label: str
    total: str
    year: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source of opportunities: a person (linked), a circle, an event or a community."""

    kind: str
    name: PersonLink
    count: str
    bar: Bar | None


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """Outreach of one channel or template and how it was answered."""

    label: str
    sent: str
    replied: str
    no_reply: str
    pending: str
    rate: str
    median_days: str


@dataclass(frozen=True, slots=True)
class PayoffView:
    """Everything the section shows."""

    kpis: tuple[Kpi, ...]
    outcomes: tuple[OutcomeRow, ...]
    outcomes_chart: Chart
    sources: tuple[SourceRow, ...]
    channels: tuple[AnswerRow, ...]
    channels_chart: Chart | None
    templates: tuple[AnswerRow, ...]
    speed: tuple[Kpi, ...]


def _source_rows(site: Site, sources: Sequence[OpportunitySource]) -> tuple[SourceRow, ...]:
    """The first `SOURCES_SHOWN` of each kind, bars against the largest of their kind."""
    rows: list[SourceRow] = []
    for kind in dict.fromkeys(s.kind for s in sources):
        same = [s for s in sources if s.kind == kind][:SOURCES_SHOWN]
        largest = max(s.opportunities for s in same)
        for s in same:
            name = (
                person_link(site, METRICS, s.key, s.label)
                if kind == "person"
                else PersonLink(s.label, None)
            )
            share = s.opportunities / largest
            rows.append(SourceRow(kind, name, number(s.opportunities), bar(share)))
    return tuple(rows)


def _answer_row(label: str, group: ResponseGroup) -> AnswerRow:
    return AnswerRow(
        label,
        number(group.sent),
        number(group.replied),
        number(group.no_reply),
        number(group.pending),
        percent(group.rate),
        number(group.median_reply_days, 1),
    )


def _template_label(key: str | None) -> str:
    return NO_TEMPLATE if key is None else humanize(key)


def view(site: Site) -> PayoffView:
    """The section's view model, from the report's `payoff`."""
    data: Payoff = site.report.payoff
    speed = data.speed
    channel_names = [humanize(g.key or "") for g in data.channels]
    return PayoffView(
        kpis=(
            Kpi(number(data.opportunities), "opportunities, all time"),
            Kpi(number(data.meetings), "meetings"),
            Kpi(percent(data.meeting_rate), "of meetings led to an opportunity"),
        ),
        outcomes=tuple(
            OutcomeRow(humanize(c.outcome), number(c.total), number(c.roadmap_year))
            for c in data.outcomes
        ),
        outcomes_chart=charts.outcomes(data.outcomes),
        sources=_source_rows(site, data.sources),
        channels=tuple(
            _answer_row(n, g) for n, g in zip(channel_names, data.channels, strict=True)
        ),
        channels_chart=(
            charts.answer_rates(data.channels, channel_names, "Outreach answered by channel")
            if data.channels
            else None
        ),
        templates=tuple(_answer_row(_template_label(g.key), g) for g in data.templates),
        speed=(
            Kpi(number(speed.replies), "replies with a known day"),
            Kpi(number(speed.median_days, 1), "days to a reply (median)"),
            Kpi(number(speed.same_day + speed.within_2_days), "answered within 2 days"),
            Kpi(number(speed.later), "took 8 days or more"),
        ),
    )
