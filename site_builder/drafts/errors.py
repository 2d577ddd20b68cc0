"""The one exception of the drafts: a request that names something the data does not hold."""

from __future__ import annotations


class DraftError(LookupError):
    """An unknown template, contact or event id, said in plain words (no traceback needed)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
