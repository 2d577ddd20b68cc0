"""The files of a new dashboard, and writing them where none exists yet."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from string import Template

from site_builder.editing.render import scalar
from site_builder.scaffold.answers import Answers, InitError

TEMPLATE_SUFFIX = ".in"
HIDDEN_PREFIX = "dot-"

REQUIREMENTS = """\
# The netdash the workflows install (pip install -r requirements.txt). Name a release,
# or a git commit or tag: netdash @ git+https://github.com/OWNER/netdash@v0.1.0
{requirement}
"""


def _walk(folder: Traversable, parts: tuple[str, ...] = ()) -> Iterator[tuple[str, Traversable]]:
    """(relative path as written, file) for every file under `folder`, in a stable order."""
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        name = entry.name
        if name.startswith(HIDDEN_PREFIX):
            name = "." + name.removeprefix(HIDDEN_PREFIX)
        if entry.is_dir():
            yield from _walk(entry, (*parts, name))
        else:
            yield str(PurePosixPath(*parts, name)), entry


def _fill(text: str, answers: Answers) -> str:
    return Template(text).substitute(
        owner=scalar(answers.owner),
        timezone=scalar(answers.timezone),
        roadmap_start=answers.roadmap_start.isoformat(),
    )


def dashboard_files(answers: Answers) -> dict[str, str]:
    """Relative path -> text of every file a new dashboard starts with."""
    from site_builder.schema.json_schema import schema_files

    files: dict[str, str] = {}
    for name, entry in _walk(resources.files(__package__) / "files"):
        text = entry.read_text(encoding="utf-8")
        if name.endswith(TEMPLATE_SUFFIX):
            files[name.removesuffix(TEMPLATE_SUFFIX)] = _fill(text, answers)
        else:
            files[name] = text
    files.update({f"schemas/{name}": text for name, text in schema_files().items()})
    files["requirements.txt"] = REQUIREMENTS.format(requirement=answers.requirement)
    return files


def _in_the_way(root: Path, name: str) -> Path | None:
    """The file or folder that stops `name` being written under `root`: the path itself,
    or a file where one of its folders goes."""
    path = root / name
    if path.exists():
        return path
    return next((folder for folder in path.parents if folder.is_file()), None)


def write_new(root: Path, files: Mapping[str, str]) -> list[Path]:
    """Write `files` under `root`, each atomically; refuse, writing nothing, when any of
    them exists already (a dashboard is never written over another)."""
    from site_builder.diagnostics.formats import display_path
    from site_builder.editing.errors import EditError
    from site_builder.editing.writer import write_atomic

    if root.exists() and not root.is_dir():
        raise InitError(f"{display_path(root)} is a file, not a folder")
    existing = sorted({display_path(path) for name in files if (path := _in_the_way(root, name))})
    if existing:
        verb, them = ("exists", "it") if len(existing) == 1 else ("exist", "them")
        raise InitError(
            f"{', '.join(existing)} already {verb}; not overwriting {them}: nothing was "
            f"written (start in an empty folder, or move {them} away)"
        )
    paths = [root / name for name in files]
    for path, text in zip(paths, files.values(), strict=True):
        try:
            write_atomic(path, text, None)
        except (OSError, EditError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise InitError(f"cannot write {display_path(path)}: {reason or error}") from None
    return paths
