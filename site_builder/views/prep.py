"""An event's prep sheet as `netdash prep` prints it: the targets, what to know about each,
a first line for each, the openers for the room and your introduction; after the event,
the targets met against those planned."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from site_builder.compute.prep import SHEET_DAYS, targets_words, when_words
from site_builder.compute.prep_records import EventPrep, PrepTarget
from site_builder.compute.report import Report
from site_builder.models import Event
from site_builder.plural import counted


def next_prep(report: Report) -> EventPrep | None:
    """The sheet of the next event (or one under way), if one begins within two weeks."""
    return next((prep for prep in report.prep if prep.sheet), None)


def find_prep(report: Report, event: str) -> EventPrep | None:
    """The preparation of one event, when the report holds it."""
    return next((prep for prep in report.prep if prep.event == event), None)


def no_sheet(event: Event, today: dt.date) -> str:
    """Why an event has no preparation today, in words."""
    if event.last_day < today:
        return f"{event.name} is over and had no targets"
    opens = event.date - dt.timedelta(days=SHEET_DAYS)
    days = counted((event.date - today).days, "day")
    return f"{event.name} begins on {event.date}, in {days}: its prep sheet opens on {opens}"


def _last(target: PrepTarget) -> str:
    if target.last_touch is None:
        return "never"
    return (
        f"{target.last_touch} ({target.last_kind})" if target.last_kind else str(target.last_touch)
    )


def _mutual(target: PrepTarget) -> str:
    shown = [f"{m.name} ({m.why})" for m in target.mutual]
    more = target.mutual_total - len(target.mutual)
    return "\n".join([*shown, *([f"and {more} more"] if more > 0 else [])]) or "-"


def _targets(prep: EventPrep) -> Table:
    table = Table(show_lines=True)
    columns = ("Who", "Last touch", "Interests")
    for column in (*columns, *(("Met",) if prep.past else ("People you both know", "Opener"))):
        table.add_column(column)
    for target in prep.targets:
        work = " at ".join(filter(None, (target.role, target.company)))
        met = f"yes, {target.met_on}" if target.met_on else "no"
        table.add_row(
            escape(target.name + (f"\n{work}" if work else "")),
            escape(_last(target)),
            escape(", ".join(target.interests) or "-"),
            *((escape(met),) if prep.past else (escape(_mutual(target)), escape(target.opener))),
        )
    return table


def print_prep(console: Console, prep: EventPrep) -> None:
    """The sheet (or, after the event, the targets met) in the terminal."""
    words = " · ".join(filter(None, (prep.kind, prep.role, when_words(prep))))
    console.print(f"[bold]{escape(prep.name)}[/] · {escape(words)}")
    if not prep.past:
        if prep.topics:
            console.print("Topics: " + escape(" · ".join(prep.topics)))
        if prep.notes:
            console.print("Notes: " + escape(prep.notes))
        intro = prep.pitch or "none yet: add `pitch:` to settings.yml"
        console.print("Your 30-second introduction: " + escape(intro))
        console.print("Openers for the room: " + escape(" / ".join(prep.openers)))
        console.print("To keep it going: " + escape(" / ".join(prep.questions)))
    if prep.targets:
        console.print(f"Targets: {targets_words(prep)}")
        console.print(_targets(prep))
    else:
        console.print("No targets yet: list the people you mean to meet in its `targets`.")
