"""`netdash log --from-issue FILE`: log the interaction a submitted issue form describes.

The log workflow saves the issue's body to a file and runs this; whatever happens, the
comment for the issue is printed on stdout, and the exit status says whether it was logged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from site_builder.cli.edit_support import context, refusals
from site_builder.diagnostics.formats import display_path
from site_builder.editing.errors import EditError

MAX_BODY = 1_000_000
"""Far above GitHub's 65,536-character limit on an issue body."""


def read_body(issue: Path) -> str:
    """The issue's body from its file, as text (bounded)."""
    try:
        with issue.open("rb") as stream:
            data = stream.read(MAX_BODY + 1)
    except OSError as error:
        raise EditError(f"cannot read {display_path(issue)}: {error.strerror or error}") from None
    if len(data) > MAX_BODY:
        raise EditError(f"{display_path(issue)} is larger than an issue body can be")
    return data.decode("utf-8", errors="replace")


def log_issue(data: Path, issue: Path, pinned: dt.date | None, dry_run: bool = False) -> int:
    """Print the comment for the issue; return 0 when the interaction was logged, else 1.

    With `dry_run` the form is checked in full and nothing is written.
    """
    from site_builder.automation.log_form import log_from_issue

    with refusals():
        body = read_body(issue)
        workspace = context(data, pinned)
    reply = log_from_issue(workspace.dataset, body, workspace.today, dry_run)
    typer.echo(reply.comment, nl=False)
    if not reply.ok:
        typer.echo("nothing was logged: the comment above says why", err=True)
    return 0 if reply.ok else 1
