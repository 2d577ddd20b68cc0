"""JSON Schemas of the data files, generated from the models, for editors' autocomplete."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from site_builder.models import FILE_KINDS, FileKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema of one kind of data file."""
    schema = kind.adapter.json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_DIALECT, "title": f"netdash {kind.title}", **schema}


def schema_files() -> dict[str, str]:
    """File name -> JSON text, for every kind of data file."""
    return {
        f"{kind.name}.schema.json": json.dumps(schema_of(kind), indent=2, sort_keys=True) + "\n"
        for kind in FILE_KINDS
    }


def modeline(kind: FileKind) -> str:
    """The comment that points editors (yaml-language-server) at a file's schema."""
    depth = "../../" if "/" in kind.pattern else "../"
    return f"# yaml-language-server: $schema={depth}schemas/{kind.name}.schema.json"


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    return [
        name
        for name, text in schema_files().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder` (atomically, file by file); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        temporary = path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        written.append(path)
    return written
