"""While `mkdocs serve` runs, the theme's files are listed once. MkDocs lists every file
of the theme at each rebuild to copy its assets; Material's holds some fifteen thousand
(its icons), the same from one rebuild to the next, and walking and filtering them is a
good part of what an edit waits for. `netdash serve` watches no theme folder, so the
list cannot go stale while it runs; a build without `serve` lists them as MkDocs does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.theme import Theme

Listings = dict[tuple[object, ...], list[str]]
"""Theme file names, by what they were listed from."""


def listed_once(theme: Theme, kept: Listings) -> None:
    """Make the environments `theme.get_env()` gives answer `list_templates` from `kept`,
    listing the theme's files only the first time (for the same folders and filter)."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        listing = env.list_templates

        def list_templates(
            extensions: Any = None, filter_func: Callable[[str], bool] | None = None
        ) -> list[str]:
            key = (
                tuple(theme.dirs),
                tuple(sorted(theme.static_templates)),
                extensions,
                filter_func.__qualname__ if filter_func is not None else None,
            )
            if key not in kept:
                kept[key] = listing(extensions, filter_func)
            return list(kept[key])

        setattr(env, "list_templates", list_templates)  # noqa: B010 - on this one environment
        return env

    setattr(theme, "get_env", get_env)  # noqa: B010 - on this build's theme alone
