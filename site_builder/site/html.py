"""Small HTML helpers for the generated pages.

Every string that comes from the data goes through `esc()`, which returns `Html`; the
helpers take `Html` for content, so mypy flags a data string that skipped escaping.
Generated pages are Markdown, but whatever carries data is emitted as raw HTML blocks
(`block()`): Markdown leaves their text alone, so no YAML string can turn into a link,
an emphasis, a tag or a template expression.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence


class Html(str):
    """A fragment of HTML that is safe to emit as is.

    Adding two fragments gives a fragment; adding a plain string is a type error (and a
    `TypeError` at run time), so data cannot reach a page without going through `esc()`.
    """

    __slots__ = ()

    def __add__(self, other: Html) -> Html:  # type: ignore[override]  # Html + Html only
        if not isinstance(other, Html):
            return NotImplemented
        return Html(str.__add__(self, other))

    def __radd__(self, other: Html) -> Html:
        if not isinstance(other, Html):
            return NotImplemented
        return Html(str.__add__(other, self))


AttrValue = str | int | float | bool | None

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_SCHEMES = ("https://", "http://", "mailto:")
_BLANK_LINES = re.compile(r"\n\s*\n")
EMPTY = Html("")
DASH = Html("&ndash;")


def esc(value: object) -> Html:
    """Text as HTML: `& < > " '` escaped, control characters dropped.

    Control characters go because Markdown uses two of them to mark its placeholders.
    """
    text = str(value)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return Html(html.escape(text, quote=True))


def raw(markup: str) -> Html:
    """Markup written in this package (never data) that is safe as it stands."""
    return Html(markup)


def join(parts: Iterable[Html], separator: str = "") -> Html:
    """Fragments joined by a separator that is itself markup."""
    return Html(separator.join(parts))


def attrs(**values: AttrValue) -> str:
    """HTML attributes; a trailing `_` is dropped (`class_`), `_` becomes `-`; None and
    False leave the attribute out."""
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(parts)


def tag(name: str, content: Html = EMPTY, **values: AttrValue) -> Html:
    """An element with escaped attributes around content that is already HTML."""
    return Html(f"<{name}{attrs(**values)}>{content}</{name}>")


def text(name: str, value: object, **values: AttrValue) -> Html:
    """An element holding escaped text."""
    return tag(name, esc(value), **values)


def safe_url(url: str) -> str | None:
    """The URL when it is http(s) or mailto, else None (never `javascript:` and friends)."""
    cleaned = _CONTROL.sub("", url).strip()
    return cleaned if cleaned.lower().startswith(_SAFE_SCHEMES) else None


def external_link(url: str, label: object) -> Html:
    """A link to another site, or the bare label when the URL is not http(s)/mailto."""
    href = safe_url(url)
    if href is None:
        return esc(label)
    return tag("a", esc(label), href=href, rel="noopener noreferrer nofollow")


def link(href: str, content: Html, **values: AttrValue) -> Html:
    """A link inside the site (`href` is built by the site, never taken from data)."""
    return tag("a", content, href=href, **values)


def block(fragment: Html) -> str:
    """A raw HTML block for a Markdown page: on lines of its own, with no blank line inside
    (a blank line would end the block and hand the rest to Markdown)."""
    return "\n\n" + _BLANK_LINES.sub("\n", fragment) + "\n\n"


def table(headers: Sequence[Html], rows: Iterable[Sequence[Html]], **values: AttrValue) -> Html:
    """A table styled like Material's Markdown tables (so it carries no class)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return raw(
        f'<div class="md-typeset__scrollwrap nd-table"><div class="md-typeset__table">'
        f"<table{attrs(**values)}><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div></div>"
    )


def admonition(kind: str, title: Html, content: Html, **values: AttrValue) -> Html:
    """A Material admonition (`note`, `tip`, `warning`, `danger`, `success`, ...)."""
    css = f"admonition {kind}"
    extra = values.pop("class_", None)
    if extra:
        css += f" {extra}"
    return tag("div", tag("p", title, class_="admonition-title") + content, class_=css, **values)


def card(title: Html, content: Html, icon: Html = EMPTY, **values: AttrValue) -> Html:
    """One card of a Material grid."""
    css = "card nd-card"
    extra = values.pop("class_", None)
    if extra:
        css += f" {extra}"
    heading = tag("p", icon + title, class_="nd-card__title")
    return tag("div", heading + content, class_=css, **values)


def grid(cards: Iterable[Html], **values: AttrValue) -> Html:
    """Material's card grid."""
    css = "grid"
    extra = values.pop("class_", None)
    if extra:
        css += f" {extra}"
    return tag("div", join(cards), class_=css, **values)


def badge(label: object, kind: str, **values: AttrValue) -> Html:
    """A small coloured label; `kind` picks the colour (a circle, a status, ...)."""
    return tag("span", esc(label), class_=f"nd-badge nd-{kind}", **values)


def bar(share: float | None, kind: str = "progress", label: str | None = None) -> Html:
    """A horizontal progress bar, `share` in [0, 1] (clamped); empty when None."""
    if share is None:
        return EMPTY
    width = max(0.0, min(1.0, share)) * 100
    inner = tag("span", style=f"width:{width:.1f}%", class_=f"nd-bar__fill nd-{kind}")
    return tag("span", inner, class_="nd-bar", role="img", aria_label=label or f"{width:.0f}%")


def tabs(group: str, panes: Sequence[tuple[str, Html]]) -> Html:
    """Content tabs in the markup of pymdownx.tabbed's alternate style.

    `group` must be unique within the page: it names the radio inputs.
    """
    name = f"__tabbed_{group}"
    inputs = "".join(
        f'<input{" checked" if i == 1 else ""} id="{name}_{i}" name="{name}" type="radio">'
        for i in range(1, len(panes) + 1)
    )
    labels = "".join(
        f'<label for="{name}_{i}">{esc(label)}</label>' for i, (label, _) in enumerate(panes, 1)
    )
    blocks = "".join(f'<div class="tabbed-block">{content}</div>' for _, content in panes)
    return raw(
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{esc(group)}:{len(panes)}">'
        f'{inputs}<div class="tabbed-labels">{labels}</div>'
        f'<div class="tabbed-content">{blocks}</div></div>'
    )


def day(value: dt.date | None) -> Html:
    """A date as `YYYY-MM-DD` in a `<time>` element, or a dash."""
    if value is None:
        return DASH
    iso = value.isoformat()
    return raw(f'<time datetime="{iso}">{iso}</time>')


def number(value: float | None, digits: int = 0, suffix: str = "") -> Html:
    """A number with a fixed count of decimals, or a dash for None."""
    if value is None:
        return DASH
    return esc(f"{value:,.{digits}f}{suffix}")


def percent(share: float | None, digits: int = 0) -> Html:
    """A share in [0, 1] as a percentage, or a dash for None."""
    return DASH if share is None else number(share * 100, digits, "%")


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 person`, `2 people`."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def humanize(word: str) -> str:
    """A vocabulary word for display: `work_anniversary` -> `work anniversary`."""
    return word.replace("_", " ")
