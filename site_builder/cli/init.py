"""`netdash init`: start a new private dashboard in a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import TodayOption, app, fail

NEXT_STEPS = """\
Next:{cd}
  netdash check && netdash build     validate the data and build the site into site/
  netdash add "Ada Lovelace" --circle inner
  netdash log ada-lovelace --kind coffee --value give --summary "..."
Then commit it all to a private repository; the workflows in .github/ check, build and
deploy it (requirements.txt names the netdash they install)."""


@app.command()
def init(
    owner: Annotated[str, typer.Option("--owner", help="Your name, as the site shows it.")],
    folder: Annotated[
        Path, typer.Argument(help="Where to start it (created when missing).", show_default=True)
    ] = Path(),
    timezone: Annotated[
        str | None,
        typer.Option(
            "--timezone",
            help="IANA time zone that decides 'today' (default: the system's, else Europe/London).",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Write a fresh dashboard: data/, mkdocs.yml, workflows, pre-commit hooks (never
    overwrites a file)."""
    from site_builder.diagnostics.formats import display_path
    from site_builder.pipeline import clock
    from site_builder.plural import counted
    from site_builder.scaffold import (
        InitError,
        answers,
        checked_settings,
        dashboard_files,
        write_new,
    )

    try:
        settings = checked_settings(owner, timezone)
        chosen = answers(settings, clock.today(today, settings.timezone))
        written = write_new(folder, dashboard_files(chosen))
    except InitError as error:
        fail(str(error))
    typer.echo(f"wrote {counted(len(written), 'file')} into {display_path(folder)}", err=True)
    if timezone is None:
        typer.echo(f"time zone: {chosen.timezone} (change it in data/settings.yml)", err=True)
    cd = "" if folder.resolve() == Path.cwd() else f"\n  cd {display_path(folder)}"
    typer.echo(NEXT_STEPS.format(cd=cd), err=True)
