"""Minimal edits of a YAML file's text, each verified by reading the result back.

An edit inserts or replaces only the text it must: a list item appended at the end, one
`key: value` line added after the last line of its mapping, one scalar replaced in
place. The result is parsed again and must equal the original data with exactly the
intended change; otherwise the edit is refused and nothing is written.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from site_builder.editing import render
from site_builder.editing.errors import EditError
from site_builder.editing.render import entry_lines, flow, mapping_lines, scalar
from site_builder.editing.yamltext import (
    Style,
    compose,
    content_end,
    detect_style,
    is_null,
    line_end,
)
from site_builder.loading import yaml_fast
from site_builder.loading.positions import (
    child,
    compose_items,
    item_span,
    item_starts,
    split_bom,
)

Path_ = tuple[str | int, ...]


def document(text: str, name: str) -> Any:
    """The data `text` holds, read the way `netdash check` reads it."""
    try:
        return yaml_fast.parse(text)
    except yaml_fast.YAMLError:
        raise EditError(
            f"cannot edit {name}: it is not valid YAML; fix it first (netdash check shows where)"
        ) from None


def unfaithful(name: str) -> EditError:
    """The refusal of an edit whose text does not read back as the intended data."""
    return EditError(
        f"cannot change {name} without touching other lines "
        "(its layout is unusual here); make this change by hand"
    )


ReadsBack = Callable[[Any], bool]
"""Whether the data an edited text holds is the data the edit meant it to hold."""


def equal_to(expected: Any) -> ReadsBack:
    """Reads back as `expected`, exactly."""
    return lambda data: bool(data == expected)


def verify(name: str, text: str, reads_back: ReadsBack) -> str:
    """`text` if it reads back as intended; otherwise refuse the edit."""
    try:
        ok = reads_back(yaml_fast.parse(text))
    except yaml_fast.YAMLError:
        ok = False
    if not ok:
        raise unfaithful(name)
    return text


def insert_lines(text: str, offset: int, lines: list[str], style: Style) -> str:
    """`lines` inserted at `offset`, a line start or the end of the text."""
    block = style.newline.join(lines)
    if offset == len(text) and text and not text.endswith("\n"):
        return text + style.newline + block  # the file keeps having no final newline
    return text[:offset] + block + style.newline + text[offset:]


def _with_value(data: Any, path: Path_, value: Any, name: str) -> Any:
    """`data` with `value` at `path`: the containers on the path are copied (and missing
    mappings made), everything else is shared."""
    result: Any = copy.copy(data)
    holder: Any = result
    for depth, part in enumerate(path):
        if not (isinstance(holder, dict) or _has(holder, part)):
            where = ".".join(map(str, path[:depth])) or "the file"
            raise EditError(
                f"cannot set {'.'.join(map(str, path))} in {name}: "
                f"{where} holds {type(holder).__name__}, not a mapping"
            )
        if depth == len(path) - 1:
            holder[part] = value
        else:
            following = holder.get(part) if isinstance(holder, dict) else holder[part]
            holder[part] = holder = copy.copy(following if following is not None else {})
    return result


def _has(holder: Any, part: str | int) -> bool:
    if isinstance(holder, dict):
        return part in holder
    return isinstance(holder, list) and isinstance(part, int) and 0 <= part < len(holder)


def _nest(keys: Path_, value: Any) -> Any:
    for key in reversed(keys):
        value = {key: value}
    return value


def _colon_after(text: str, key: Node) -> int:
    position = text.index(":", key.end_mark.index)
    return position + 1


def _replace(
    text: str, pair: tuple[Node, Node], value: Any, parent: MappingNode, style: Style
) -> str:
    key, node = pair
    in_flow = bool(parent.flow_style)
    if not isinstance(node, ScalarNode) or (node.style in ("|", ">") and not is_null(node)):
        raise EditError("only a single value can be replaced in place")
    start, end = node.start_mark.index, node.end_mark.index
    if end == start:  # `key:` with nothing after it
        start = end = _colon_after(text, key)
    if isinstance(value, Mapping) and not in_flow:
        trimmed = text[: _colon_after(text, key)] + text[end:]
        lines = mapping_lines(value, parent.start_mark.column + style.step, style)
        return insert_lines(trimmed, line_end(trimmed, start), lines, style)
    rendered = flow(value) if isinstance(value, Mapping | list) else scalar(value, in_flow)
    if end == start:
        return text[:start] + " " + rendered + text[start:]
    return text[:start] + rendered + text[end:]


def _insert_flow(text: str, node: MappingNode, key: str, value: Any) -> str:
    close = node.end_mark.index - 1
    if text[close] != "}":
        raise EditError("unexpected flow mapping layout")
    position = close
    while position > node.start_mark.index + 1 and text[position - 1] in " \t\r\n":
        position -= 1
    before = text[position - 1]
    separator = "" if before in "{" else (" " if before == "," else ", ")
    return text[:position] + f"{separator}{render.key(key)}: {flow(value)}" + text[position:]


def _window(text: str, path: Path_, data: Any, name: str) -> tuple[int, int, Node | None, Path_]:
    """(begin, end, node tree, path within it) of the part of `text` that holds `path`:
    one item of a list written at column 0, else the whole text."""
    starts = item_starts(text) if path and isinstance(path[0], int) else None
    if starts and isinstance(data, list) and len(data) == len(starts):
        index = int(path[0])
        item = compose_items(text, starts, index, index + 1) if index < len(starts) else None
        if item is not None:
            return *item_span(text, starts, index, index + 1), item, (0, *path[1:])
    return 0, len(text), compose(text, name), path


def _set_in(text: str, root: Node | None, path: Path_, value: Any, name: str) -> str:
    style = detect_style(text, root)
    node, depth = root, 0
    while depth < len(path) - 1 and node is not None:
        found = child(node, path[depth])
        if found is None or is_null(found[1]):
            break
        node, depth = found[1], depth + 1
    if not isinstance(node, MappingNode) or not isinstance(path[depth], str):
        raise EditError(f"cannot set {'.'.join(map(str, path))} in {name}: unexpected layout")
    key = str(path[depth])
    new_value = _nest(path[depth + 1 :], value)
    found = child(node, key)
    try:
        if found is not None and found[0] is not None:
            return _replace(text, (found[0], found[1]), new_value, node, style)
        if node.flow_style:
            return _insert_flow(text, node, key, new_value)
        lines = entry_lines(key, new_value, node.start_mark.column, style)
        return insert_lines(text, line_end(text, content_end(text, node) - 1), lines, style)
    except EditError as error:
        raise EditError(
            f"cannot change {name}: {error.message}; make this change by hand"
        ) from None


def with_value(text: str, path: Path_, value: Any, name: str) -> tuple[str, ReadsBack]:
    """`text` with the value at `path` set to `value`, creating missing mappings on the
    way, and how to tell it reads back as intended (not read back yet: see `verify`)."""
    data = document(text, name)
    expected = _with_value(data, path, value, name)
    bom, body = split_bom(text)
    begin, end, root, inner = _window(body, path, data, name)
    changed = _set_in(body[begin:end], root, inner, value, name)
    return bom + body[:begin] + changed + body[end:], equal_to(expected)


def set_value(text: str, path: Path_, value: Any, name: str) -> str:
    """`text` with the value at `path` set to `value`, creating missing mappings on the
    way, read back."""
    return verify(name, *with_value(text, path, value, name))
