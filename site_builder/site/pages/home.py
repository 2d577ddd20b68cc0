"""Home: the day's dashboard. Key numbers, this week's touchpoints, overdue people,
birthdays, open follow-ups, the roadmap at a glance and a few charts."""

from __future__ import annotations

from site_builder.compute.report import PhaseProgress, Touchpoint
from site_builder.site.charts import activity
from site_builder.site.context import (
    EVENTS,
    HOME,
    METRICS,
    PEOPLE,
    ROADMAP,
    TOUCHPOINTS,
    GeneratedPage,
    Site,
)
from site_builder.site.html import (
    EMPTY,
    Html,
    bar,
    block,
    card,
    esc,
    grid,
    humanize,
    join,
    link,
    number,
    percent,
    raw,
    tag,
)
from site_builder.site.pages.common import (
    circle_badge,
    dot,
    kpi,
    kpis,
    list_card,
    person_link,
    relative_days,
    section,
    shown_years,
    status_badge,
    touch_badge,
)

SOURCE = HOME
LISTED = 8
KEY_DATE_DAYS = 30


def _more(site: Site, total: int, target: str, what: str) -> Html:
    if total <= LISTED:
        return EMPTY
    return tag(
        "p", link(site.href(SOURCE, target), esc(f"All {total:,} {what} →")), class_="nd-small"
    )


def _point(site: Site, point: Touchpoint) -> Html:
    due = point.scheduled or point.due or site.today
    return (
        dot("circle", point.circle)
        + person_link(site, SOURCE, point.contact, point.name)
        + esc(" ")
        + touch_badge(point.status)
        + tag("span", esc(f" {relative_days(due, site.today)}"), class_="nd-muted nd-small")
    )


def _touch_cards(site: Site) -> list[Html]:
    overdue = [p for p in site.report.touchpoints if p.status == "overdue"]
    week = site.report.this_week
    return [
        list_card(
            f"Overdue ({len(overdue):,})",
            [_point(site, p) for p in overdue[:LISTED]],
            "Nobody is overdue.",
            _more(site, len(overdue), TOUCHPOINTS, "overdue"),
            "touch-overdue",
        ),
        list_card(
            f"This week ({len(week):,})",
            [_point(site, p) for p in week[:LISTED]],
            "Nothing else due this week.",
            _more(site, len(week), TOUCHPOINTS, "due this week"),
            "touch-soon",
        ),
    ]


def _dates_card(site: Site) -> Html:
    soon = [d for d in site.report.key_dates if d.days_until <= KEY_DATE_DAYS]
    items = [
        person_link(site, SOURCE, d.contact, d.name)
        + esc(f" · {humanize(d.kind)}" + (f" ({years})" if (years := shown_years(site, d)) else ""))
        + tag("span", esc(f" {relative_days(d.date, site.today)}"), class_="nd-muted nd-small")
        for d in soon[:LISTED]
    ]
    return list_card(
        f"Birthdays and anniversaries, next {KEY_DATE_DAYS} days",
        items,
        "None coming up.",
        _more(site, len(soon), TOUCHPOINTS, "key dates"),
    )


def _follow_ups_card(site: Site) -> Html:
    items = [
        (touch_badge(f.status) + esc(" ") if f.status != "open" else EMPTY)
        + esc(f.do)
        + esc(" · ")
        + person_link(site, SOURCE, f.contacts[0], f.names[0])
        for f in site.report.follow_ups[:LISTED]
    ]
    events = [e for e in site.report.event_follow_ups if not e.complete]
    to_events = link(
        site.href(SOURCE, EVENTS), esc(f"{len(events):,} event follow-ups to finish →")
    )
    footer = tag("p", to_events, class_="nd-small") if events else EMPTY
    return list_card(
        f"Open follow-ups ({len(site.report.follow_ups):,})",
        items,
        "No promise is open.",
        footer + _more(site, len(site.report.follow_ups), TOUCHPOINTS, "follow-ups"),
    )


