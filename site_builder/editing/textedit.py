"""Minimal edits of a YAML file's text, each verified by reading the result back.

An edit inserts or replaces only the text it must: a list item appended at the end, one
`key: value` line added after the last line of its mapping, one scalar replaced in
place. The result is parsed again and must equal the original data with exactly the
intended change; otherwise the edit is refused and nothing is written.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_builder.editing import render
from site_builder.editing.errors import EditError
from site_builder.editing.render import entry_lines, flow, item_lines, mapping_lines, scalar
from site_builder.editing.yamltext import (
    Style,
    compose,
    content_end,
    detect_style,
    is_null,
    line_end,
    line_start,
)
from site_builder.loading import yaml_fast
from site_builder.loading.positions import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    child,
    compose_items,
    item_span,
    item_starts,
    split_bom,
)

Path_ = tuple[str | int, ...]
_STYLE_SAMPLE = 20
"""How many first items of a long list show how it is written."""


def document(text: str, name: str) -> Any:
    """The data `text` holds, read the way `netdash check` reads it."""
    try:
        return yaml_fast.parse(text)
    except yaml_fast.YAMLError:
        raise EditError(
            f"cannot edit {name}: it is not valid YAML; fix it first (netdash check shows where)"
        ) from None


def verify(name: str, text: str, expected: Any) -> str:
    """`text` if it reads back as `expected`; otherwise refuse the edit."""
    try:
        ok = yaml_fast.parse(text) == expected
    except yaml_fast.YAMLError:
        ok = False
    if not ok:
        raise EditError(
            f"cannot change {name} without touching other lines "
            "(its layout is unusual here); make this change by hand"
        )
    return text


def insert_lines(text: str, offset: int, lines: list[str], style: Style) -> str:
    """`lines` inserted at `offset`, a line start or the end of the text."""
    block = style.newline.join(lines)
    if offset == len(text) and text and not text.endswith("\n"):
        return text + style.newline + block  # the file keeps having no final newline
    return text[:offset] + block + style.newline + text[offset:]


def _blank_before(text: str, offset: int) -> bool:
    """True when the line before the one at `offset` is blank."""
    start = line_start(text, offset)
    return start > 0 and not text[line_start(text, start - 1) : start].strip()


@dataclass(frozen=True)
class _ListEnds:
    """What appending to a block list looks at: its dash column, its first and last items
    (node trees of their own), and whether a blank line stands before the last item."""

    dash: int
    first: Node
    last: Node
    blank_between: bool


def _append_to_block_list(text: str, ends: _ListEnds, item: Mapping[str, Any], style: Style) -> str:
    dash, first, last = ends.dash, ends.first, ends.last
    block_item = isinstance(first, MappingNode) and not first.flow_style
    key = first.start_mark.column if block_item else dash + 2
    if isinstance(last, MappingNode) and last.flow_style:  # `- {date: ..., kind: ...}` items
        lines = [" " * dash + "- " + flow(item)]
    else:
        lines = item_lines(item, dash, key, style)
    if ends.blank_between and not text.endswith(("\n\n", "\r\n\r\n")):
        lines = ["", *lines]
    return insert_lines(text, len(text), lines, style)


def _sampled_ends(text: str, starts: list[int]) -> tuple[_ListEnds, Style] | None:
    """The ends of a list written at column 0, from its first items and its last one
    alone (a year of interactions is not composed to add one); None when those lines do
    not compose as list items."""
    count = len(starts)
    head = compose_items(text, starts, 0, min(count, _STYLE_SAMPLE))
    tail = compose_items(text, starts, count - 1, count)
    if not isinstance(head, SequenceNode) or not isinstance(tail, SequenceNode):
        return None
    blank = count > 1 and _blank_before(text, starts[-1])
    return _ListEnds(0, head.value[0], tail.value[0], blank), detect_style(text, head)


def _composed_ends(text: str, root: SequenceNode) -> tuple[_ListEnds, Style]:
    items = root.value
    blank = len(items) > 1 and _blank_before(text, items[-1].start_mark.index)
    ends = _ListEnds(root.start_mark.column, items[0], items[-1], blank)
    return ends, detect_style(text, root)


def _appended(text: str, item: Mapping[str, Any], name: str) -> str:
    starts = item_starts(text)
    sampled = _sampled_ends(text, starts) if starts else None
    if sampled is not None:
        ends, style = sampled
        return _append_to_block_list(text, ends, item, style)
    root = compose(text, name)
    if not isinstance(root, SequenceNode | None):
        raise EditError(f"cannot add to {name}: it does not hold a list of records")
    style = detect_style(text, root)
    if root is None:  # only comments so far
        return insert_lines(text, len(text), item_lines(item, 0, 2, style), style)
    if root.flow_style and not root.value:  # `[]`
        column = root.start_mark.column
        lines = item_lines(item, column, column + 2, style)
        lines[0] = lines[0].lstrip(" ")
        return (
            text[: root.start_mark.index] + style.newline.join(lines) + text[root.end_mark.index :]
        )
    if root.flow_style:
        raise EditError(
            f"cannot add to {name}: it is written as one [ ... ] list; "
            "write it as a block list (`- date: ...`) first"
        )
    ends, style = _composed_ends(text, root)
    return _append_to_block_list(text, ends, item, style)


def append_item(text: str, item: Mapping[str, Any], name: str) -> str:
    """`text` with `item` added at the end of its top-level list."""
    before = document(text, name)
    if not isinstance(before, list | None):
        raise EditError(f"cannot add to {name}: it does not hold a list of records")
    bom, body = split_bom(text)
    expected = [*(before or []), dict(item)]
    return verify(name, bom + _appended(body, item, name), expected)


def _with_value(data: Any, path: Path_, value: Any, name: str) -> Any:
    result = copy.deepcopy(data)
    holder = result
    for depth, part in enumerate(path[:-1]):
        following = holder[part] if _has(holder, part) else None
        if following is None:
            following = {}
            holder[part] = following
        if not isinstance(following, dict | list) or (
            isinstance(following, list) and not isinstance(path[depth + 1], int)
        ):
            raise EditError(
                f"cannot set {'.'.join(map(str, path))} in {name}: "
                f"{part!s} holds {type(following).__name__}"
            )
        holder = following
    holder[path[-1]] = value
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


def set_value(text: str, path: Path_, value: Any, name: str) -> str:
    """`text` with the value at `path` set to `value`, creating missing mappings on the way."""
    data = document(text, name)
    expected = _with_value(data, path, value, name)
    bom, body = split_bom(text)
    begin, end, root, inner = _window(body, path, data, name)
    changed = _set_in(body[begin:end], root, inner, value, name)
    return verify(name, bom + body[:begin] + changed + body[end:], expected)
