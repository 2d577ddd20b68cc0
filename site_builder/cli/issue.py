"""`netdash from-issue FORM FILE`: apply a submitted issue form (log, snooze or done).

The issue workflow saves the issue's body to a file and runs this with the form its label
names; whatever happens, the comment for the issue is printed on stdout, and the exit
status says whether the data was changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from site_builder.cli.app import DataOption, TodayOption, app
from site_builder.cli.edit_support import DryRunOption, context, refusals
from site_builder.cli.from_issue import log_issue, read_body

Form = Literal["log", "snooze", "done"]


@app.command("from-issue")
def from_issue(
    form: Annotated[Form, typer.Argument(help="The form: log, snooze or done.")],
    issue: Annotated[Path, typer.Argument(help="A file holding the issue's body.")],
    data: DataOption = Path("data"),
    today_: TodayOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Log, snooze or mark done as a submitted issue form asks; print the issue's reply."""
    from site_builder.automation.action_forms import done_from_issue, snooze_from_issue

    if form == "log":
        raise typer.Exit(log_issue(data, issue, today_, dry_run))
    with refusals():
        body = read_body(issue)
        workspace = context(data, today_)
    apply = snooze_from_issue if form == "snooze" else done_from_issue
    reply = apply(workspace.dataset, body, workspace.today, dry_run)
    typer.echo(reply.comment, nl=False)
    if not reply.ok:
        typer.echo("nothing was changed: the comment above says why", err=True)
    raise typer.Exit(0 if reply.ok else 1)
