"""Load `data/`: read every file, validate it, check across records, place each problem.

The stages run in order and each returns what it made plus the problems it found;
nothing stops at the first bad file. Each file is judged by `judge`, the judge every
write to `data/` goes through too; the cross-record checks then run once over the whole
data set. Positions are recovered last, and only for the files that have problems,
since the fast parser keeps none.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.diagnostics.problems import Problem, has_errors
from site_builder.loading import checks
from site_builder.loading.judge import (
    WHOLE_FILE_KINDS,
    FileResult,
    judge_read,
    place,
    whole_file_fields,
)
from site_builder.loading.leftovers import leftover_warnings
from site_builder.loading.messages import did_you_mean
from site_builder.loading.reader import read_yaml
from site_builder.models import FILE_KINDS, Dataset, FileKind, KindName, Sources

__all__ = ["FileCache", "FileResult", "LoadResult", "discover", "load", "load_file"]


@dataclass(frozen=True)
class LoadResult:
    """The data set (built from whatever was valid) and every problem found."""

    dataset: Dataset
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not has_errors(self.problems)


def discover(root: Path) -> tuple[list[tuple[FileKind, Path]], list[Problem]]:
    """The data files under `root`, by kind, in a stable order; a warning for any other."""
    if not root.is_dir():
        return [], [Problem(root, "data folder not found", line=1, column=1)]
    files = [(kind, path) for kind in FILE_KINDS for path in sorted(root.glob(kind.pattern))]
    problems = [_ignored(root, path) for path in _unclaimed(root, {path for _, path in files})]
    problems.extend(leftover_warnings(root))
    if not (root / "settings.yml").exists():
        message = "missing: settings.yml is required (it holds at least `owner: Your Name`)"
        problems.append(Problem(root / "settings.yml", message, line=1, column=1))
    return files, problems


def _unclaimed(root: Path, claimed: set[Path]) -> list[Path]:
    """Files under `root` that no kind reads (hidden files and Markdown notes aside)."""
    return sorted(
        path
        for path in root.rglob("*")
        if path not in claimed
        and path.is_file()
        and path.suffix != ".md"
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def _ignored(root: Path, path: Path) -> Problem:
    """A warning for a file netdash does not read, with the name it probably meant."""
    relative = path.relative_to(root).as_posix()
    expected = [kind.pattern.replace("*", path.stem) for kind in FILE_KINDS]
    return Problem(
        path,
        f"ignored: netdash does not read {relative!r}" + did_you_mean(relative, expected),
        "warning",
        1,
        1,
    )


def load_file(kind: FileKind, path: Path) -> FileResult:
    """Read and validate one file on its own (cross-record checks come later)."""
    return judge_read(kind, path, read_yaml(path))


def load(root: Path, cache: FileCache | None = None) -> LoadResult:
    """Read, validate and cross-check everything under `root`. With a `cache` (as
    `mkdocs serve` keeps one), files unchanged since the last load are not read again."""
    files, problems = discover(root)
    texts: dict[Path, str] = {}
    values: dict[KindName, list[tuple[Path, Any]]] = defaultdict(list)
    for kind, path in files:
        done = cache.load(kind, path) if cache is not None else load_file(kind, path)
        problems.extend(done.problems)
        if done.text:
            texts[path] = done.text
        if done.value is not None:
            values[kind.name].append((path, done.value))
    if cache is not None:
        cache.finish({path for _, path in files})
    contact_files = [path for kind, path in files if kind.name == "contact"]
    dataset = _assemble(root, values, contact_files)
    problems.extend(checks.run(dataset))
    return LoadResult(dataset, place(problems, texts))


class FileCache:
    """What `load` made of each file, kept while the file stays the same (same size,
    modification time, inode and change time): `mkdocs serve` loads the data again on
    every edit, and most files have not changed."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[tuple[int, ...], FileResult]] = {}
        self._read = 0
        self.changed = True
        """Whether the last load found a file new, changed or gone."""

    def load(self, kind: FileKind, path: Path) -> FileResult:
        """`load_file(kind, path)`, from the cache when the file has not changed."""
        try:
            status = path.stat()
        except OSError:  # gone meanwhile: the reader says so, and nothing is kept
            self._files.pop(path, None)
            self._read += 1
            return load_file(kind, path)
        stamp = (status.st_size, status.st_mtime_ns, status.st_ino, status.st_ctime_ns)
        known = self._files.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        self._read += 1
        done = load_file(kind, path)
        self._files[path] = (stamp, done)
        return done

    def finish(self, paths: set[Path]) -> None:
        """End a load that found `paths`: forget the files that are gone, and note whether
        anything changed since the last load."""
        gone = self._files.keys() - paths
        for path in gone:
            del self._files[path]
        self.changed = bool(self._read or gone)
        self._read = 0


def _single(values: dict[KindName, list[tuple[Path, Any]]], name: KindName, default: Any) -> Any:
    found = values.get(name)
    return found[0][1] if found else default


def _assemble(
    root: Path, values: dict[KindName, list[tuple[Path, Any]]], contact_files: list[Path]
) -> Dataset:
    """A `Dataset` of whatever validated; records that failed are left out.

    `sources.contacts` lists every contact file, valid or not, so that a reference to a
    person whose file has a mistake is not reported as unknown too.
    """
    interactions, origins = [], []
    for path, items in values.get("interactions", []):
        for index, item in enumerate(items):
            if item is not None:
                interactions.append(item)
                origins.append((path, index))
    contacts = {path.stem: contact for path, contact in values.get("contact", [])}
    whole: dict[str, Any] = {}
    for name in WHOLE_FILE_KINDS:
        whole.update(whole_file_fields(name, _single(values, name, None)))
    return Dataset(
        contacts=contacts,
        interactions=tuple(interactions),
        root=root,
        sources=Sources(
            contacts={path.stem: path for path in contact_files},
            interactions=tuple(origins),
        ),
        **whole,
    )
