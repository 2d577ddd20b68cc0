"""The one judge of a data file's text: the problems `netdash check` reports for it.

`netdash check` judges every file as it loads the data; every write judges the text it
is about to put in a file, and is refused when `check` would find an error in it. Both
run the same stages, in this order:

1. read: UTF-8 text without a byte-order mark or NUL, not empty, one YAML 1.2 document
   (`reader.read_data`);
2. name: a contact file's name is an id;
3. validate: the models of the file's kind, each record of a list apart;
4. cross-check: `checks.CHECKS` over the data set (the loader runs them once over the
   whole set; `judge` over the set as it would be with this file holding this text);
5. place: each problem gets its line and column (`positions.Locator`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from site_builder.diagnostics.problems import Problem, sort_key
from site_builder.loading import checks, positions
from site_builder.loading.messages import explain
from site_builder.loading.reader import ReadResult, read_data
from site_builder.loading.template_text import template_problems
from site_builder.models import Dataset, FileKind, Goals, KindName, Settings, Sources
from site_builder.models.types import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)
NO_OWNER = Settings(owner="(no owner)")
"""The settings of a data set whose settings.yml did not validate."""


@dataclass(frozen=True)
class FileResult:
    """What one file gave: its text (empty when unreadable), its validated value (None
    when nothing in it validated) and its own problems, not yet placed."""

    text: str
    value: Any
    problems: tuple[Problem, ...]


def validate_document(kind: FileKind, path: Path, document: Any) -> tuple[Any, list[Problem]]:
    """Validate one document; a list keeps its valid records when some are bad."""
    try:
        return kind.adapter.validate_python(document), []
    except ValidationError as error:
        problems = [
            Problem(path, message, loc=loc) for loc, message, _ in explain(error, kind.shape)
        ]
    if kind.is_list and isinstance(document, list):
        bad = {p.loc[0] for p in problems if p.loc}
        item_adapter = kind.item_adapter
        return [
            item_adapter.validate_python(item) if i not in bad else None
            for i, item in enumerate(document)
        ], problems
    return None, problems


def judge_read(kind: FileKind, path: Path, read: ReadResult) -> FileResult:
    """Stages 2 and 3 (name, validate) on what the reader made of a file."""
    if read.problem is not None:
        return FileResult("", None, (read.problem,))
    if kind.name == "contact" and not _SLUG.match(path.stem):
        message = (
            f"file name {path.stem!r} is not an id: use lowercase letters and digits "
            "joined by -, e.g. ada-lovelace.yml"
        )
        return FileResult(read.text, None, (Problem(path, message, line=1, column=1),))
    value, found = validate_document(kind, path, read.document)
    if kind.name == "templates" and value is not None:
        found += template_problems(path, read.text, value)
    return FileResult(read.text, value, tuple(found))


def place(problems: list[Problem], texts: dict[Path, str]) -> list[Problem]:
    """Give each problem that has only a `loc` its line and column; in reading order."""
    by_path: dict[Path, list[Problem]] = defaultdict(list)
    placed: list[Problem] = []
    for problem in problems:
        if problem.line == 0 and problem.loc is not None and problem.path in texts:
            by_path[problem.path].append(problem)
        else:
            placed.append(problem if problem.line else problem.at(1, 1))
    for path, waiting in by_path.items():
        locator = positions.Locator(texts[path])
        placed.extend(p.at(*locator.locate(p.loc or ())) for p in waiting)
    return sorted(placed, key=sort_key)


@dataclass(frozen=True)
class Verdict:
    """What the judge found in one file's text: the problems `netdash check` reports in
    it, placed, and the document the text holds (None when it could not be read)."""

    problems: list[Problem]
    document: Any = None


def judge(kind: FileKind, path: Path, data: bytes, context: Dataset) -> Verdict:
    """The problems `netdash check` would report in `path` if it held `data`, the rest of
    the data being as `context` holds it; in reading order."""
    read = read_data(path, data)
    own = judge_read(kind, path, read)
    overlay = with_file(context, kind, path, own.value)
    found = [*own.problems, *(p for p in checks.run(overlay) if p.path == path)]
    return Verdict(place(found, {path: own.text} if own.text else {}), read.document)


def with_file(context: Dataset, kind: FileKind, path: Path, value: Any) -> Dataset:
    """`context` as it would be with `path` holding `value` (None: nothing valid), for
    checking `path`.

    Every check reports a problem in the file of the record it is about, so the contacts
    and interactions of other files are left out (a year of interactions costs time to
    check), except that a contact file is checked among all contacts (for duplicates).
    """
    if kind.name == "contact":
        return _with_contact(context, path, value)
    others_left_out = dataclasses.replace(
        context, contacts={}, interactions=(), sources=Sources(context.sources.contacts)
    )
    if kind.name == "interactions":
        kept = [(index, item) for index, item in enumerate(value or []) if item is not None]
        return dataclasses.replace(
            others_left_out,
            interactions=tuple(item for _, item in kept),
            sources=Sources(context.sources.contacts, tuple((path, i) for i, _ in kept)),
        )
    return dataclasses.replace(others_left_out, **whole_file_fields(kind.name, value))


def _with_contact(context: Dataset, path: Path, value: Any) -> Dataset:
    """The contacts in the loader's order (by file), with `path` holding `value`."""
    files = dict(sorted({**context.sources.contacts, path.stem: path}.items(), key=_by_path))
    held = {**context.contacts, path.stem: value}
    contacts = {stem: held[stem] for stem in files if held.get(stem) is not None}
    return dataclasses.replace(context, contacts=contacts, interactions=(), sources=Sources(files))


def _by_path(entry: tuple[str, Path]) -> Path:
    return entry[1]


WHOLE_FILE_KINDS: tuple[KindName, ...] = tuple(
    kind for kind in get_args(KindName) if kind not in ("contact", "interactions")
)
"""The kinds of file that are read whole into one field of the `Dataset` (not contacts,
one file a person, nor interactions, lists in several files)."""


def whole_file_fields(name: KindName, value: Any) -> dict[str, Any]:
    """The `Dataset` fields a file of kind `name` holding `value` (None when missing or
    invalid) gives: what the loader assembles, and the judge with one file changed."""
    if name == "settings":
        return {"settings": value or NO_OWNER}
    if name == "goals":
        return {"goals": value or Goals()}
    if name == "metrics":
        return {"metrics": {key: tuple(series) for key, series in (value or {}).items()}}
    if name == "templates":
        return {"templates": value or {}}
    return {name: tuple(record for record in value or [] if record is not None)}
