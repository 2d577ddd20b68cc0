"""The digest's journal: the reflections of the last seven days, with what was learned and
the actions still open. Left out of a week without any."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from site_builder.automation.markdown import md
from site_builder.compute.journal_records import JournalNote
from site_builder.compute.report import Report

DAYS = 7


def recent(report: Report) -> tuple[JournalNote, ...]:
    """Reflections dated within the last seven days (today included), latest first."""
    since = report.today - dt.timedelta(days=DAYS - 1)
    return tuple(note for note in report.journal if since <= note.date <= report.today)


def _about(note: JournalNote) -> str:
    return md(note.name or note.event_name or "-")


def _actions(note: JournalNote) -> str:
    open_ = [a for a in note.actions if a.done is None]
    return "; ".join(md(f"{a.do} (by {a.due})") for a in open_) or "-"


def journal_lines(report: Report) -> Sequence[str]:
    """A '## Journal' section of the digest, or nothing when the week has no reflection."""
    notes = recent(report)
    if not notes:
        return []
    lines = [
        f"## Journal ({len(notes)})",
        "",
        "| Date | About | Learned | To improve | Open actions |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {note.date} | {_about(note)} | {md('; '.join(note.learned)) or '-'} | "
        f"{md(note.improve or '') or '-'} | {_actions(note)} |"
        for note in notes
    ]
    return [*lines, ""]
