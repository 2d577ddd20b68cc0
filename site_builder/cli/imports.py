"""`netdash import linkedin|vcard FILE`: add people from another tool's export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from site_builder.cli.app import DataOption, app
from site_builder.cli.commands import NetdashTyper
from site_builder.cli.edit_support import DryRunOption, check_circle, context, refusals
from site_builder.diagnostics.formats import display_path
from site_builder.editing.errors import EditError

import_app = NetdashTyper(help="Add people from LinkedIn or vCard exports.", no_args_is_help=True)
app.add_typer(import_app, name="import")

FileArgument = Annotated[Path, typer.Argument(help="The exported file.", show_default=False)]
CircleOption = Annotated[
    str, typer.Option(help="Circle of the people added: inner, middle or outer.")
]


def _import(
    path: Path, source: Literal["linkedin", "vcard"], data: Path, circle: str, dry_run: bool
) -> None:
    from site_builder.editing.writer import apply, diff
    from site_builder.interop.linkedin import read_linkedin
    from site_builder.interop.merge import plan_import
    from site_builder.interop.vcard_read import read_vcards

    read = read_linkedin if source == "linkedin" else read_vcards
    with refusals():
        check_circle(circle)
        try:
            raw = path.read_bytes()
        except OSError as error:
            reason = error.strerror or error
            raise EditError(f"cannot read {display_path(path)}: {reason}") from None
        workspace = context(data)
        dataset = workspace.dataset
        news_on = workspace.today if source == "linkedin" else None
        parsed = read(raw, display_path(path))
        report = plan_import(dataset, parsed, circle, display_path(path), news_on)
        for change in apply(dataset, report.changes, dry_run):
            if dry_run:
                typer.echo(diff(change), nl=False)
        typer.echo("\n".join(report.lines()), err=True)
        if dry_run:
            typer.echo("(dry run: nothing was written)", err=True)


@import_app.command("linkedin")
def linkedin(
    path: FileArgument,
    circle: CircleOption = "outer",
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Import LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data)."""
    _import(path, "linkedin", data, circle, dry_run)


@import_app.command("vcard")
def vcard(
    path: FileArgument,
    circle: CircleOption = "outer",
    data: DataOption = Path("data"),
    dry_run: DryRunOption = False,
) -> None:
    """Import a .vcf file (vCard 2.1, 3.0 or 4.0; Apple, Google, Outlook)."""
    _import(path, "vcard", data, circle, dry_run)
