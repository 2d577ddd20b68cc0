"""`netdash add`: a new contact file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DAY, DataOption, app, iso_date
from site_builder.cli.edit_support import DryRunOption, context, refusals, write


@app.command()
def add(  # noqa: PLR0917 - Typer passes each option by name
    name: Annotated[str, typer.Argument(help="Full name.")],
    circle: Annotated[
        str | None, typer.Option(help="inner, middle or outer (a prospect: outer by default).")
    ] = None,
    company: Annotated[str | None, typer.Option()] = None,
    role: Annotated[str | None, typer.Option(help="Job title.")] = None,
    met_on: Annotated[
        dt.date | None, typer.Option(parser=iso_date, metavar=DAY, help="When you met.")
    ] = None,
    how: Annotated[str | None, typer.Option(help="How you met, in a few words.")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="A label; repeat for more.")] = None,
    email: Annotated[str | None, typer.Option(help="Kept under private:.")] = None,
    linkedin: Annotated[str | None, typer.Option(help="LinkedIn profile URL.")] = None,
    contact_id: Annotated[
        str | None, typer.Option("--id", help="The id; default from the name.")
    ] = None,
    prospect: Annotated[
        bool, typer.Option("--prospect", help="Someone you mean to meet: no day met yet.")
    ] = False,
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Create data/contacts/<id>.yml for a new person (never overwrites). A prospect, someone
    you have not met nor contacted, waits in the agenda's "reach out" moves."""
    from site_builder.editing.actions import add_change

    if prospect and met_on is not None:
        raise typer.BadParameter("a prospect has no day met yet: leave out --met-on")
    if circle is None and not prospect:
        raise typer.BadParameter("give the --circle: inner, middle or outer")
    with refusals():
        dataset = context(data).dataset
        met = {"on": met_on.isoformat() if met_on else None, "how": how}
        fields = {
            "name": name,
            "circle": circle or "outer",
            "company": company,
            "role": role,
            "met": met,
            "tags": tag or [],
            "links": {"linkedin": linkedin},
            "private": {"email": email},
        }
        write(dataset, [add_change(dataset, fields, contact_id)], dry_run)
