"""`netdash build` and `netdash serve`: the site, through MkDocs and the netdash plugin."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import TodayOption, app, fail
from site_builder.site.runner import build_site, serve_site, show_mkdocs_log

ConfigOption = Annotated[
    Path, typer.Option("--config-file", "-f", help="The MkDocs configuration.", show_default=True)
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="The data folder (default: the plugin's, `data` next to mkdocs.yml).",
        show_default=False,
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Fail on any MkDocs warning.")]
EncryptOption = Annotated[
    bool,
    typer.Option(
        "--encrypt",
        help="Lock every page with the password in $NETDASH_SITE_PASSWORD (for a public host).",
    ),
]


@app.command()
def build(  # noqa: PLR0917 - Typer passes each option by name
    today: TodayOption = None,
    strict: StrictOption = False,
    data: DataDirOption = None,
    config_file: ConfigOption = Path("mkdocs.yml"),
    site_dir: Annotated[
        Path | None,
        typer.Option("--site-dir", "-d", help="Where to build (default: mkdocs.yml's site_dir)."),
    ] = None,
    encrypt: EncryptOption = False,
) -> None:
    """Build the site into site/ for the day given (or today); exit 1 on a data error, the
    last site left as it was."""
    from mkdocs.exceptions import MkDocsException

    from site_builder.site.encrypt import PasswordMissingError, password_from_environment

    _check_folder(config_file, data)
    show_mkdocs_log()
    try:
        password = password_from_environment() if encrypt else None
        build_site(
            config_file,
            strict=strict,
            site_dir=site_dir,
            data=data,
            today=today,
            password=password,
        )
    except (MkDocsException, PasswordMissingError) as error:
        fail(str(error))


@app.command()
def serve(
    today: TodayOption = None,
    data: DataDirOption = None,
    config_file: ConfigOption = Path("mkdocs.yml"),
    dev_addr: Annotated[
        str | None,
        typer.Option("--dev-addr", "-a", help="IP:port to serve on (default 127.0.0.1:8000)."),
    ] = None,
) -> None:
    """Serve the site locally; it rebuilds when docs/ or data/ change, and shows the data's
    problems in the browser until they are fixed."""
    from mkdocs.exceptions import MkDocsException

    _check_folder(config_file, data)
    show_mkdocs_log()
    try:
        serve_site(config_file, dev_addr=dev_addr, data=data, today=today)
    except MkDocsException as error:
        fail(str(error))


def _check_folder(config_file: Path, data: Path | None) -> None:
    """End the command when this is not a netdash folder, saying what is missing."""
    from mkdocs.exceptions import MkDocsException

    from site_builder.site.folder import missing

    try:
        problem = missing(config_file, data)
    except MkDocsException as error:
        fail(str(error))
    if problem is not None:
        fail(problem)