def _phase_line(phase: PhaseProgress) -> Html:
    done = sum(t.status == "done" for t in phase.targets)
    return (
        tag("div", esc(phase.phase) + esc(" ") + status_badge("target", phase.status))
        + bar(phase.elapsed, "progress", f"{phase.elapsed:.0%} elapsed")
        + tag(
            "div",
            esc(
                f"{done} of {len(phase.targets)} targets done · "
                f"{phase.elapsed:.0%} of the time elapsed"
            ),
            class_="nd-muted nd-small",
        )
    )


def _roadmap_card(site: Site) -> Html:
    current = [p for p in site.report.roadmap if p.current]
    phases = current or list(site.report.roadmap[:1])
    body = (
        join(tag("div", _phase_line(p)) for p in phases)
        if phases
        else tag("p", esc("No roadmap yet."), class_="nd-muted")
    )
    habits = [
        tag(
            "li",
            esc(
                f"{h.label}: {h.current.actual:g}/{h.current.target:g} this "
                f"{h.every} · streak {h.streak}"
            ),
        )
        for h in site.report.habits
    ]
    if habits:
        body += tag("ul", join(habits), class_="nd-plain nd-small")
    footer = tag(
        "p", link(site.href(SOURCE, ROADMAP), esc("The whole roadmap →")), class_="nd-small"
    )
    return card(esc("Roadmap at a glance"), body + footer)


def _numbers(site: Site) -> str:
    report = site.report
    counts = {s: sum(p.status == s for p in report.touchpoints) for s in ("overdue", "due", "soon")}
    give = next((s.percent for s in report.value_mix.shares if s.value == "give"), 0.0)
    return kpis(
        [
            kpi(number(len(report.touchpoints)), "active people", "", site.href(SOURCE, PEOPLE)),
            kpi(
                number(counts["overdue"]),
                "overdue",
                "touch-overdue",
                site.href(SOURCE, TOUCHPOINTS),
            ),
            kpi(
                number(counts["due"] + counts["soon"]),
                "due soon",
                "touch-soon",
                site.href(SOURCE, TOUCHPOINTS),
            ),
            kpi(number(len(report.follow_ups)), "open follow-ups", "touch-due"),
            kpi(
                esc(f"{give:.0f}%"), "gives, last 90 days", "value-give", site.href(SOURCE, METRICS)
            ),
            kpi(number(report.consistency.current_streak), "weeks in a row", "target-done"),
            kpi(
                percent(report.responses.response_rate),
                "reply to my outreach",
                "",
                site.href(SOURCE, METRICS),
            ),
        ]
    )


def _greeting(site: Site) -> str:
    today = site.today
    circles = " ".join(f"{circle_badge(c.circle)} {c.count:,}" for c in site.report.circles)
    return block(
        tag("h1", esc(f"{site.report.owner}'s network"))
        + tag(
            "p",
            esc(f"{today:%A} {today.day} {today:%B %Y}" + " · ") + raw(circles),
            class_="nd-lead",
        )
    )


def render(site: Site) -> GeneratedPage:
    """The Home page."""
    report = site.report
    charts = grid(
        [
            card(esc("Workload, next 12 weeks"), activity.workload(report.workload[:12])),
            card(esc("Value mix, last 90 days"), activity.value_mix(report.value_mix)),
        ],
        class_="nd-grid-2",
    )
    markdown = "".join(
        [
            _greeting(site),
            _numbers(site),
            block(
                grid(
                    [*_touch_cards(site), _dates_card(site), _follow_ups_card(site)],
                    class_="nd-grid-2",
                )
            ),
            block(
                grid(
                    [
                        _roadmap_card(site),
                        card(esc("Consistency"), activity.consistency(report.consistency)),
                    ],
                    class_="nd-grid-2",
                )
            ),
            section("Ahead and behind"),
            block(charts),
        ]
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
