"""Turn a path of keys and indexes into a line and column.

Only files that have problems are read this way: composing the YAML node tree keeps the
position of every key and item, which is what an editor needs to jump to the mistake,
and constructs no values (so a bad date cannot stop it). Lines are counted at `\\n`
only, as editors count them (YAML's own marks also break lines at U+2028 and U+0085).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import yaml

from site_builder.diagnostics.problems import Loc
from site_builder.loading.yaml_fast import Yaml12Loader

_ITEM = ("- ", "-\n", "-\r", "-")


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` of `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def parse_with_positions(text: str) -> yaml.Node | None:
    """The document's node tree, or None when it cannot be composed."""
    try:
        return yaml.compose(text, Loader=Yaml12Loader)
    except yaml.YAMLError:
        return None


Pairs = dict[str, tuple[yaml.Node, yaml.Node]]


def _key_child(
    node: yaml.MappingNode, key: str | int, indexes: dict[int, Pairs] | None = None
) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of `key`; with `indexes`, each mapping is indexed once, so
    that placing many problems in one mapping takes time in proportion to their number."""
    indexes = {} if indexes is None else indexes
    pairs = indexes.get(id(node))
    if pairs is None:
        pairs = indexes[id(node)] = {}
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, yaml.ScalarNode):
                pairs[key_node.value] = (key_node, value_node)
    return pairs.get(key if isinstance(key, str) else str(key))


def find_index(
    document: yaml.Node | None, loc: Loc, indexes: dict[int, Pairs] | None = None
) -> int:
    """Character index of the node at `loc`, or of its nearest ancestor.

    A key that is present points at the key; a missing key points at the mapping
    that should hold it; an index points at the list item.
    """
    if document is None:
        return 0
    index = document.start_mark.index
    node: yaml.Node = document
    for part in loc:
        if isinstance(node, yaml.MappingNode) and (pair := _key_child(node, part, indexes)):
            index, node = pair[0].start_mark.index, pair[1]
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            node = node.value[part]
            index = node.start_mark.index
        else:
            break
    return index


class Locator:
    """Places problems in one file's text, reading as little of it as it can.

    In a file that is a list of records (interactions, events), a problem inside record
    `i` is placed by composing only that record's lines, so a mistake in a 10 MB file
    costs what its record costs.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = [line + "\n" for line in text.split("\n")]
        self._document: yaml.Node | None = None
        self._composed = False
        self._starts: list[int] | None = None
        self._offsets: list[int] | None = None
        self._items: dict[int, yaml.Node | None] = {}
        self._indexes: dict[int, Pairs] = {}

    def _item_starts(self) -> list[int]:
        """Line numbers (0-based) where the top-level list's items start, if it is one."""
        if self._starts is None:
            content = [
                i for i, line in enumerate(self._lines) if line.strip() and not line.startswith("#")
            ]
            is_list = bool(content) and self._lines[content[0]].startswith(_ITEM)
            self._starts = (
                [i for i in content if self._lines[i].startswith(_ITEM)] if is_list else []
            )
        return self._starts

    def _whole(self) -> yaml.Node | None:
        if not self._composed:
            self._document, self._composed = parse_with_positions(self._text), True
        return self._document

    def _item(self, number: int, first: int, last: int) -> yaml.Node | None:
        """Record `number`'s node tree, composed once (so its mappings stay indexed)."""
        if number not in self._items:
            self._items[number] = parse_with_positions("".join(self._lines[first:last]))
        return self._items[number]

    def _line_column(self, index: int, first: int = 0) -> tuple[int, int]:
        """1-based line and column of `index`, counted from line `first` (0-based)."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, self._lines), initial=0))
        start = self._offsets[first]
        line = bisect_right(self._offsets, start + index) - 1
        return line + 1, start + index - self._offsets[line] + 1

    def locate(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, column) of `loc` in this file."""
        starts = self._item_starts()
        if loc and isinstance(loc[0], int) and 0 <= loc[0] < len(starts):
            first = starts[loc[0]]
            last = starts[loc[0] + 1] if loc[0] + 1 < len(starts) else len(self._lines)
            item = self._item(loc[0], first, last)
            if isinstance(item, yaml.SequenceNode) and len(item.value) == 1:
                return self._line_column(find_index(item, (0, *loc[1:]), self._indexes), first)
        return self._line_column(find_index(self._whole(), loc, self._indexes))
