"""The week's agenda as `netdash plan` prints it: a table, or the documented JSON."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from site_builder.compute.agenda import KIND_LABELS, when_words
from site_builder.compute.jsonify import JsonValue
from site_builder.compute.report import Agenda, AgendaItem
from site_builder.plural import counted


def item_json(item: AgendaItem) -> dict[str, JsonValue]:
    """One item: kind, contact, name, due, reason, move, template, draft, to_write, key."""
    return {
        "kind": item.kind,
        "contact": item.contact,
        "name": item.name,
        "due": item.due.isoformat() if item.due else None,
        "reason": item.reason,
        "move": item.move,
        "template": item.template,
        "draft": item.draft,
        "to_write": list(item.to_write),
        "key": item.key,
    }


def agenda_json(agenda: Agenda) -> dict[str, JsonValue]:
    """The stable `netdash plan --json` document (documented in the guide)."""
    return {
        "week": {"start": agenda.start.isoformat(), "end": agenda.end.isoformat()},
        "budget": agenda.budget,
        "items": [item_json(item) for item in agenda.items],
        "later": len(agenda.later),
    }


def _table(agenda: Agenda) -> Table:
    title = f"This week, {agenda.start:%a %d %b} to {agenda.end:%a %d %b %Y}"
    table = Table(title=title, title_justify="left", show_lines=True)
    for column in ("When", "Who", "Why, and the move"):
        table.add_column(column)
    for item in agenda.items:
        who = f"{item.name}\n[dim]{KIND_LABELS[item.kind]}[/]"
        table.add_row(when_words(item, agenda), who, f"{item.reason}\n[bold]{item.move}[/]")
    return table


def print_agenda(console: Console, agenda: Agenda) -> None:
    """The agenda as a table, with how many moves wait for later."""
    if agenda.items:
        console.print(_table(agenda))
    else:
        console.print(f"Nothing planned for the week of {agenda.start:%d %b %Y}.")
    if agenda.later:
        later = counted(len(agenda.later), "more move")
        console.print(f"Later: {later} beyond a budget of {agenda.budget}.")
