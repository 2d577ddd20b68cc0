"""Problems as text for a terminal, JSON for scripts, and GitHub workflow annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from site_builder.diagnostics.problems import Problem


def printable(text: str) -> str:
    """`text` with what a terminal would not show as itself escaped, Python-style: control
    characters (`\\x1b`), line and paragraph separators (`\\u2028`), lone surrogates."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def display_path(path: Path) -> str:
    """The path relative to the current folder when it lies below it, else as given; bytes
    of a name that are not UTF-8 are shown as `\\xff`, so the path is always printable."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = str(path)
    shown = str(path) if relative.startswith("..") else relative
    return printable(os.fsencode(shown).decode("utf-8", "backslashreplace"))


def as_text(problems: Sequence[Problem]) -> str:
    """`path:line:col: severity: message`, one a line, as compilers print them."""
    return "\n".join(
        f"{display_path(p.path)}:{p.line}:{p.column}: {p.severity}: {printable(p.message)}"
        for p in problems
    )


def as_json(problems: Sequence[Problem]) -> str:
    """A JSON list of `{path, line, column, severity, message}`."""
    return json.dumps(
        [
            {
                "path": display_path(p.path),
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "message": printable(p.message),
            }
            for p in problems
        ],
        indent=2,
        ensure_ascii=False,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`."""
    return "\n".join(
        f"::{p.severity} file={_escape_property(display_path(p.path))},line={p.line},"
        f"col={p.column}::{_escape_data(printable(p.message))}"
        for p in problems
    )


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
