"""Add a record at the end of a file that is a list of records (`netdash log`).

The new item's lines go after the last line of the file, written like the items already
there. A list written at column 0 (`- date: ...`, as every interactions file is) is not
read whole: its first items show how it is written, its last item where it ends, and
the check that the new text reads back as intended looks at the end of the list only
(`_reads_back_appended` says why that is enough). A year of interactions costs what a
few of its records cost, and the judge reads the new text once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, SequenceNode

from site_builder.editing.errors import EditError
from site_builder.editing.render import flow, item_lines
from site_builder.editing.textedit import (
    ReadsBack,
    document,
    equal_to,
    insert_lines,
    verify,
)
from site_builder.editing.yamltext import Style, compose, detect_style, line_start
from site_builder.loading import yaml_fast
from site_builder.loading.positions import (
    compose_items,
    item_starts,
    split_bom,
)

_STYLE_SAMPLE = 20
"""How many first items of a long list show how it is written."""


@dataclass(frozen=True)
class _ListEnds:
    """What appending to a block list looks at: its dash column, its first and last items
    (node trees of their own), and whether a blank line stands before the last item."""

    dash: int
    first: Node
    last: Node
    blank_between: bool


def _blank_before(text: str, offset: int) -> bool:
    """True when the line before the one at `offset` is blank."""
    start = line_start(text, offset)
    return start > 0 and not text[line_start(text, start - 1) : start].strip()


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


def _reads_back_appended(before: str, count: int, last: Any, item: Mapping[str, Any]) -> ReadsBack:
    """Reads back as the list `before` holds, then `item`.

    The new text is `before` and lines after it. When it reads as `count + 1` items,
    the last being `item` and the one before it `last` (the last item of `before`, read
    alone), that is so without reading `before` whole: each item of a list written at
    column 0 starts at a line that begins with `- `, and `before` has `count` such lines,
    so they are exactly where its items start; a parser reads each item up to the next
    one, so the items before the last are as they were; and the last is as it was (a
    `|+` scalar would have taken in a blank line put before the new item). Otherwise
    `before` is read whole and compared.
    """
    expected = dict(item)

    def reads_back(data: Any) -> bool:
        if isinstance(data, list) and len(data) == count + 1 and data[-2:] == [last, expected]:
            return True
        previous = document(before, "the file")
        return isinstance(previous, list) and data == [*previous, expected]

    return reads_back


def _sampled_append(text: str, item: Mapping[str, Any]) -> tuple[str, ReadsBack] | None:
    """`item` appended to a list written at column 0, from its first items and its last
    one alone; None when the text is not such a list."""
    starts = item_starts(text)
    if not starts:
        return None
    count = len(starts)
    head = compose_items(text, starts, 0, min(count, _STYLE_SAMPLE))
    tail = compose_items(text, starts, count - 1, count)
    try:
        last = yaml_fast.parse(text[starts[-1] :])
    except yaml_fast.YAMLError:
        return None
    if head is None or tail is None or not isinstance(last, list) or len(last) != 1:
        return None
    blank = count > 1 and _blank_before(text, starts[-1])
    ends = _ListEnds(0, head.value[0], tail.value[0], blank)
    after = _append_to_block_list(text, ends, item, detect_style(text, head))
    return after, _reads_back_appended(text, count, last[0], item)


def _composed_append(text: str, item: Mapping[str, Any], name: str) -> str:
    """`item` appended to the list `text` holds, reading the whole node tree."""
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
        start, end = root.start_mark.index, root.end_mark.index
        return text[:start] + style.newline.join(lines) + text[end:]
    if root.flow_style:
        raise EditError(
            f"cannot add to {name}: it is written as one [ ... ] list; "
            "write it as a block list (`- date: ...`) first"
        )
    items = root.value
    blank = len(items) > 1 and _blank_before(text, items[-1].start_mark.index)
    ends = _ListEnds(root.start_mark.column, items[0], items[-1], blank)
    return _append_to_block_list(text, ends, item, style)


def appended(text: str, item: Mapping[str, Any], name: str) -> tuple[str, ReadsBack]:
    """`text` with `item` added at the end of its top-level list, and how to tell that
    it reads back as intended (not read back yet: see `textedit.verify`)."""
    bom, body = split_bom(text)
    sampled = _sampled_append(body, item)
    if sampled is not None:
        return bom + sampled[0], sampled[1]
    before = document(text, name)
    if not isinstance(before, list | None):
        raise EditError(f"cannot add to {name}: it does not hold a list of records")
    after = _composed_append(body, item, name)
    return bom + after, equal_to([*(before or []), dict(item)])


def append_item(text: str, item: Mapping[str, Any], name: str) -> str:
    """`text` with `item` added at the end of its top-level list, read back."""
    return verify(name, *appended(text, item, name))
