"""`netdash schema`: write the JSON Schemas and the data reference from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from site_builder.cli.app import app

REFERENCE_PAGE = Path("docs/guide/data-format.md")


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the schema files.")] = Path(
        "schemas"
    ),
    reference: Annotated[
        Path, typer.Option("--reference", help="Where to write the data reference page.")
    ] = REFERENCE_PAGE,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file is out of date.")
    ] = False,
) -> None:
    """Write schemas/*.schema.json and the data reference page from the models."""
    from site_builder.schema.json_schema import stale_schemas, write_schemas
    from site_builder.schema.reference import data_reference

    if check:
        stale = [str(out / name) for name in stale_schemas(out)]
        if not reference.is_file() or reference.read_text(encoding="utf-8") != data_reference():
            stale.append(str(reference))
        for name in stale:
            typer.echo(f"{name}: out of date; run `netdash schema`", err=True)
        raise typer.Exit(1 if stale else 0)
    for path in write_schemas(out):
        typer.echo(f"wrote {path}")
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_text(data_reference(), encoding="utf-8")
    typer.echo(f"wrote {reference}")
