"""Build or serve the site through MkDocs' Python API, as `mkdocs build` and `mkdocs serve`
do, so that `netdash build` and `mkdocs build` make the same site.

MkDocs is imported when a build or a server starts: every `netdash` command imports this
module through the command line, and most of them never build."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

_LOG_FORMAT = "%(levelname)-7s -  %(message)s"
ENV_DATA = "NETDASH_DATA"
"""The data folder a build reads instead of the plugin's `data_dir` (`--data`)."""


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


def build_site(
    config_file: Path,
    *,
    strict: bool = False,
    site_dir: Path | None = None,
    site_url: str | None = None,
) -> None:
    """Build the site; raises MkDocs' exceptions (`Abort` after logging a data problem, or
    a warning under `strict`). `site_dir` and `site_url` override mkdocs.yml's."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(
        str(config_file),
        strict=strict,
        site_url=site_url,
        site_dir=str(site_dir) if site_dir is not None else None,
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()


def serve_site(config_file: Path, *, dev_addr: str | None = None, strict: bool = False) -> None:
    """Serve the site with live reload; edits in `docs/` and `data/` rebuild it."""
    from mkdocs.commands import serve as mkdocs_serve

    mkdocs_serve.serve(str(config_file), livereload=True, strict=strict, dev_addr=dev_addr)
