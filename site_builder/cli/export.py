"""`netdash export vcard|ics`: the contacts for an address book, the touchpoints for a calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app
from site_builder.cli.commands import NetdashTyper
from site_builder.cli.edit_support import check_circle, context, refusals
from site_builder.diagnostics.formats import display_path
from site_builder.editing.errors import EditError

export_app = NetdashTyper(
    help="Write contacts as vCards, touchpoints as iCalendar.", no_args_is_help=True
)
app.add_typer(export_app, name="export")

OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]


def _emit(data: bytes, output: Path | None) -> None:
    from site_builder.editing.writer import replace_file

    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    try:
        replace_file(output, data)
    except OSError as error:
        raise EditError(f"cannot write {display_path(output)}: {error.strerror or error}") from None
    typer.echo(f"wrote {display_path(output)}", err=True)


@export_app.command("vcard")
def vcard(
    output: OutputOption = None,
    circle: Annotated[str | None, typer.Option(help="Only this circle.")] = None,
    data: DataOption = Path("data"),
) -> None:
    """Every contact (or one circle) as vCard 3.0, private email and phone included."""
    from site_builder.interop.vcard_write import vcards

    with refusals():
        if circle is not None:
            check_circle(circle)
        _emit(vcards(context(data).dataset.contacts, circle).encode("utf-8"), output)


@export_app.command("ics")
def ics(
    output: OutputOption = None,
    data: DataOption = Path("data"),
    today_: TodayOption = None,
) -> None:
    """The touchpoints feed, the same as the site's touchpoints.ics."""
    from site_builder.interop.ics import calendar

    with refusals():
        workspace = context(data, today_)
        _emit(calendar(workspace.report, workspace.dataset), output)
