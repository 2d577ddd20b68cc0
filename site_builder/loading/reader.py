"""Read one data file into a plain document, refusing what is not sane YAML text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.loading import yaml_fast
from site_builder.problems import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ReadResult:
    """A parsed document and its text, or the problem that stopped it."""

    document: Any = None
    text: str = ""
    problem: Problem | None = None


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def read_yaml(path: Path) -> ReadResult:
    """Read and parse `path`; every failure becomes a `Problem` at a line and column."""
    def fail(message: str, line: int = 1, column: int = 1) -> ReadResult:
        return ReadResult(problem=Problem(path, message, line=line, column=column))

    if path.is_dir():
        return fail("is a folder, but a YAML file belongs here")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail(f"is {size / 2**20:.1f} MiB; data files may hold at most "
                        f"{MAX_FILE_BYTES // 2**20} MiB (split it, e.g. one file a year)")
        data = path.read_bytes()
    except OSError as error:
        return fail(f"cannot be read: {error.strerror or error}")
    if b"\x00" in data:
        return fail("is a binary file, not YAML text", *_position_of_byte(data, data.index(b"\x00")))
    if data.startswith(_BOM):
        return fail("starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return fail("is not UTF-8 text (save it as UTF-8)", *_position_of_byte(data, error.start))
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return fail("is empty")
    try:
        document = yaml_fast.parse(text)
    except yaml_fast.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            problem = "a tab cannot indent YAML; indent with spaces"
        return fail(f"YAML syntax: {problem}", line, column)
    except RecursionError:
        return fail("is nested too deeply")
    return ReadResult(document=document, text=text)
