"""Edits of `data/` that keep every comment, quote and blank line of the rest of the file.

The package itself holds only the refusal (`EditError`), so that the command line can
name it without loading the editor: `writer` has `Change`, `apply` and `diff`.
"""

from site_builder.editing.errors import EditError

__all__ = ["EditError"]
