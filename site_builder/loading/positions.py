"""Turn a path of keys and indexes into a line and column.

Only files that have problems are read this way: composing the YAML node tree keeps
the position of every key and item, which is what an editor needs to jump to the
mistake, and constructs no values (so a bad date cannot stop it).
"""

from __future__ import annotations

import yaml

from site_builder.loading.yaml_fast import Yaml12Loader
from site_builder.problems import Loc


def parse_with_positions(text: str) -> yaml.Node | None:
    """The document's node tree, or None when it cannot be composed."""
    try:
        return yaml.compose(text, Loader=Yaml12Loader)
    except yaml.YAMLError:
        return None


def _key_child(node: yaml.MappingNode, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
            return key_node, value_node
    return None


def locate(document: yaml.Node | None, loc: Loc) -> tuple[int, int]:
    """1-based (line, column) of the node at `loc`, or of its nearest ancestor.

    A key that is present points at the key; a missing key points at the mapping
    that should hold it; an index points at the list item.
    """
    if document is None:
        return 1, 1
    mark = document.start_mark
    node: yaml.Node = document
    for part in loc:
        if isinstance(node, yaml.MappingNode) and (pair := _key_child(node, part)):
            mark, node = pair[0].start_mark, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1
