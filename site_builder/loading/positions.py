"""Turn a path of keys and indexes into a line and column.

Only files that have problems are read this way: composing the YAML node tree keeps the
position of every key and item, which is what an editor needs to jump to the mistake,
and constructs no values (so a bad date cannot stop it). Lines are counted at `\\n`
only, as editors count them (YAML's own marks also break lines at U+2028 and U+0085).
PyYAML, which composes the tree, is imported only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from site_builder.diagnostics.problems import Loc

if TYPE_CHECKING:
    import yaml

_ITEM = ("- ", "-\n", "-\r", "-")


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` of `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def parse_with_positions(text: str) -> yaml.Node | None:
    """The document's node tree, or None when it cannot be composed."""
    import yaml

    from site_builder.loading.yaml_reference import Yaml12Loader

    try:
        return yaml.compose(text, Loader=Yaml12Loader)
    except yaml.YAMLError:
        return None


def _key_child(node: yaml.MappingNode, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    import yaml

    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
            return key_node, value_node
    return None


def find_index(document: yaml.Node | None, loc: Loc) -> int:
    """Character index of the node at `loc`, or of its nearest ancestor.

    A key that is present points at the key; a missing key points at the mapping
    that should hold it; an index points at the list item.
    """
    if document is None:
        return 0
    import yaml

    index = document.start_mark.index
    node: yaml.Node = document
    for part in loc:
        if isinstance(node, yaml.MappingNode) and (pair := _key_child(node, part)):
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

    def locate(self, loc: Loc) -> tuple[int, int]:
        """1-based (line, column) of `loc` in this file."""
        import yaml

        starts = self._item_starts()
        if loc and isinstance(loc[0], int) and 0 <= loc[0] < len(starts):
            first = starts[loc[0]]
            last = starts[loc[0] + 1] if loc[0] + 1 < len(starts) else len(self._lines)
            chunk = "".join(self._lines[first:last])
            item = parse_with_positions(chunk)
            if isinstance(item, yaml.SequenceNode) and len(item.value) == 1:
                line, column = line_column(chunk, find_index(item, (0, *loc[1:])))
                return line + first, column
        return line_column(self._text, find_index(self._whole(), loc))
