"""A fast YAML 1.2 reader, strict where it matters.

Two parsers give one meaning. `yaml_rs` (Rust) reads YAML 1.2 straight into Python
objects, some twenty times faster than PyYAML's constructor, and reads every file first.
PyYAML on libyaml is the reference, with its YAML 1.1 implicit types replaced by YAML
1.2 core-schema ones that read numbers as `yaml_rs` does (`no` stays a word, `0123` is
123, `1_000` is 1000, dates stay strings). The reference reads any text the fast parser
refuses, or that uses what the two treat differently (tags, several documents); its
result or its error, with a position, is the answer. In both, duplicate keys and aliases
are refused. Dates stay strings; the models read them.

Hostile text is refused with a position too: tags beyond the core schema, a scalar that
is not what its tag names (`!!int "three"`), integers of more than 18 digits (long runs
of digits go to the reference, which bounds them), and nesting deeper than either
parser can recurse (checked first, see `nesting`).

The reference (`yaml_reference`) is imported only when it reads something: importing
PyYAML costs about half of what parsing 500 files does, and a clean file needs none of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml_rs

from site_builder.loading.nesting import check_depth

if TYPE_CHECKING:
    from yaml import YAMLError

MAX_DIGITS = 18
"""Integers have at most this many digits: nothing in the data needs more, and Python
refuses to turn very long ones into text."""

__all__ = ["YAMLError", "parse", "parse_reference"]

_NO_ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=0)
# Tags and document markers: left to the reference parser, which refuses unknown tags
# and reads exactly one document. So are long runs of digits, which only it bounds.
_REFERENCE_ONLY = re.compile(r"(?:^|[\s\[{,])!|^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)
_LONG_NUMBER = re.compile(rf"[0-9][0-9_]{{{MAX_DIGITS}}}")
_LONG_HEX = re.compile(rf"0x[0-9a-fA-F_]{{{MAX_DIGITS - 2}}}")


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


def _reference_only(text: str) -> bool:
    """Whether `text` uses what only the reference parser reads as netdash means it."""
    if ("!" in text or "---" in text or "..." in text) and _REFERENCE_ONLY.search(text):
        return True
    return bool(_LONG_NUMBER.search(text) or ("0x" in text and _LONG_HEX.search(text)))


def parse(text: str) -> Any:
    """Parse one YAML document; raises `YAMLError` with a position on bad input."""
    if _reference_only(text):
        return parse_reference(text)
    check_depth(text)
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except yaml_rs.YAMLDecodeError:
        return parse_reference(text)
