"""A fast YAML 1.2 reader, strict where it matters.

Two parsers give one meaning. `yaml_rs` (Rust) reads YAML 1.2 straight into Python
objects, some twenty times faster than PyYAML's constructor, and reads every file first.
PyYAML on libyaml is the reference, with its YAML 1.1 implicit types replaced by YAML
1.2 core-schema ones that read numbers as `yaml_rs` does (`no` stays a word, `0123` is
123, `1_000` is 1000, dates stay strings). The reference reads any text the fast parser
refuses, or that uses what the two treat differently (tags, several documents); its
result or its error, with a position, is the answer. In both, duplicate keys and aliases
are refused. Dates stay strings; the models read them.

The reference (`yaml_reference`) is imported only when it reads something: importing
PyYAML costs about half of what parsing 500 files does, and a clean file needs none of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml_rs

if TYPE_CHECKING:
    from yaml import YAMLError

__all__ = ["YAMLError", "parse", "parse_reference"]

_NO_ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=0)
# Tags and document markers: left to the reference parser, which refuses unknown tags
# and reads exactly one document.
_REFERENCE_ONLY = re.compile(r"(?:^|[\s\[{,])!|^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)


def __getattr__(name: str) -> Any:
    """`YAMLError` (PyYAML's), imported when an `except` clause first asks for it."""
    if name == "YAMLError":
        from yaml import YAMLError

        return YAMLError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_reference(text: str) -> Any:
    """Parse with the reference parser; raises `YAMLError` with a position on bad input."""
    from site_builder.loading import yaml_reference

    return yaml_reference.parse_reference(text)


def parse(text: str) -> Any:
    """Parse one YAML document; raises `YAMLError` with a position on bad input."""
    if ("!" in text or "---" in text or "..." in text) and _REFERENCE_ONLY.search(text):
        return parse_reference(text)
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except yaml_rs.YAMLDecodeError:
        return parse_reference(text)
