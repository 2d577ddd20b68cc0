"""`netdash digest`: the week's touchpoints, birthdays, follow-ups and habits as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import DataOption, TodayOption, app


@app.command()
def digest(
    data: DataOption = Path("data"),
    today: TodayOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the digest here, not to stdout.")
    ] = None,
    site_url: Annotated[
        str | None, typer.Option("--site-url", envvar="NETDASH_SITE_URL", help="Dashboard link.")
    ] = None,
) -> None:
    """Write the weekly digest (Markdown) that the digest workflow posts as an issue."""
    from site_builder.automation.digest import render_digest
    from site_builder.compute import compute
    from site_builder.diagnostics.formats import as_text
    from site_builder.loading.loader import load
    from site_builder.pipeline.clock import today as clock_today

    result = load(data)
    errors = [problem for problem in result.problems if problem.is_error]
    if errors:  # the digest is still made from whatever is valid, and says so
        typer.echo(as_text(errors), err=True)
    day = clock_today(today.date() if today else None, result.dataset.settings.timezone)
    text = render_digest(compute(result.dataset, day), site_url, errors=len(errors))
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
