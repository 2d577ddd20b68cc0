"""The schedule as tables in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from site_builder.compute.report import TOUCH_STATUSES, TouchStatus
from site_builder.plural import counted
from site_builder.views.agenda import print_agenda
from site_builder.views.due import DueView

STATUS_STYLE: dict[TouchStatus, str] = {
    "overdue": "bold red",
    "due": "bold yellow",
    "soon": "yellow",
    "scheduled": "cyan",
    "new": "magenta",
    "ok": "green",
}


def _touchpoint_table(view: DueView) -> Table:
    table = Table(title=f"Touchpoints on {view.today.isoformat()}", title_justify="left")
    for column in ("Status", "Name", "Circle", "Every", "Last touch", "Due", "Notes"):
        table.add_column(column)
    for status in TOUCH_STATUSES:
        for point in (p for p in view.touchpoints if p.status == status):
            notes = [
                f"{counted(point.overdue_days, 'day')} overdue" if point.overdue_days else "",
                f"meeting {point.scheduled}" if point.scheduled else "",
                "dormant" if point.dormant else "",
                "never contacted" if point.never_contacted else "",
            ]
            table.add_row(
                f"[{STATUS_STYLE[status]}]{status}[/]",
                point.name,
                point.circle,
                f"{point.cadence_days} d",
                str(point.last_touch or "-"),
                str(point.due),
                ", ".join(n for n in notes if n),
            )
    return table


def _key_date_table(view: DueView) -> Table:
    table = Table(title="Birthdays and anniversaries", title_justify="left")
    for column in ("Date", "In", "Name", "What"):
        table.add_column(column)
    for key in view.key_dates:
        what = key.kind.replace("_", " ") + (f" ({key.years})" if key.years else "")
        table.add_row(str(key.date), f"{key.days_until} d", key.name, what)
    return table


def _follow_up_table(view: DueView) -> Table:
    table = Table(title="Open follow-ups", title_justify="left")
    for column in ("Due", "Status", "With", "Do"):
        table.add_column(column)
    for promise in view.follow_ups:
        table.add_row(str(promise.due or "-"), promise.status, ", ".join(promise.names), promise.do)
    return table


def _event_table(view: DueView) -> Table:
    table = Table(title="Event follow-ups (24-48-7)", title_justify="left")
    for column in ("Event", "Person", "Connect", "Send", "Meet"):
        table.add_column(column)
    for item in view.event_follow_ups:
        steps = [f"{s.status} (due {s.due})" for s in item.steps]
        table.add_row(item.event_name, item.name, *steps)
    return table


def print_due(console: Console, view: DueView) -> None:
    """The week's agenda, then the schedule, as readable tables."""
    print_agenda(console, view.agenda)
    if view.touchpoints:
        console.print(_touchpoint_table(view))
    else:
        console.print(f"No touchpoints due on {view.today.isoformat()}.")
    for table in (_key_date_table(view), _follow_up_table(view), _event_table(view)):
        if table.row_count:
            console.print(table)
