"""Problems found in the data: small records that point at a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in the data.

    `loc` is the path of keys and list indexes to the offending node; the loader turns it
    into `line` and `column` (1-based) by reading the file's positions only when needed.
    """

    path: Path
    message: str
    severity: Severity = "error"
    line: int = 0
    column: int = 0
    loc: Loc | None = None

    @property
    def is_error(self) -> bool:
        """True for errors, false for warnings."""
        return self.severity == "error"

    def at(self, line: int, column: int) -> Problem:
        """The same problem, placed at a line and column."""
        return replace(self, line=line, column=column)


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    """File order, then position: the order a reader goes through them."""
    return (str(problem.path), problem.line, problem.column, problem.message)


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (warnings alone keep the data usable)."""
    return any(problem.is_error for problem in problems)
