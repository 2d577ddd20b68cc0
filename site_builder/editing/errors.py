"""The one exception of editing: a change that was refused, with the reasons in plain words."""

from __future__ import annotations

from collections.abc import Sequence


class EditError(Exception):
    """A change that cannot be made; nothing was written.

    `reasons` are extra lines (problems found, candidates of an ambiguous name) shown
    under the message.
    """

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.reasons = tuple(reasons)

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {reason}" for reason in self.reasons)])
