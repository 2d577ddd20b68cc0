"""Text from the data or from an issue, made inert before it goes into Markdown."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#@~!])")


def md(text: str) -> str:
    """Plain text on one line: no markup, links, images, HTML, table breaks or mentions."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code(text: str, limit: int = 60) -> str:
    """Typed text quoted as inline code: one line, shortened, no backtick to break out."""
    flat = " ".join(text.split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"`{flat}`"
