"""Build or serve the site through MkDocs' Python API, as `mkdocs build` and `mkdocs serve`
do, so that `netdash build` and `mkdocs build` make the same site.

MkDocs is imported when a build or a server starts: every `netdash` command imports this
module through the command line, and most of them never build."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

_LOG_FORMAT = "%(levelname)-7s -  %(message)s"
PLUGIN = "netdash"
ENV_DATA = "NETDASH_DATA"
"""The data folder a build reads when the plugin's `data_dir` is not set."""


class _StderrHandler(logging.Handler):
    """Prints a record on whatever `sys.stderr` is at the time (a test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # logging must not raise; handleError reports it
            self.handleError(record)


def show_mkdocs_log(level: int = logging.INFO) -> None:
    """Print MkDocs' messages (and the plugin's) on stderr, as its own command line does."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(handler, _StderrHandler) for handler in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter(_LOG_FORMAT))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(level)


def plugin_options(
    config_file: Path, *, data: Path | None = None, today: dt.date | None = None
) -> dict[str, Any]:
    """MkDocs configuration overrides that give the netdash plugin `data` as its
    `data_dir` and `today` as its `today` (those given), keeping its other options and
    every other plugin of `config_file`; no overrides when neither is given."""
    options: dict[str, Any] = {}
    if data is not None:
        options["data_dir"] = str(data.resolve())
    if today is not None:
        options["today"] = today.isoformat()
    if not options:
        return {}
    return {"plugins": _with_options(_plugins(config_file), options)}


def _plugins(config_file: Path) -> Any:
    """The `plugins` of a MkDocs configuration file, as written."""
    import yaml
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as stream:
            return yaml_load(stream).get("plugins") or []
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read {config_file}: {error}") from None


def _with_options(plugins: Any, options: dict[str, Any]) -> Any:
    """`plugins` (a list or a mapping, as MkDocs takes them) with the netdash plugin's
    options updated; the plugin is added when it is not there.

    A list is turned into a mapping, the same plugins in the same order: MkDocs empties
    the entries of a list as it reads them, and `mkdocs serve` reads the same overrides
    again at every rebuild. A plugin listed twice keeps its first entry only in a list;
    such a configuration is kept a list."""
    if not isinstance(plugins, dict):
        names = [_entry(entry)[0] for entry in plugins]
        if len(set(names)) < len(names):
            if not any(_is_netdash(entry) for entry in plugins):
                return [*plugins, {PLUGIN: options}]
            return [_with_own(entry, options) if _is_netdash(entry) else entry for entry in plugins]
        plugins = dict(_entry(entry) for entry in plugins)
    return {**plugins, PLUGIN: {**(plugins.get(PLUGIN) or {}), **options}}


def plugin_entries(config_file: Path) -> list[tuple[Any, Any]]:
    """(name, options) of every plugin `config_file` lists."""
    plugins = _plugins(config_file)
    return list(plugins.items()) if isinstance(plugins, dict) else [_entry(e) for e in plugins]


def _entry(entry: Any) -> tuple[Any, Any]:
    """(name, options) of a `plugins` list entry: `search` or `{search: {...}}`."""
    if isinstance(entry, dict) and len(entry) == 1:
        name, options = next(iter(entry.items()))
        return name, options
    return entry, {}


def _is_netdash(entry: Any) -> bool:
    return entry == PLUGIN or (isinstance(entry, dict) and PLUGIN in entry)


def _with_own(entry: Any, options: dict[str, Any]) -> dict[str, Any]:
    """The netdash plugin's entry in a `plugins` list, with `options` added."""
    given = entry[PLUGIN] if isinstance(entry, dict) else None
    return {PLUGIN: {**(given or {}), **options}}


def encrypted_options(
    config_file: Path, overrides: dict[str, Any], password: str
) -> dict[str, Any]:
    """`overrides` with mkdocs-encryptcontent-plugin added after the netdash plugin (or
    its options replaced where mkdocs.yml lists it), locking every page with `password`."""
    from site_builder.site import encrypt

    plugins = overrides.get("plugins") or _with_options(_plugins(config_file), {})
    options = encrypt.plugin_options(password)
    if isinstance(plugins, dict):
        return {**overrides, "plugins": {**plugins, encrypt.PLUGIN: options}}
    kept = [entry for entry in plugins if _entry(entry)[0] != encrypt.PLUGIN]
    return {**overrides, "plugins": [*kept, {encrypt.PLUGIN: options}]}


def build_site(
    config_file: Path,
    *,
    strict: bool = False,
    site_dir: Path | None = None,
    site_url: str | None = None,
    data: Path | None = None,
    today: dt.date | None = None,
    password: str | None = None,
) -> None:
    """Build the site; raises MkDocs' exceptions (`Abort` after logging a data problem, or
    a warning under `strict`). `site_dir` and `site_url` override mkdocs.yml's; `data`
    and `today` the netdash plugin's options; a `password` makes an encrypted build
    (`site/encrypt.py`).

    The site is built into a folder beside the site folder, then put in its place by
    renames: a build that fails leaves the last site as it was."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    overrides = plugin_options(config_file, data=data, today=today)
    if password is not None:
        overrides = encrypted_options(config_file, overrides, password)
    config = load_config(
        str(config_file),
        strict=strict,
        site_url=site_url,
        site_dir=str(site_dir) if site_dir is not None else None,
        **overrides,
    )
    target = Path(config.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    config.site_dir = str(aside)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config, dirty=False)
        _swap(aside, target)
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(aside, ignore_errors=True)


def _swap(built: Path, target: Path) -> None:
    """Put the folder `built` in place of `target` by renames (the old one is removed)."""
    if not target.exists():
        built.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        built.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def serve_site(
    config_file: Path,
    *,
    dev_addr: str | None = None,
    strict: bool = False,
    data: Path | None = None,
    today: dt.date | None = None,
) -> None:
    """Serve the site with live reload; edits in `docs/` and `data/` rebuild it. `data`
    and `today` override the netdash plugin's options in every rebuild."""
    from mkdocs.commands import serve as mkdocs_serve

    mkdocs_serve.serve(
        str(config_file),
        livereload=True,
        strict=strict,
        dev_addr=dev_addr,
        **plugin_options(config_file, data=data, today=today),
    )
