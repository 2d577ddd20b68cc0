"""Values as YAML lines written the way people write them by hand.

Scalars stay plain unless plain text would read back differently (then they are
double-quoted, JSON style, which YAML 1.2 reads the same). Lines are never folded.
Mappings are block style; lists of scalars and list items that are mappings follow the
file's `Style`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from site_builder.editing.yamltext import Style
from site_builder.loading import yaml_fast

_UNSAFE_START = tuple("-?:,[]{}#&*!|>'\"%@`")
_UNSAFE_ANYWHERE = (": ", " #", "\t", "\n", "\r")
_FLOW_UNSAFE = tuple(",[]{}:")  # ':' too: some readers split `{a: http://x}` at it
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_YAML11_BOOLEANS = frozenset({"y", "n", "yes", "no", "on", "off"})  # quoted for older readers


def _plain_reads_back(text: str, flow: bool) -> bool:
    document = f"{{k: {text}}}" if flow else f"k: {text}"
    try:
        return bool(yaml_fast.parse(document) == {"k": text})
    except yaml_fast.YAMLError:
        return False


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or not text.isprintable():
        return False
    if text.startswith(_UNSAFE_START) or text.endswith(":"):
        return False
    if any(part in text for part in _UNSAFE_ANYWHERE):
        return False
    if flow and any(mark in text for mark in _FLOW_UNSAFE):
        return False
    if text.lower() in _YAML11_BOOLEANS:
        return False
    return _plain_reads_back(text, flow)


def _escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    )


def double_quoted(text: str) -> str:
    """`"text"` with YAML escapes for quotes, backslashes and anything not printable."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + "".join(char if char.isprintable() else _escape(char) for char in body) + '"'


def scalar(value: Any, flow: bool = False) -> str:
    """One scalar as YAML: plain when it reads back the same, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    return text if _plain_ok(text, flow) else double_quoted(text)


def key(name: str) -> str:
    """A mapping key: the models' keys are plain words (`on` stays `on`)."""
    return name if _KEY.match(name) else scalar(name)


def flow(value: Any) -> str:
    """A value in flow style: `[a, b]`, `{k: v}` or a scalar."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return scalar(value, flow=True)


def _is_scalar_list(value: Sequence[Any]) -> bool:
    return all(not isinstance(item, Mapping | list | tuple) for item in value)


def _list_lines(value: Sequence[Any], indent: int, style: Style) -> list[str]:
    lines: list[str] = []
    for item in value:
        if isinstance(item, Mapping) and not style.flow_item_maps:
            lines.extend(item_lines(item, indent, indent + style.item_offset, style))
        else:
            lines.append(" " * indent + "- " + flow(item))
    return lines


def entry_lines(name: str, value: Any, indent: int, style: Style) -> list[str]:
    """`name: value` at `indent`, with nested block lines when the value needs them."""
    head = " " * indent + key(name) + ":"
    if isinstance(value, Mapping) and value:
        return [head, *mapping_lines(value, indent + style.step, style)]
    if isinstance(value, list | tuple) and value:
        if style.flow_lists and _is_scalar_list(value):
            return [f"{head} {flow(value)}"]
        return [head, *_list_lines(value, indent + style.seq_offset, style)]
    if isinstance(value, Mapping | list | tuple):
        return [f"{head} {flow(value)}"]  # {} or []
    return [f"{head} {scalar(value)}"]


def mapping_lines(mapping: Mapping[str, Any], indent: int, style: Style) -> list[str]:
    """A block mapping, one key a line (nested values below their key)."""
    return [
        line for name, value in mapping.items() for line in entry_lines(name, value, indent, style)
    ]


def item_lines(mapping: Mapping[str, Any], dash: int, column: int, style: Style) -> list[str]:
    """A mapping as a block list item: `- first: ...` at column `dash`, keys at `column`."""
    lines = mapping_lines(mapping, column, style)
    lines[0] = " " * dash + "-" + " " * (column - dash - 1) + lines[0][column:]
    return lines
