"""Read one data file into a plain document, refusing what is not sane YAML text.

Only a regular file is read: a named pipe, a device or a socket is refused without
reading it (opening one does not wait for a writer), and reading stops one byte past
`MAX_FILE_BYTES` whatever size the file claims. The text is UTF-8 and holds only what
YAML 1.2 calls printable: no control character but tab, line feed and the carriage
return of a CRLF line end.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.diagnostics.problems import Problem
from site_builder.loading import yaml_fast
from site_builder.loading.positions import line_column

MAX_FILE_BYTES = 20 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_SPECIAL = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}
_NOT_PRINTABLE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]|\r(?!\n)")
_NOT_C0_CONTROLS = bytes(b for b in range(256) if (b > 0x1F and b != 0x7F) or b in b"\t\n")
_C1_OR_NONCHARACTER = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]")
_NAMES = {"\x1b": "escape", "\x0c": "form feed", "\x08": "backspace", "\x7f": "delete"}


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


def _too_big(size: str) -> UnreadableError:
    return UnreadableError(
        f"is {size}; data files may hold at most {MAX_FILE_BYTES // 2**20} MiB "
        "(split it, e.g. one file a year)"
    )


def _check_file(status: os.stat_result) -> None:
    """Refuse anything but a regular file of at most `MAX_FILE_BYTES`."""
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableError("is a folder, but a YAML file belongs here")
    if not stat.S_ISREG(status.st_mode):
        kind = _SPECIAL.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise UnreadableError(f"is {kind}, not a file; a YAML file belongs here")
    if status.st_size > MAX_FILE_BYTES:
        raise _too_big(f"{status.st_size / 2**20:.1f} MiB")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read no further than one byte past `MAX_FILE_BYTES`."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableError(f"cannot be read: {error.strerror or error}") from None
    try:
        _check_file(os.fstat(descriptor))
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableError(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(f"more than {MAX_FILE_BYTES // 2**20} MiB")
    return data


def _may_hold_control_characters(data: bytes) -> bool:
    """A fast test on the bytes: any C0 control but tab and line feed, a CR outside a CRLF
    line end, a C1 control or a noncharacter (U+FFFE, U+FFFF)."""
    controls = data.translate(None, _NOT_C0_CONTROLS)
    if controls.replace(b"\r", b"") or len(controls) != data.count(b"\r\n"):
        return True
    return (b"\xc2" in data or b"\xef\xbf" in data) and bool(_C1_OR_NONCHARACTER.search(data))


def _refuse_control_characters(text: str) -> None:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return
    character = found.group()
    if character == "\r":
        message = "has a carriage return (CR) that ends no line; save it with LF line ends"
    else:
        name = f"U+{ord(character):04X}" + (f" {_NAMES[character]}" if character in _NAMES else "")
        message = f"holds a control character ({name}); YAML text allows tab and line breaks only"
    raise UnreadableError(message, *line_column(text, found.start()))


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
    if _may_hold_control_characters(data):
        _refuse_control_characters(text)
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        raise UnreadableError("is empty")
    return text


def _parse(text: str) -> Any:
    try:
        return yaml_fast.parse(text)
    except yaml_fast.YAMLError as error:  # PyYAML's: imported only now
        from yaml.constructor import ConstructorError

        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line, column = line_column(text, mark.index) if mark else (1, 1)
        if mark and text[mark.index : mark.index + 1] == "\t":
            problem = "a tab cannot indent YAML; indent with spaces"
        if not isinstance(error, ConstructorError):  # a value refused, not the syntax
            problem = f"YAML syntax: {problem}"
        raise UnreadableError(problem, line, column) from None
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
