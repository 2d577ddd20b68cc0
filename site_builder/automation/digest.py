"""The weekly digest: the week's agenda and the habits, as Markdown.

A workflow posts it as a GitHub issue, so the owner is notified without a mail server.
It is rendered from the computed `Report` only; private details never appear in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from site_builder.automation.digest_journal import journal_lines
from site_builder.automation.markdown import md
from site_builder.compute.agenda import KIND_LABELS, when_words
from site_builder.compute.report import Agenda, HabitPeriod, HabitProgress, Report
from site_builder.plural import counted

if TYPE_CHECKING:
    from site_builder.pipeline.workspace import Workspace

TITLE = "Weekly networking digest"
MAX_ROWS = 25


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines.append(f"\n…and {len(rows) - MAX_ROWS} more.")
    return lines


def _section(
    title: str, rows: Sequence[Sequence[str]], header: Sequence[str], empty: str
) -> list[str]:
    lines = [f"## {title} ({len(rows)})", ""]
    lines += _table(header, rows) if rows else [empty]
    return [*lines, ""]


def _agenda(agenda: Agenda) -> list[list[str]]:
    return [
        [
            when_words(item, agenda),
            md(item.name),
            KIND_LABELS[item.kind],
            md(item.reason),
            md(item.move),
        ]
        for item in agenda.items
    ]


def _period(period: HabitPeriod | None, current: bool) -> str:
    if period is None:
        return "-"
    mark = "met" if period.met else ("not yet" if current else "missed")
    return f"{period.actual:g} / {period.target:g} ({mark})"


def _habits(habits: Iterable[HabitProgress]) -> list[list[str]]:
    rows = []
    for h in habits:
        previous = h.history[-2] if len(h.history) > 1 else None
        rows.append(
            [
                md(h.label),
                h.every,
                _period(h.current, True),
                _period(previous, False),
                str(h.streak),
            ]
        )
    return rows


def render_digest(report: Report, site_url: str | None = None, errors: int = 0) -> str:
    """The digest of the week holding `report.today`, as GitHub-flavoured Markdown.

    `errors` counts the data's errors: the digest then warns that it was made from the
    valid records only.
    """
    today = report.today
    lines = [
        f"# {TITLE}: {today:%A %d %B %Y}",
        "",
        f"For {md(report.owner)}: the week of {report.agenda.start} to {report.agenda.end}.",
        "",
    ]
    if errors:
        lines += [
            f"> **Warning:** the data has {counted(errors, 'error')}, so some records are left "
            "out. Run `netdash check` to see them.",
            "",
        ]
    agenda = report.agenda
    more = counted(len(agenda.later), "more move")
    later = f", {more} later" if agenda.later else ""
    lines += [
        f"In short: {counted(len(agenda.items), 'move')} this week (a budget of "
        f"{agenda.budget}){later}.",
        "",
    ]
    lines += _section(
        "This week",
        _agenda(agenda),
        ("When", "Who", "What", "Why", "Move"),
        "Nothing to do this week.",
    )
    if agenda.later:
        lines += [f"Later: {more} beyond the budget.", ""]
    lines += journal_lines(report)
    lines += _section(
        "Habits",
        _habits(report.habits),
        ("Habit", "Every", "This period", "Last period", "Streak"),
        "No habits set.",
    )
    footer = f"Made by `netdash digest` for {today}."
    if site_url and site_url.startswith(("https://", "http://")):
        footer += f" [Open the dashboard]({site_url})."
    return "\n".join([*lines, "---", "", footer, ""])


def weekly_digest(workspace: Workspace, site_url: str | None = None) -> str:
    """The digest of the workspace's report for today; it counts the data's errors, as
    it is made from whatever is valid."""
    return render_digest(workspace.report, site_url, errors=len(workspace.errors))
