"""Read one data file into a plain document, refusing what is not sane YAML text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.diagnostics.problems import Problem
from site_builder.loading import yaml_fast
from site_builder.loading.positions import line_column

MAX_FILE_BYTES = 20 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class UnreadableError(Exception):
    """A file that cannot be read as YAML text, with where and why."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True)
class ReadResult:
    """A parsed document and its text, or the problem that stopped it."""

    document: Any = None
    text: str = ""
    problem: Problem | None = None


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise UnreadableError("is a folder, but a YAML file belongs here")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableError(
                f"is {size / 2**20:.1f} MiB; data files may hold at most "
                f"{MAX_FILE_BYTES // 2**20} MiB (split it, e.g. one file a year)"
            )
        return path.read_bytes()
    except OSError as error:
        raise UnreadableError(f"cannot be read: {error.strerror or error}") from None


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        where = _position_of_byte(data, data.index(0))
        raise UnreadableError("is a binary file, not YAML text", *where)
    if data.startswith(_BOM):
        raise UnreadableError("starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableError(
            "is not UTF-8 text (save it as UTF-8)", *_position_of_byte(data, error.start)
        ) from None
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        raise UnreadableError("is empty")
    return text


def _parse(text: str) -> Any:
    try:
        return yaml_fast.parse(text)
    except yaml_fast.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line, column = line_column(text, mark.index) if mark else (1, 1)
        if mark and text[mark.index : mark.index + 1] == "\t":
            problem = "a tab cannot indent YAML; indent with spaces"
        raise UnreadableError(f"YAML syntax: {problem}", line, column) from None
    except RecursionError:
        raise UnreadableError("is nested too deeply") from None


def read_data(path: Path, data: bytes) -> ReadResult:
    """Parse `data` as the content of `path`: what was read from it, or what a write would
    put there. Every failure becomes a `Problem` at a line and column."""
    try:
        text = _decode(data)
        return ReadResult(document=_parse(text), text=text)
    except UnreadableError as refused:
        return _refused(path, refused)


def read_yaml(path: Path) -> ReadResult:
    """Read and parse `path`; every failure becomes a `Problem` at a line and column."""
    try:
        data = _read_bytes(path)
    except UnreadableError as refused:
        return _refused(path, refused)
    return read_data(path, data)


def _refused(path: Path, refused: UnreadableError) -> ReadResult:
    return ReadResult(
        problem=Problem(path, refused.message, line=refused.line, column=refused.column)
    )
