"""Where things are in a YAML file's text: the one position walker of netdash.

PyYAML's composer on libyaml (C) builds the node tree with the character offset, line
and column of every key, item and value, and constructs no values (so a bad date cannot
stop it). Loading reads it to place a problem where an editor can jump to it; editing
reads it to find the text to change. It is eight times as fast as ruamel.yaml's
composer, which is pure Python, and PyYAML is already the reference parser.

libyaml reads YAML 1.1, which breaks lines at U+0085, U+2028 and U+2029 and refuses
control characters; YAML 1.2 (`yaml_fast`) reads them as text. So the walker reads a
copy of the text where each of them is `_`: the same length, the same offsets, the same
structure. Lines are counted at `\\n` only, as editors count them.

A file that is a list of records (interactions, events) is read an item at a time: the
items start at the lines that begin with `- `, and composing only the lines of the item
in question costs what that item costs, in a 10 MB file too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from site_builder.diagnostics.problems import Loc

if TYPE_CHECKING:  # PyYAML is imported when a tree is composed: a clean check needs none
    from yaml.nodes import Node

BOM = "\ufeff"
_YAML_11_ONLY = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_FIRST_CONTENT = re.compile(r"^[ \t]*[^ \t\r\n#]", re.MULTILINE)
_ITEM_START = re.compile(r"^-(?=[ \t\r\n]|\Z)", re.MULTILINE)
Pairs = dict[str, tuple["Node", "Node"]]
"""A mapping node's (key node, value node) by key."""


def readable(text: str) -> str:
    """`text` as libyaml can read it: what YAML 1.1 alone breaks lines at or refuses,
    replaced one for one by `_`."""
    return _YAML_11_ONLY.sub("_", text) if _YAML_11_ONLY.search(text) else text


def compose(text: str) -> Node | None:
    """The node tree of `text` (None when it holds no document); offsets index `text`.

    Raises `yaml.YAMLError`, with a position, when the text is not YAML. A leading
    byte-order mark is not part of the document: strip it first (`split_bom`).
    """
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader as Loader  # type: ignore[assignment]
    node: Node | None = yaml.compose(readable(text), Loader=Loader)
    return node


def compose_or_none(text: str) -> Node | None:
    """The node tree of `text`, or None when it holds none or cannot be composed."""
    from yaml import YAMLError

    try:
        return compose(text)
    except YAMLError:
        return None


def split_bom(text: str) -> tuple[str, str]:
    """(the byte-order mark or "", the text after it)."""
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` of `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _pairs(node: Node, indexes: dict[int, Pairs] | None) -> Pairs:
    """The pairs of a mapping node by key (the first of a repeated key), indexed once
    when `indexes` keeps them: placing many problems in one mapping stays linear."""
    pairs = indexes.get(id(node)) if indexes is not None else None
    if pairs is None:
        pairs = {}
        for key, value in reversed(node.value):
            if isinstance(key.value, str):  # a scalar key, not a mapping or list used as one
                pairs[key.value] = (key, value)
        if indexes is not None:
            indexes[id(node)] = pairs
    return pairs


def child(
    node: Node, part: str | int, indexes: dict[int, Pairs] | None = None
) -> tuple[Node | None, Node] | None:
    """(key node or None, value node) at `part` of a mapping or sequence node."""
    from yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        return _pairs(node, indexes).get(str(part))
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def find_index(document: Node | None, loc: Loc, indexes: dict[int, Pairs] | None = None) -> int:
    """Character index of the node at `loc`, or of its nearest ancestor.

    A key that is present points at the key; a missing key points at the mapping
    that should hold it; an index points at the list item.
    """
    if document is None:
        return 0
    index, node = document.start_mark.index, document
    for part in loc:
        found = child(node, part, indexes)
        if found is None:
            break
        key, node = found
        index = (key or node).start_mark.index
    return int(index)


def item_starts(text: str) -> list[int] | None:
    """Offsets where the items of the top-level list start, when `text` is a block list
    written at column 0 (`- date: ...`); None for any other document."""
    first = _FIRST_CONTENT.search(text)
    if first is None or not _ITEM_START.match(text, first.start()):
        return None
    return [match.start() for match in _ITEM_START.finditer(text, first.start())]


def item_span(text: str, starts: Sequence[int], first: int, stop: int) -> tuple[int, int]:
    """Offsets of the start of item `first` and of the end of item `stop - 1`."""
    return starts[first], starts[stop] if stop < len(starts) else len(text)


def compose_items(text: str, starts: Sequence[int], first: int, stop: int) -> Node | None:
    """The node tree of items `first` to `stop - 1` alone (offsets index their text,
    `text[starts[first]:]`), or None when those lines are not exactly that many items."""
    begin, end = item_span(text, starts, first, stop)
    from yaml.nodes import SequenceNode

    node = compose_or_none(text[begin:end])
    if isinstance(node, SequenceNode) and len(node.value) == stop - first:
        return node
    return None


class Locator:
    """Places problems in one file's text, reading as little of it as it can: each record
    is composed once, each mapping indexed once, lines found by bisection."""

    def __init__(self, text: str) -> None:
        self._bom, self._text = split_bom(text)
        self._starts = item_starts(self._text)
        self._items: dict[int, Node | None] = {}
        self._indexes: dict[int, Pairs] = {}
        self._line_breaks: list[int] | None = None

    def _tree(self, number: int) -> Node | None:
        """Record `number` alone (-1: the whole document), composed once."""
        if number not in self._items:
            self._items[number] = (
                compose_or_none(self._text)
                if number < 0 or self._starts is None
                else compose_items(self._text, self._starts, number, number + 1)
            )
        return self._items[number]

    def _index(self, loc: Loc) -> int:
        starts = self._starts
        if starts and loc and isinstance(loc[0], int) and 0 <= loc[0] < len(starts):
            item = self._tree(loc[0])
            if item is not None:
                return starts[loc[0]] + find_index(item, (0, *loc[1:]), self._indexes)
        return find_index(self._tree(-1), loc, self._indexes)

    def _line_column(self, index: int) -> tuple[int, int]:
        if self._line_breaks is None:
            self._line_breaks = [match.start() for match in re.finditer("\n", self._text)]
        line = bisect_right(self._line_breaks, index - 1)
        start = self._line_breaks[line - 1] + 1 if line else 0
        return line + 1, index - start + 1 + (len(self._bom) if line == 0 else 0)

    def locate(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, column) of `loc` in this file."""
        return self._line_column(self._index(loc))
