"""Edits of `data/` that keep every comment, quote and blank line of the rest of the file."""

from site_builder.editing.errors import EditError
from site_builder.editing.writer import Change, apply, diff

__all__ = ["Change", "EditError", "apply", "diff"]
