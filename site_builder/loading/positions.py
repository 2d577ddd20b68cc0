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

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_builder.diagnostics.problems import Loc
from site_builder.loading.yaml_fast import Yaml12Loader

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode"]

BOM = "\ufeff"
_YAML_11_ONLY = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_FIRST_CONTENT = re.compile(r"^[ \t]*[^ \t\r\n#]", re.MULTILINE)
_ITEM_START = re.compile(r"^-(?=[ \t\r\n]|\Z)", re.MULTILINE)


def readable(text: str) -> str:
    """`text` as libyaml can read it: what YAML 1.1 alone breaks lines at or refuses,
    replaced one for one by `_`."""
    return _YAML_11_ONLY.sub("_", text) if _YAML_11_ONLY.search(text) else text


def compose(text: str) -> Node | None:
    """The node tree of `text` (None when it holds no document); offsets index `text`.

    Raises `yaml.YAMLError`, with a position, when the text is not YAML. A leading
    byte-order mark is not part of the document: strip it first (`split_bom`).
    """
    node: Node | None = yaml.compose(readable(text), Loader=Yaml12Loader)
    return node


def compose_or_none(text: str) -> Node | None:
    """The node tree of `text`, or None when it holds none or cannot be composed."""
    try:
        return compose(text)
    except yaml.YAMLError:
        return None


def split_bom(text: str) -> tuple[str, str]:
    """(the byte-order mark or "", the text after it)."""
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` of `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    """(key node or None, value node) at `part` of a mapping or sequence node."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(part):
                return key, value
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def find_index(document: Node | None, loc: Loc) -> int:
    """Character index of the node at `loc`, or of its nearest ancestor.

    A key that is present points at the key; a missing key points at the mapping
    that should hold it; an index points at the list item.
    """
    if document is None:
        return 0
    index, node = document.start_mark.index, document
    for part in loc:
        found = child(node, part)
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
    node = compose_or_none(text[begin:end])
    if isinstance(node, SequenceNode) and len(node.value) == stop - first:
        return node
    return None


class Locator:
    """Places problems in one file's text, reading as little of it as it can."""

    def __init__(self, text: str) -> None:
        self._bom, self._text = split_bom(text)
        self._starts = item_starts(self._text)
        self._document: Node | None = None
        self._composed = False
        self._line_breaks: list[int] | None = None

    def _whole(self) -> Node | None:
        if not self._composed:
            self._document, self._composed = compose_or_none(self._text), True
        return self._document

    def _index(self, loc: Loc) -> int:
        starts = self._starts
        if starts and loc and isinstance(loc[0], int) and 0 <= loc[0] < len(starts):
            item = compose_items(self._text, starts, loc[0], loc[0] + 1)
            if item is not None:
                return starts[loc[0]] + find_index(item, (0, *loc[1:]))
        return find_index(self._whole(), loc)

    def _line_column(self, index: int) -> tuple[int, int]:
        if self._line_breaks is None:
            self._line_breaks = [match.start() for match in re.finditer("\n", self._text)]
        line = bisect_right(self._line_breaks, index - 1)
        start = self._line_breaks[line - 1] + 1 if line else 0
        return line + 1, index - start + 1 + (len(self._bom) if line == 0 else 0)

    def locate(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, column) of `loc` in this file."""
        return self._line_column(self._index(loc))
