"""Roadmap & habits: phase cards with progress, the burn-up, and habit streaks."""

from __future__ import annotations

import datetime as dt

from site_builder.compute.report import HabitProgress, PhaseProgress, TargetProgress
from site_builder.site.charts import roadmap as charts
from site_builder.site.context import ROADMAP, GeneratedPage, Site
from site_builder.site.html import (
    EMPTY,
    Html,
    bar,
    block,
    card,
    day,
    esc,
    grid,
    join,
    number,
    tabs,
    tag,
)
from site_builder.site.pages.common import kpi, kpis, page, section, status_badge

SOURCE = ROADMAP


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _target(target: TargetProgress) -> Html:
    if target.kind == "milestone":
        done = esc(f" done {target.done_on.isoformat()}") if target.done_on else EMPTY
        figures = status_badge("target", target.status) + done
        progress = bar(1.0 if target.done_on else 0.0, f"target-{target.status.replace('_', '-')}")
    else:
        figures = esc(f"{_amount(target.actual)} / {_amount(target.target)} ") + status_badge(
            "target", target.status
        )
        progress = bar(
            target.share, f"target-{target.status.replace('_', '-')}", f"{target.share:.0%}"
        )
    note = tag("div", esc(target.note), class_="nd-muted nd-small") if target.note else EMPTY
    return tag(
        "li",
        tag("div", esc(target.label)) + progress + tag("div", figures, class_="nd-small") + note,
    )


def phase_card(phase: PhaseProgress) -> Html:
    """One phase: its months and dates, how much of it has elapsed, and its targets."""
    months = (
        f"Month {phase.first_month}"
        if phase.first_month == phase.last_month
        else f"Months {phase.first_month}\N{EN DASH}{phase.last_month}"
    )
    last_day = phase.end - dt.timedelta(days=1)
    head = tag(
        "p",
        esc(f"{months} · ")
        + day(phase.start)
        + esc(" to ")
        + day(last_day)
        + esc(" ")
        + status_badge("target", phase.status),
        class_="nd-small",
    )
    elapsed = tag(
        "div", esc(f"{phase.elapsed:.0%} of the time elapsed"), class_="nd-muted nd-small"
    ) + bar(phase.elapsed, "progress")
    targets = tag("ul", join(_target(t) for t in phase.targets), class_="nd-plain")
    colour = f"nd-target-{phase.status.replace('_', '-')}"
    return card(esc(phase.phase), head + elapsed + targets, class_=f"nd-phase {colour}")


def habit_card(habit: HabitProgress) -> Html:
    """One habit: this period against its target, the streak and the recent periods."""
    current = habit.current
    head = tag(
        "p",
        esc(
            f"{_amount(current.actual)} of {_amount(current.target)} this "
            f"{habit.every} ({current.label})"
        ),
        class_="nd-small",
    )
    streak = tag(
        "p",
        tag("span", esc(f"{habit.streak}"), class_="nd-score")
        + esc(f" {habit.every}{'s' if habit.streak != 1 else ''} in a row"),
    )
    colour = "nd-target-done" if current.met else "nd-target-on-track"
    return card(
        esc(f"{habit.label}, every {habit.every}"),
        streak
        + head
        + bar(current.share, "target-done" if current.met else "progress")
        + charts.habit(habit),
        class_=f"nd-kpi {colour}",
    )


def _burnups(site: Site) -> str:
    burnups = site.report.burnups
    if not burnups:
        return "No roadmap target counts a metric over the whole network yet.\n"
    return block(tabs("burnup", [(b.label, charts.burnup(b)) for b in burnups]))


def render(site: Site) -> GeneratedPage:
    """The Roadmap & habits page."""
    report = site.report
    statuses = [t.status for p in report.roadmap for t in p.targets]
    markdown = page(
        "Roadmap & habits",
        kpis(
            [
                kpi(number(statuses.count("done")), "targets done", "target-done"),
                kpi(number(statuses.count("on_track")), "on track", "target-on-track"),
                kpi(number(statuses.count("behind")), "behind", "target-behind"),
                kpi(number(statuses.count("missed")), "missed", "target-missed"),
                kpi(number(statuses.count("upcoming")), "upcoming", "target-upcoming"),
            ]
        ),
        section(
            "The 12-month roadmap",
            f"From {report.roadmap_start.isoformat()}; each phase's "
            "targets count what happened within the phase's months.",
        ),
        block(grid((phase_card(p) for p in report.roadmap), class_="nd-grid-2"))
        if report.roadmap
        else "No roadmap in `goals.yml` yet.\n",
        section(
            "Burn-up",
            "The running total over the roadmap year against the plan "
            "(the sum of the phases' targets, step by step).",
        ),
        _burnups(site),
        section("Habits"),
        block(grid((habit_card(h) for h in report.habits), class_="nd-grid-2"))
        if report.habits
        else "No habit in `goals.yml` yet.\n",
    )
    return GeneratedPage(SOURCE, markdown, wide=True)
