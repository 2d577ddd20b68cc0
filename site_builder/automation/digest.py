"""The weekly digest: the week's touchpoints, birthdays, promises and habits as Markdown.

A workflow posts it as a GitHub issue, so the owner is notified without a mail server.
It is rendered from the computed `Report` only; private details never appear in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from site_builder.automation.markdown import md
from site_builder.compute.report import (
    EventFollowUp,
    HabitPeriod,
    HabitProgress,
    KeyDate,
    OpenFollowUp,
    Report,
    Touchpoint,
)

if TYPE_CHECKING:
    from site_builder.pipeline.workspace import Workspace

TITLE = "Weekly networking digest"
WEEK = dt.timedelta(days=7)
KEY_DATE_DAYS = 14
"""Birthdays and anniversaries this far ahead, so there is time to plan something."""
EVENT_DAYS = 14
"""Event follow-ups are listed from the week the event ends until this long after it."""
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


def _last(touchpoint: Touchpoint) -> str:
    return str(touchpoint.last_touch) if touchpoint.last_touch else "never"


def _count(count: int, word: str) -> str:
    """`1 open follow-up`, `2 open follow-ups`; words after `overdue`/`due` do not change."""
    if count == 1 or word.startswith(("overdue", "due")):
        return f"{count} {word}"
    plural = {"birthday or anniversary": "birthdays or anniversaries"}
    return f"{count} {plural.get(word, word + 's')}"


def _days(count: int) -> str:
    return _count(count, "day")


def _overdue(touchpoints: Iterable[Touchpoint]) -> list[list[str]]:
    return [
        [md(t.name), t.circle, str(t.due), _days(t.overdue_days), _last(t)]
        for t in touchpoints
        if t.status == "overdue"
    ]


def _this_week(touchpoints: Iterable[Touchpoint], today: dt.date) -> list[list[str]]:
    rows = []
    for t in touchpoints:
        if t.status == "scheduled" and t.scheduled is not None and t.scheduled < today + WEEK:
            rows.append([md(t.name), t.circle, f"{t.scheduled:%a %d %b} (scheduled)", _last(t)])
        elif t.status in ("due", "soon") and t.due < today + WEEK:
            rows.append([md(t.name), t.circle, f"{t.due:%a %d %b}", _last(t)])
    return rows


def _key_dates(key_dates: Iterable[KeyDate]) -> list[list[str]]:
    rows = []
    for k in key_dates:
        if k.days_until <= KEY_DATE_DAYS:
            what = "birthday" if k.kind == "birthday" else "work anniversary"
            if k.years is not None:  # an age only when private details are published
                what += f" ({k.years})"
            when = "today" if k.days_until == 0 else f"{k.date:%a %d %b}"
            rows.append([md(k.name), what, when])
    return rows


def _follow_ups(follow_ups: Iterable[OpenFollowUp]) -> list[list[str]]:
    return [
        [
            md(f.do),
            md(", ".join(f.names)),
            str(f.due) if f.due else "no date",
            f"overdue {_days(f.overdue_days)}" if f.status == "overdue" else f.status,
        ]
        for f in follow_ups
    ]


def _event_follow_ups(items: Iterable[EventFollowUp], today: dt.date) -> list[list[str]]:
    rows = []
    for item in items:
        recent = today - dt.timedelta(days=EVENT_DAYS) <= item.event_end < today + WEEK
        if item.complete or not recent:
            continue
        step = next(s for s in item.steps if s.status in ("open", "missed"))
        rows.append([md(item.name), md(item.event_name), step.step, str(step.due), step.status])
    return rows


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
    """The digest for the week starting on `report.today`, as GitHub-flavoured Markdown.

    `errors` counts the data's errors: the digest then warns that it was made from the
    valid records only.
    """
    today = report.today
    last_day = today + WEEK - dt.timedelta(days=1)
    lines = [
        f"# {TITLE}: {today:%A %d %B %Y}",
        "",
        f"For {md(report.owner)}: the week of {today} to {last_day}.",
        "",
    ]
    if errors:
        lines += [
            f"> **Warning:** the data has {errors} error(s), so some records are left "
            "out. Run `netdash check` to see them.",
            "",
        ]
    sections = [
        (
            "Overdue",
            _overdue(report.touchpoints),
            ("Who", "Circle", "Was due", "Overdue by", "Last touch"),
            "Nobody is overdue.",
        ),
        (
            "Due this week",
            _this_week(report.touchpoints, today),
            ("Who", "Circle", "Due", "Last touch"),
            "Nobody else falls due this week.",
        ),
        (
            f"Birthdays and anniversaries, next {KEY_DATE_DAYS} days",
            _key_dates(report.key_dates),
            ("Who", "What", "When"),
            "None coming up.",
        ),
        (
            "Open follow-ups",
            _follow_ups(report.follow_ups),
            ("Promise", "To", "Due", "Status"),
            "No promise is waiting.",
        ),
        (
            "Event follow-ups, the 24-48-7 rule",
            _event_follow_ups(report.event_follow_ups, today),
            ("Who", "Event", "Next step", "Due", "Status"),
            "No recent event awaits a follow-up.",
        ),
        (
            "Habits",
            _habits(report.habits),
            ("Habit", "Every", "This period", "Last period", "Streak"),
            "No habits set.",
        ),
    ]
    words = (
        "overdue",
        "due this week",
        "birthday or anniversary",
        "open follow-up",
        "event follow-up",
    )
    counts = [_count(len(section[1]), word) for section, word in zip(sections, words, strict=False)]
    lines += ["In short: " + ", ".join(counts) + ".", ""]
    for title, rows, header, empty in sections:
        lines += _section(title, rows, header, empty)
    footer = f"Made by `netdash digest` for {today}."
    if site_url and site_url.startswith(("https://", "http://")):
        footer += f" [Open the dashboard]({site_url})."
    return "\n".join([*lines, "---", "", footer, ""])


def weekly_digest(workspace: Workspace, site_url: str | None = None) -> str:
    """The digest of the workspace's report for today; it counts the data's errors, as
    it is made from whatever is valid."""
    return render_digest(workspace.report, site_url, errors=len(workspace.errors))
