"""`netdash draft`: a message to a contact, drafted from a template; nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app, fail
from site_builder.cli.edit_support import context, refusals

if TYPE_CHECKING:
    from site_builder.drafts import Draft


@app.command()
def draft(  # noqa: PLR0917 - Typer passes each option by name
    contact: Annotated[str, typer.Argument(help="Id or name (a unique prefix is enough).")],
    template: Annotated[
        str | None,
        typer.Option("--template", help="Template id; by default the one that suits them today."),
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", help="Event id to mention (default: where you met).")
    ] = None,
    other: Annotated[
        str | None, typer.Option("--other", help="The other person, for an introduction.")
    ] = None,
    data: DataOption = Path("data"),
    today_: TodayOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the draft as JSON.")] = False,
) -> None:
    """Draft a message to a contact: the subject and text on stdout, what to write on stderr."""
    from site_builder.compute.suggest import suggested_template
    from site_builder.drafts import DraftError
    from site_builder.drafts import draft as make_draft
    from site_builder.editing.resolve import resolve

    with refusals():
        workspace = context(data, today_)
        dataset, day = workspace.dataset, workspace.today
        queries = [contact] if other is None else [contact, other]
        ids = [resolve(query, dataset.contacts) for query in queries]
    try:
        chosen = template or suggested_template(dataset, ids[0], day)
        made = make_draft(
            dataset, chosen, ids[0], day, event_id=event, other_id=ids[1] if other else None
        )
    except DraftError as error:
        fail(str(error))
    _show(made, as_json)


def _show(made: Draft, as_json: bool) -> None:
    """JSON on stdout, or the message on stdout and its labels on stderr (so it can be piped)."""
    if as_json:
        from site_builder.compute.jsonify import dumps, to_jsonable

        typer.echo(dumps(to_jsonable(made)))
        return
    typer.echo(f"{made.template}: {made.title}", err=True)
    if made.subject is not None:
        typer.echo(f"Subject: {made.subject}\n")
    typer.echo(made.text)
    if made.to_write:
        typer.echo("to write: " + "; ".join(made.to_write), err=True)
