"""Every write to `data/` goes through here.

A `Change` holds a file's text before and after. Before anything is written, the new
text is judged the way `netdash check` judges it (same parser, same models, the same
cross-record checks for that file); a change that adds an error is refused with the
reasons, and the file is left alone. Then the text is written atomically: a temporary
file in the same folder, flushed to disk, renamed over the original.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import fnmatch
import os
import re
import tempfile
from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.diagnostics.formats import display_path
from site_builder.diagnostics.problems import Problem
from site_builder.editing.errors import EditError
from site_builder.loading import checks, positions, yaml_fast
from site_builder.loading.loader import validate_document
from site_builder.models import FILE_KINDS, Dataset, FileKind, Sources
from site_builder.models.types import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Change:
    """One file's text before (None for a new file) and after an edit."""

    path: Path
    before: str | None
    after: str
    summary: str = ""

    @property
    def changed(self) -> bool:
        """False when the edit turned out to change nothing."""
        return self.before != self.after


def read_text(path: Path) -> str:
    """A data file's exact text (line endings kept)."""
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise EditError(f"cannot read {display_path(path)}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise EditError(
            f"cannot edit {display_path(path)}: it is not UTF-8 text (save it as UTF-8)"
        ) from None


def kind_of(root: Path, path: Path) -> FileKind:
    """The kind of data file `path` is, from where it lies under `root`."""
    relative = path.relative_to(root).as_posix()
    for kind in FILE_KINDS:
        same_depth = relative.count("/") == kind.pattern.count("/")
        if same_depth and fnmatch.fnmatch(relative, kind.pattern):
            return kind
    raise EditError(f"{display_path(path)} is not a data file netdash reads")


class _WithOne(Mapping[str, Path]):
    """`base` and one more entry, without copying `base` (it may hold 10,000 contacts)."""

    def __init__(self, base: Mapping[str, Path], key: str, value: Path) -> None:
        self.base, self.key, self.value = base, key, value

    def __getitem__(self, key: str) -> Path:
        return self.value if key == self.key else self.base[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.base
        if self.key not in self.base:
            yield self.key

    def __len__(self) -> int:
        return len(self.base) + (self.key not in self.base)


def _overlay(context: Dataset, kind: FileKind, path: Path, value: Any) -> Dataset | None:
    """The data set as it would be with `path` holding `value` (None: no cross-checks apply)."""
    known: Mapping[str, Path] = context.sources.contacts
    if kind.name == "contact":
        known = _WithOne(known, path.stem, path)
        contacts = {path.stem: value} if value is not None else {}
        return dataclasses.replace(
            context, contacts=contacts, interactions=(), sources=Sources(contacts=known)
        )
    if kind.name == "interactions":
        kept = [(index, item) for index, item in enumerate(value or []) if item is not None]
        return dataclasses.replace(
            context,
            contacts={},
            interactions=tuple(item for _, item in kept),
            sources=Sources(contacts=known, interactions=tuple((path, i) for i, _ in kept)),
        )
    return None


def problems_of(context: Dataset, path: Path, text: str) -> list[Problem]:
    """The errors `netdash check` would report in `path` if it held `text`."""
    kind = kind_of(context.root, path)
    try:
        document = yaml_fast.parse(text)
    except yaml_fast.YAMLError as error:
        reason = getattr(error, "problem", None) or error
        return [Problem(path, f"YAML syntax: {reason}", line=1, column=1)]
    value, problems = validate_document(kind, path, document)
    if kind.name == "contact" and not _SLUG.match(path.stem):
        problems.append(Problem(path, f"file name {path.stem!r} is not an id", line=1, column=1))
    overlay = _overlay(context, kind, path, value)
    if overlay is not None:
        problems.extend(p for p in checks.run(overlay) if p.path == path)
    return [p for p in problems if p.is_error]


def _key(problem: Problem) -> Hashable:
    where = problem.loc if problem.loc is not None else problem.line
    return (where, problem.message)


def check_change(context: Dataset, change: Change) -> None:
    """Refuse `change` when it adds an error to its file."""
    before = problems_of(context, change.path, change.before) if change.before is not None else []
    after = problems_of(context, change.path, change.after)
    added = Counter(map(_key, after)) - Counter(map(_key, before))
    if not added:
        return
    locator = positions.Locator(change.after)
    reasons = []
    for problem in after:
        if added[_key(problem)] > 0:
            added[_key(problem)] -= 1
            line, column = (
                locator.locate(problem.loc) if problem.loc else (problem.line, problem.column)
            )
            reasons.append(f"{display_path(change.path)}:{line}:{column}: {problem.message}")
    raise EditError(
        f"refused: {change.summary or 'the change'} would make the data invalid "
        "(nothing was written)",
        reasons,
    )


def _file_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _guard(path: Path, expected: str | None) -> None:
    current = path.read_bytes() if path.exists() else None
    if expected is None and current is not None:
        raise EditError(f"{display_path(path)} already exists; not overwriting it")
    if expected is not None and current != expected.encode("utf-8"):
        raise EditError(
            f"{display_path(path)} changed while it was being edited; run the command again"
        )


def replace_file(path: Path, data: bytes) -> None:
    """Put `data` in `path` all at once: a temp file in the same folder, fsync, rename.

    A crash at any point leaves either the old file or the new one, never a mix; a
    leftover temp file is named `.<name>.<random>.tmp`, which netdash never reads.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)  # noqa: PTH101 - these os calls are the atomic-write protocol
        os.replace(temp, path)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # noqa: PTH108
        raise
    _sync_folder(path.parent)


def write_atomic(path: Path, text: str, expected: str | None) -> None:
    """Replace `path` with `text` atomically, if it still holds `expected`.

    `expected` None means the file must not exist yet, so a change made meanwhile by
    someone else is never overwritten.
    """
    _guard(path, expected)
    replace_file(path, text.encode("utf-8"))


def diff(change: Change) -> str:
    """The change as a unified diff, `\\ No newline at end of file` included."""
    name = display_path(change.path)
    before = (change.before or "").splitlines(keepends=True)
    lines = difflib.unified_diff(
        before,
        change.after.splitlines(keepends=True),
        "/dev/null" if change.before is None else f"a/{name}",
        f"b/{name}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def apply(context: Dataset, changes: Sequence[Change], dry_run: bool = False) -> list[Change]:
    """Check every change, then write them (or, with `dry_run`, write nothing).

    Returns the changes that change something.
    """
    effective = [change for change in changes if change.changed]
    for change in effective:
        check_change(context, change)
    if dry_run:
        return effective
    for change in effective:
        try:
            write_atomic(change.path, change.after, change.before)
        except OSError as error:
            raise EditError(
                f"cannot write {display_path(change.path)}: "
                f"{error.strerror or error}; it was left as it was"
            ) from None
    return effective
