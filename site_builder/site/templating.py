"""netdash's own Jinja environment, in which the page bodies are laid out.

MkDocs' theme environment has autoescape off; page bodies never rely on it. Here every
`{{ value }}` is escaped: `as_text` escapes `& < > " '` (as the theme and the search index
expect a page title) and drops control characters (Markdown marks its placeholders with
two of them). Only markup the templates make, `Markup`, passes as it is. Python hands the
templates plain values; templates hold loops, conditionals and macro calls.

Generated pages are Markdown, but whatever carries data is a raw HTML block (the `block`
filter): Markdown leaves its text alone, so no YAML string can turn into a link, an
emphasis, a tag or a template expression.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n\s*\n")
JSON_OPTIONS = {"separators": (",", ":"), "ensure_ascii": False, "allow_nan": False}
"""How `|tojson` writes a chart's spec: compact, keys in the order given, finite numbers."""


def as_text(value: object) -> Markup:
    """A value as HTML: markup made by the templates as it is, anything else as text,
    escaped, with control characters dropped."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return Markup(html.escape(text, quote=True))  # noqa: S704 - escaped on this line


def markdown_block(fragment: str) -> Markup:
    """A raw HTML block for a Markdown page: on lines of its own, with no blank line inside
    (a blank line would end the block and hand the rest to Markdown)."""
    # Blank lines out of markup (`as_text` escapes a plain string first) leave it markup.
    return Markup("\n\n" + _BLANK_LINES.sub("\n", as_text(fragment)) + "\n\n")  # noqa: S704


@cache
def environment() -> Environment:
    """The environment of the page bodies, made and compiled once per process."""
    env = Environment(
        loader=PackageLoader("site_builder.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=as_text,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["block"] = markdown_block
    env.policies["json.dumps_kwargs"] = JSON_OPTIONS
    return env


def render(name: str, **values: Any) -> str:
    """The template `name` rendered with `values`."""
    return environment().get_template(name).render(**values)


def macro(template: str, name: str) -> Any:
    """A macro of a template that holds only macros, to call from Python (a deferred part
    of a page, or a test)."""
    return getattr(environment().get_template(template).module, name)
