"""A count with its noun, as people write it: `1 day`, `2 days`, `1 person`, `3 people`."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, plural unless the count is exactly 1 (`plural`, else noun + s)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
