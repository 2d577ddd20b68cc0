"""Whether a folder is a netdash folder, as `netdash build` and `netdash serve` need it:
a MkDocs configuration, and the data folder its netdash plugin reads."""

from __future__ import annotations

import os
from pathlib import Path

from site_builder.diagnostics.formats import display_path
from site_builder.site.runner import ENV_DATA, PLUGIN, plugin_entries

START = "start one with `netdash init DIR --owner NAME`, or run this in a netdash folder"


def data_folder(config_file: Path, data: Path | None = None) -> Path:
    """The data folder a build of `config_file` reads: `data` when given, else the
    plugin's `data_dir` (beside mkdocs.yml), else $NETDASH_DATA, else `data` beside it."""
    if data is not None:
        return data
    options: object = {}
    for name, given in plugin_entries(config_file):
        if name == PLUGIN:
            options = given
    chosen = options.get("data_dir") if isinstance(options, dict) else None
    return config_file.parent / str(chosen or os.environ.get(ENV_DATA) or "data")


def missing(config_file: Path, data: Path | None = None) -> str | None:
    """What keeps this from being a netdash folder, in words; None when nothing does."""
    if not config_file.is_file():
        return (
            f"{display_path(config_file)} not found: this is not a netdash folder "
            f"(pass --config-file FILE, or {START})"
        )
    folder = data_folder(config_file, data)
    if not folder.is_dir():
        return f"no data folder at {display_path(folder)} (pass --data DIR, or {START})"
    return None
