"""How deeply a YAML text nests, checked before a parser reads it.

Both parsers recurse into nested collections, and some thousands of levels overflow the
stack, which ends the process instead of raising an error. Data needs six levels. PyYAML
is imported only for a text that may nest that deep.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 64
"""Collections nest at most this deep."""
LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
"""What libyaml's scanner says past its own limit (a thousand levels)."""
_WIDE_LINE = re.compile(rf"^(?:[ \t]{{{MAX_DEPTH}}}|[^\n]{{2048}})", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_AS_PARENTHESES = str.maketrans("[{]}", "(())")


def may_nest_deeply(text: str) -> bool:
    """A cheap test, true for any text nested deeper than `MAX_DEPTH`: that takes deep
    indentation, a long line (`- - - - x`) or brackets opened deeply.

    Each pass drops the innermost bracket pairs, so the brackets' depth is at most the
    passes made plus the openers left unclosed.
    """
    if _WIDE_LINE.search(text):
        return True
    brackets = "".join(_BRACKET.findall(text)).translate(_AS_PARENTHESES)
    for passes in range(MAX_DEPTH // 2):
        if "()" not in brackets:
            return passes + brackets.count("(") > MAX_DEPTH // 2
        brackets = brackets.replace("()", "")
    return True


def _mark(event: yaml.Event) -> yaml.Mark | None:
    from yaml import Mark

    start = event.start_mark
    return None if start is None else Mark("", start.index, start.line, start.column, "", 0)


def check_depth(text: str) -> None:
    """Raise `YAMLError` at the first collection nested deeper than `MAX_DEPTH`.

    libyaml's event parser keeps a stack of its own, so it reads any depth safely; from
    libyaml 0.2.6 (PyYAML 6.0.4's wheels) its scanner, reading ahead, refuses a thousand
    levels before the parser gives the first one too deep. PyYAML's own parser, which
    also keeps a stack and has no such limit, then finds where that is.
    """
    if not may_nest_deeply(text):
        return
    import yaml

    try:
        from yaml import CSafeLoader as EventLoader
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader as EventLoader  # type: ignore[assignment]
    try:
        _walk(text, EventLoader)
    except yaml.MarkedYAMLError as error:
        if error.problem != LIBYAML_TOO_DEEP:
            raise
        _walk(text, yaml.SafeLoader)


def _walk(text: str, loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> None:
    """Read the text's events with `loader`, up to the first collection too deep."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=_mark(event)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
