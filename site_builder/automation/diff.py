"""`netdash diff BASE HEAD`: what a change to the data does, in Markdown for a pull request.

Each side is a data folder, or a git commit whose data folder is unpacked with
`git archive` into a temporary folder. Both sides are computed for the same day (the
head's today, or the one given), compared by `compute.compare`, and the problems found in
the head but not in the base are listed.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_builder.compute.compare import Comparison, compare
from site_builder.diagnostics.problems import Problem
from site_builder.pipeline.workspace import Workspace

MARKER = "<!-- netdash-diff -->"
"""The first line of the Markdown: the check workflow finds its one comment by it."""


class DiffError(Exception):
    """A side that cannot be read: not a folder, not a commit, not a git repository."""


@dataclass(frozen=True)
class Diff:
    """The comparison of the two sides and the problems new in the head."""

    comparison: Comparison
    new_problems: tuple[Problem, ...]
    head_root: Path
    """The head's data folder (problem paths are shown relative to it)."""


def git(repo: Path, *args: str) -> bytes:
    """The output of one git command in `repo`; a failure is a `DiffError` with git's words."""
    program = shutil.which("git")
    if program is None:
        raise DiffError("git is not installed")
    done = subprocess.run(  # noqa: S603 - a list of arguments, no shell; refs end the options
        [program, *args], cwd=repo, capture_output=True, check=False, timeout=120
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def unpack(repo: Path, ref: str, data: Path, into: Path) -> Path:
    """The data folder `data` (inside `repo`) as it is in commit `ref`, unpacked under
    `into`; an empty folder when the commit has none."""
    top = Path(git(repo, "rev-parse", "--show-toplevel").decode().strip())
    commit = git(top, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}")
    commit_id = commit.decode().strip()
    try:
        inside = data.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise DiffError(f"{data} is not inside the git repository {top}") from None
    listed = git(top, "ls-tree", "-d", "--name-only", commit_id, "--", inside).decode()
    if listed.strip():
        archive = git(top, "archive", "--format=tar", commit_id, "--", inside)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(into, members=plain_members(tar), filter="data")
    folder = into / inside
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def plain_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """Files and folders inside the archive: no link, device or path that climbs out."""
    return [
        member
        for member in tar.getmembers()
        if (member.isfile() or member.isdir())
        and not member.name.startswith("/")
        and ".." not in Path(member.name).parts
    ]


@contextmanager
def sides(base: str, head: str, data: Path) -> Iterator[tuple[Path, Path]]:
    """The two data folders: given as folders, or unpacked from the commits of the git
    repository that holds `data` (removed again afterwards)."""
    if Path(base).is_dir() and Path(head).is_dir():
        yield Path(base), Path(head)
        return
    where = data.absolute()
    repo = next(folder for folder in (where, *where.parents) if folder.is_dir())
    with ExitStack() as stack:
        folders = [
            unpack(repo, ref, data, Path(stack.enter_context(tempfile.TemporaryDirectory())))
            for ref in (base, head)
        ]
        yield folders[0], folders[1]


def new_problems(base: Workspace, head: Workspace) -> tuple[Problem, ...]:
    """Problems of the head that the base does not have: the same file (relative to its
    data folder), severity and message; lines may move with the edit, so they are not
    compared."""
    seen = Counter(_problem_key(p, base.data_dir) for p in base.problems)
    fresh = []
    for problem in head.problems:
        key = _problem_key(problem, head.data_dir)
        if seen[key]:
            seen[key] -= 1
        else:
            fresh.append(problem)
    return tuple(fresh)


def _problem_key(problem: Problem, root: Path) -> tuple[str, str, str]:
    return relative(problem.path, root), problem.severity, problem.message


def relative(path: Path, root: Path) -> str:
    """`path` relative to the data folder, written with `/`."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def diff(base_dir: Path, head_dir: Path, today: dt.date | None = None) -> Diff:
    """Both folders computed for one day (`today`, else the head's) and compared."""
    head = Workspace(head_dir, today)
    day = head.today
    base = Workspace(base_dir, day)
    comparison = compare(base.report, head.report)
    return Diff(comparison, new_problems(base, head), head_dir)


def diff_refs(base: str, head: str, data: Path, today: dt.date | None = None) -> Diff:
    """`diff` of two folders or two commits (see `sides`)."""
    with sides(base, head, data) as (base_dir, head_dir):
        return diff(base_dir, head_dir, today)
