"""Read a YAML file's text as written: its node tree with character offsets, and its style.

Edits are made on the text itself, so everything not edited stays byte for byte as it
was. This module finds where things are (the node tree of `loading.positions`, the one
position walker, keeps the character offset of every node) and how the file is written
(line ending, indentation, flow or block lists), so that new lines look like their
neighbours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_builder.editing.errors import EditError
from site_builder.loading import positions

NULLS = ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Style:
    """How a file is written; new text follows it."""

    newline: str = "\n"
    final_newline: bool = True
    step: int = 2
    seq_offset: int = 2
    item_offset: int = 2
    flow_lists: bool = True
    flow_item_maps: bool = True


def compose(text: str, name: str = "the file") -> Node | None:
    """The node tree of `text` (None when it holds no document)."""
    try:
        return positions.compose(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise EditError(
            f"cannot edit {name}: YAML syntax: {problem}{where}; "
            "fix it first (netdash check shows where)"
        ) from None


def is_null(node: Node) -> bool:
    """True for an empty, `~` or `null` plain scalar."""
    return isinstance(node, ScalarNode) and not node.style and node.value in NULLS


def pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """The (key, value) nodes of a mapping."""
    return list(node.value)


def content_end(text: str, node: Node) -> int:
    """Offset just after the last character that belongs to `node` (not its trailing blanks)."""
    last: Node = node
    while not getattr(last, "flow_style", True) and last.value:
        tail = last.value[-1]
        last = tail[1] if isinstance(tail, tuple) else tail
    end = last.end_mark.index
    while end > last.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return int(end)


def line_end(text: str, offset: int) -> int:
    """Offset just after the line break that ends the line holding `offset` (or the end)."""
    found = text.find("\n", offset)
    return len(text) if found < 0 else found + 1


def line_start(text: str, offset: int) -> int:
    """Offset of the start of the line holding `offset`."""
    return text.rfind("\n", 0, offset) + 1


def walk(node: Node) -> Iterator[tuple[Node | None, Node]]:
    """Every (key node or None, node) below `node`, depth first."""
    if isinstance(node, MappingNode):
        for key, value in pairs(node):
            yield key, value
            yield from walk(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield None, item
            yield from walk(item)


def _first(found: Iterator[Any], default: Any) -> Any:
    return next(found, default)


def detect_style(text: str, root: Node | None) -> Style:
    """The line ending, indentation and list styles `text` already uses."""
    newline = "\r\n" if "\r\n" in text else "\n"
    final = text.endswith("\n") or not text
    if root is None:
        return Style(newline=newline, final_newline=final)
    nodes = list(walk(root))
    step = _first(
        (
            value.start_mark.column - key.start_mark.column
            for key, value in nodes
            if key is not None
            and isinstance(value, MappingNode)
            and not value.flow_style
            and value.start_mark.column > key.start_mark.column
        ),
        2,
    )
    offset = _first(
        (
            value.start_mark.column - key.start_mark.column
            for key, value in nodes
            if key is not None
            and isinstance(value, SequenceNode)
            and not value.flow_style
            and value.value
        ),
        step,
    )
    items = _first(
        (
            item.start_mark.column - value.start_mark.column
            for value in [root, *(node for _, node in nodes)]
            if isinstance(value, SequenceNode) and not value.flow_style
            for item in value.value[:1]
            if isinstance(item, MappingNode) and not item.flow_style
        ),
        2,
    )
    flow_lists = _first(
        (
            bool(value.flow_style)
            for _, value in nodes
            if isinstance(value, SequenceNode)
            and value.value
            and all(isinstance(item, ScalarNode) for item in value.value)
        ),
        True,
    )
    flow_maps = _first(
        (
            bool(item.flow_style)
            for _, value in nodes
            if isinstance(value, SequenceNode) and value is not root
            for item in value.value
            if isinstance(item, MappingNode)
        ),
        True,
    )
    return Style(newline, final, step, offset, items, flow_lists, flow_maps)
