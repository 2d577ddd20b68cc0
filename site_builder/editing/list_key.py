"""Add an item to a list held under a key of a mapping file (a contact's `news:`).

The list is made when the key is missing or empty; a block list gets the item after its
last one, written like the first (`- {date: ...}` or `- date: ...`); a flow list
(`[...]`) is refused. The result is read back and must equal the data with the item
appended.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from yaml.nodes import MappingNode, SequenceNode

from site_builder.editing.errors import EditError
from site_builder.editing.render import flow, item_lines
from site_builder.editing.textedit import document, equal_to, insert_lines, set_value, verify
from site_builder.editing.yamltext import compose, content_end, detect_style, is_null, line_end
from site_builder.loading.positions import child


def append_under(text: str, key: str, item: Mapping[str, Any], name: str) -> str:
    """`text` with `item` appended to the list at `key` (made when missing), read back."""
    data = document(text, name)
    if not isinstance(data, dict):
        raise EditError(f"cannot add to {key} in {name}: it does not hold a mapping")
    current = data.get(key)
    if current is None:
        return set_value(text, (key,), [dict(item)], name)
    if not isinstance(current, list):
        raise EditError(f"cannot add to {key} in {name}: it is not a list")
    root = compose(text, name)
    found = child(root, key) if isinstance(root, MappingNode) else None
    node = found[1] if found is not None else None
    if not isinstance(node, SequenceNode) or is_null(node) or node.flow_style or not node.value:
        raise EditError(f"cannot add to {key} in {name}: write it as a block list (`- ...`) first")
    style = detect_style(text, root)
    first, last = node.value[0], node.value[-1]
    dash = node.start_mark.column
    if isinstance(first, MappingNode) and not first.flow_style:
        lines = item_lines(item, dash, first.start_mark.column, style)
    else:
        lines = [" " * dash + "- " + flow(item)]
    changed = insert_lines(text, line_end(text, content_end(text, last) - 1), lines, style)
    return verify(name, changed, equal_to({**data, key: [*current, dict(item)]}))
