"""Every write to `data/` goes through here.

A `Change` holds a file's text before and after. Before anything is written, the new
text is judged by `loading.judge`, the judge `netdash check` uses: a change is refused
exactly when `check` would find an error in the file it writes, with the problems at
their lines, and the file is left alone. Then, holding the data folder's lock (one write
at a time, other netdash processes wait), the file is checked to be as the change found
it (a change that can be redone on the file as it now is, is) and the text is written
atomically: a temporary file in the same folder, flushed to disk, renamed over the
original. Temporary files left by a killed write are removed at the next one.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.diagnostics.formats import display_path
from site_builder.diagnostics.problems import Problem
from site_builder.editing.errors import EditError
from site_builder.editing.files import data_lock, remove_leftovers, replace_file
from site_builder.editing.textedit import ReadsBack, unfaithful
from site_builder.loading.judge import Verdict, judge
from site_builder.loading.reader import read_data
from site_builder.models import FILE_KINDS, Dataset, FileKind

__all__ = [
    "Change",
    "apply",
    "check_change",
    "diff",
    "errors_in",
    "kind_of",
    "read_text",
    "replace_file",
    "uneditable",
    "write_atomic",
]


@dataclass(frozen=True)
class Change:
    """One file's text before (None for a new file) and after an edit.

    `reads_back`, when given, tells whether the data `after` holds is the intended data:
    `after` is read (once, by the judge) and an edit that reads otherwise is refused.
    `redo`, when given, makes the edit again on the file's text as it is at write time
    (None: no file), for when another process changed the file meanwhile.
    """

    path: Path
    before: str | None
    after: str
    summary: str = ""
    reads_back: ReadsBack | None = field(default=None, compare=False, repr=False)
    redo: Callable[[str | None], Change] | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        """False when the edit turned out to change nothing."""
        return self.before != self.after


def read_text(path: Path) -> str:
    """A data file's exact text (line endings kept); refused when it is not text."""
    if not path.is_file():  # a folder, a named pipe (which reading would wait on), ...
        raise EditError(f"cannot edit {display_path(path)}: it is not a regular file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditError(f"cannot read {display_path(path)}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        problem = read_data(path, data).problem
        reasons = _reasons([problem]) if problem is not None else []
        raise EditError(
            f"cannot edit {display_path(path)}: it is not UTF-8 text (save it as UTF-8)", reasons
        ) from None


def kind_of(root: Path, path: Path) -> FileKind:
    """The kind of data file `path` is, from where it lies under `root`."""
    relative = path.relative_to(root).as_posix()
    for kind in FILE_KINDS:
        same_depth = relative.count("/") == kind.pattern.count("/")
        if same_depth and fnmatch.fnmatch(relative, kind.pattern):
            return kind
    raise EditError(f"{display_path(path)} is not a data file netdash reads")


def _judged(context: Dataset, path: Path, text: str) -> Verdict:
    return judge(kind_of(context.root, path), path, text.encode("utf-8"), context)


def errors_in(context: Dataset, path: Path, text: str) -> list[Problem]:
    """The errors `netdash check` would report in `path` if it held `text`."""
    return [problem for problem in _judged(context, path, text).problems if problem.is_error]


def _reasons(problems: Sequence[Problem]) -> list[str]:
    return [f"{display_path(p.path)}:{p.line}:{p.column}: {p.message}" for p in problems]


def uneditable(context: Dataset, path: Path, text: str) -> EditError | None:
    """Why `path`, holding `text`, cannot be edited: the errors `netdash check` finds in
    it (None when it finds none)."""
    errors = errors_in(context, path, text)
    if not errors:
        return None
    return EditError(
        f"cannot edit {display_path(path)}: netdash check finds errors in it; "
        "fix them first (nothing was written)",
        _reasons(errors),
    )


def check_change(context: Dataset, change: Change) -> None:
    """Refuse `change` when its text does not hold the data it is meant to, or when
    `netdash check` would find an error in the file it writes."""
    verdict = _judged(context, change.path, change.after)
    read = verdict.document
    if change.reads_back is not None and read is not None and not change.reads_back(read):
        raise unfaithful(display_path(change.path))
    errors = [problem for problem in verdict.problems if problem.is_error]
    if errors:
        raise EditError(
            f"refused: {change.summary or 'the change'}: netdash check would find errors "
            f"in {display_path(change.path)} (nothing was written)",
            _reasons(errors),
        )


def _guard(path: Path, expected: str | None) -> None:
    current = path.read_bytes() if path.exists() else None
    if expected is None and current is not None:
        raise EditError(f"{display_path(path)} already exists; not overwriting it")
    if expected is not None and current != expected.encode("utf-8"):
        raise EditError(
            f"{display_path(path)} changed while it was being edited; run the command again"
        )


def write_atomic(path: Path, text: str, expected: str | None) -> None:
    """Replace `path` with `text` atomically, if it still holds `expected`.

    `expected` None means the file must not exist yet, so a change made meanwhile by
    someone else is never overwritten.
    """
    _guard(path, expected)
    replace_file(path, text.encode("utf-8"))


def diff(change: Change) -> str:
    """The change as a unified diff, `\\ No newline at end of file` included.

    The lines both texts begin and end with (but three lines of context) are left out
    before comparing, so that a line added to a year of interactions is found at once.
    """
    name = display_path(change.path)
    before = (change.before or "").splitlines(keepends=True)
    after = change.after.splitlines(keepends=True)
    start, stop = _common_ends(before, after, _CONTEXT)
    lines = difflib.unified_diff(
        before[start : len(before) - stop],
        after[start : len(after) - stop],
        "/dev/null" if change.before is None else f"a/{name}",
        f"b/{name}",
        n=_CONTEXT,
    )
    return "".join(_shown(line, start) for line in lines)


_CONTEXT = 3
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _common_ends(before: list[str], after: list[str], context: int) -> tuple[int, int]:
    """How many lines, less `context`, both begin with, and then how many both end with."""
    shortest = min(len(before), len(after))
    start = next((i for i in range(shortest) if before[i] != after[i]), shortest)
    room = shortest - start
    stop = next((i for i in range(room) if before[-1 - i] != after[-1 - i]), room)
    return max(start - context, 0), max(stop - context, 0)


def _shown(line: str, skipped: int) -> str:
    """A line of the diff: a hunk header counts the `skipped` lines left out before the
    part compared; a last line without a line break says so."""
    if line.startswith("@@ "):
        return _HUNK.sub(
            lambda m: (
                f"@@ -{int(m[1]) + skipped}{m[2] or ''} +{int(m[3]) + skipped}{m[4] or ''} @@"
            ),
            line,
        )
    return line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


def _current(path: Path) -> str | None:
    return read_text(path) if path.exists() else None


def _as_it_is_now(change: Change) -> Change:
    """`change`, made again if another process changed its file meanwhile."""
    current = _current(change.path)
    if current == change.before:
        return change
    if change.redo is None:
        raise EditError(
            f"{display_path(change.path)} changed while it was being edited; run the command again"
        )
    return change.redo(current)


def _write(context: Dataset, change: Change) -> Change:
    """Write `change` (holding the lock), made again on the file as it is now if needed."""
    now = _as_it_is_now(change)
    if now is not change:
        check_change(context, now)
    try:
        write_atomic(now.path, now.after, now.before)
    except OSError as error:
        raise EditError(
            f"cannot write {display_path(now.path)}: "
            f"{error.strerror or error}; it was left as it was"
        ) from None
    return now


def apply(context: Dataset, changes: Sequence[Change], dry_run: bool = False) -> list[Change]:
    """Check every change, then write them holding the data folder's lock (or, with
    `dry_run`, write nothing). Returns the changes that changed something, as written."""
    effective = [change for change in changes if change.changed]
    for change in effective:
        check_change(context, change)
    if dry_run or not effective:
        return effective
    with data_lock(context.root):
        remove_leftovers(context.root)
        return [_write(context, change) for change in effective]
