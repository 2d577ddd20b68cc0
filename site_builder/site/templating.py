"""netdash's own Jinja environment, in which the page bodies are laid out.

MkDocs' theme environment has autoescape off; page bodies never rely on it. Here autoescape
is on: every `{{ value }}` is escaped, and only markup the templates make (`Markup`: macro
output, deferred-part markers, cells labelled with their column) passes as it is. Python
hands the templates plain values; templates hold loops, conditionals and macro calls.

Most generated pages are Markdown, but whatever carries data is a raw HTML block (the
`block` filter): Markdown leaves its text alone, so no YAML string can turn into a link,
an emphasis, a tag or a template expression. The filter also drops control characters,
two of which Markdown uses to mark its placeholders.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from site_builder.site.views import CONTROL

_BLANK_LINES = re.compile(r"\n\s*\n")
_CELL_OR_ROW_END = re.compile(r"<td\b|</tr>")
JSON_OPTIONS = {"separators": (",", ":"), "ensure_ascii": False, "allow_nan": False}
"""How `|tojson` writes a chart's spec: compact, keys in the order given, finite numbers."""


def title_html(value: object) -> Markup:
    """Text escaped as MkDocs' theme and search index expect a page title (`&quot;`,
    `&#x27;`), with control characters dropped: for a title from the data, and for a
    heading that shows that title."""
    escaped = html.escape(CONTROL.sub("", str(value)), quote=True)
    return Markup(escaped)  # noqa: S704 - escaped on the line above


def markdown_block(fragment: str) -> Markup:
    """A raw HTML block for a Markdown page: on lines of its own, with no blank line inside
    (a blank line would end the block and hand the rest to Markdown) and no control
    character (no template writes any)."""
    inner = _BLANK_LINES.sub("\n", CONTROL.sub("", escape(fragment)))
    return Markup(f"\n\n{inner}\n\n")  # noqa: S704 - markup (or escaped text), trimmed


def preformatted(text: str) -> Markup:
    """Text for a `<pre>` inside a raw HTML block: escaped, its line breaks written as
    character references, so that no blank line ends the block."""
    return escape(text).replace("\n", Markup("&#10;"))


def labelled(rows: str, headers: Sequence[str]) -> Markup:
    """Table rows whose cells carry their column's name (`data-label`), which the narrow
    layout shows beside each value when a row becomes a card. `rows` is a template's
    markup: text from the data in it is escaped, so `<td` there is always a cell."""
    labels = [Markup('<td data-label="{}"').format(header) for header in headers]
    column = 0

    def cell(match: re.Match[str]) -> str:
        nonlocal column
        if match.group() == "</tr>":
            column = 0
            return "</tr>"
        column += 1
        return labels[column - 1] if column <= len(labels) else "<td"

    return Markup(_CELL_OR_ROW_END.sub(cell, str(rows)))  # noqa: S704 - markup in, attributes escaped


@cache
def environment() -> Environment:
    """The environment of the page bodies, made once per process (each template is
    compiled when first used, and kept: `mkdocs serve` builds again in the same process)."""
    env = Environment(
        loader=PackageLoader("site_builder.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters["block"] = markdown_block
    env.filters["lines"] = preformatted
    env.filters["labelled"] = labelled
    env.policies["json.dumps_kwargs"] = JSON_OPTIONS
    return env


def render(name: str, **values: Any) -> str:
    """The template `name` rendered with `values`."""
    return environment().get_template(name).render(**values)


def macro(template: str, name: str) -> Callable[..., str]:
    """A macro of a template that holds only macros, as a function of its arguments that
    returns its HTML (for a deferred part of a page, or a test)."""
    call = getattr(environment().get_template(template).module, name)

    def rendered(*args: Any) -> str:
        """The macro's HTML for these arguments."""
        return str(call(*args))

    return rendered
