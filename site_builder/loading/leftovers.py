"""The files netdash's own writes keep in `data/`: a lock file and temporary files.

Every write takes the lock `.netdash.lock` (it stays, empty), writes the new text to a
temporary file `.<name>.netdash-<random>.tmp` beside the data file, then renames it over
the data file. A process killed in between leaves the temporary file behind: the next
write removes it, and until then `netdash check` names it in a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.diagnostics.problems import Problem

LOCK_NAME = ".netdash.lock"
TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"^\..+\.netdash-[a-z0-9_]+\.tmp$")


def temp_prefix(path: Path) -> str:
    """The start of the name of a temporary file that will replace `path`."""
    return f".{path.name}.netdash-"


def leftovers(root: Path) -> list[Path]:
    """Temporary files of writes that did not finish, in `root` and its folders."""
    found = [*root.glob(f".*{TEMP_SUFFIX}"), *root.glob(f"*/.*{TEMP_SUFFIX}")]
    return sorted(path for path in found if _TEMP.match(path.name) and path.is_file())


def leftover_warnings(root: Path) -> list[Problem]:
    """A warning naming each temporary file an unfinished write left behind."""
    return [
        Problem(
            path,
            f"left by a write that did not finish: {path.relative_to(root).as_posix()} "
            "(the data file beside it is whole; the next netdash edit removes it, "
            "or delete it)",
            "warning",
            1,
            1,
        )
        for path in leftovers(root)
    ]
