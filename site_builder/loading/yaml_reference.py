"""The reference YAML parser: PyYAML on libyaml, read as YAML 1.2.

PyYAML's YAML 1.1 implicit types are replaced by YAML 1.2 core-schema ones that read
numbers as `yaml_rs` does (`no` stays a word, `0123` is 123, `1_000` is 1000, dates stay
strings); duplicate keys, aliases and tags beyond the core schema are refused, and a
scalar must be what its tag names. It reads what the fast parser refuses or
treats differently (see `yaml_fast`), and composes node trees with positions (see
`positions`). PyYAML is slow to import, so only those paths import this module.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from site_builder.loading.nesting import check_depth
from site_builder.loading.yaml_fast import MAX_DIGITS

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

YAMLError = yaml.YAMLError
_CORE = "tag:yaml.org,2002:"
_CORE_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
"""YAML 1.2's core schema: no binary, timestamps, sets or application tags."""


class Yaml12Loader(_BaseLoader):
    """Safe loader with YAML 1.2 core-schema scalars, no duplicate keys, no aliases."""

    # PyYAML keeps resolvers per class; an empty table drops every YAML 1.1 one.
    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise ConstructorError(
                None,
                None,
                "anchors and aliases are not supported in netdash data",
                node.start_mark,
            )
        if node.tag not in _CORE_TAGS:
            shown = node.tag.replace(_CORE, "!!")
            raise ConstructorError(
                None,
                None,
                f"the tag {shown[:40]} is not read here: netdash data is plain text, numbers, "
                "true/false, lists and mappings",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                shown = repr(key[:40]) if isinstance(key, str) else "(a collection)"
                raise ConstructorError(None, None, f"duplicate key {shown}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_PATTERNS = {
    "bool": r"true|True|TRUE|false|False|FALSE",
    "null": r"~|null|Null|NULL|",
    "int": r"[-+]?[0-9][0-9_]*|0o_*[0-7][0-7_]*|0x_*[0-9a-fA-F][0-9a-fA-F_]*|0b_*[01][01_]*",
    "float": r"[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
}
_FIRST = {"bool": "tTfF", "null": "~nN", "int": "-+0123456789", "float": "-+.0123456789"}
_FULL = {name: re.compile(rf"^(?:{pattern})$") for name, pattern in _PATTERNS.items()}
_WORDS = {"bool": "true or false", "null": "null", "int": "a whole number", "float": "a number"}


def _scalar(loader: Yaml12Loader, node: yaml.ScalarNode, name: str) -> str:
    """The scalar's text, refused with its position unless it is a `name` (`!!int 'x'`)."""
    text = str(loader.construct_scalar(node))
    if not _FULL[name].match(text):
        raise ConstructorError(
            None, None, f"{text[:40]!r} is not {_WORDS[name]} (!!{name})", node.start_mark
        )
    return text


def _construct_int(loader: Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = _scalar(loader, node, "int").replace("_", "")
    digits = text.lstrip("+-")
    if len(digits.lstrip("0")) > MAX_DIGITS and not digits.startswith(("0o", "0x", "0b")):
        value = None
    else:
        value = int(text, 0) if digits.startswith(("0o", "0x", "0b")) else int(text, 10)
    if value is None or abs(value) >= 10**MAX_DIGITS:
        shown = text if len(text) <= 24 else f"{text[:20]}... ({len(digits)} digits)"
        raise ConstructorError(
            None,
            None,
            f"number too large: {shown}; numbers have at most {MAX_DIGITS} digits "
            "(quote it if it is text)",
            node.start_mark,
        )
    return value


def _construct_float(loader: Yaml12Loader, node: yaml.ScalarNode) -> float:
    text = _scalar(loader, node, "float").lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text.replace("_", ""))


def _construct_bool(loader: Yaml12Loader, node: yaml.ScalarNode) -> bool:
    return _scalar(loader, node, "bool").lower() == "true"


def _construct_null(loader: Yaml12Loader, node: yaml.ScalarNode) -> None:
    _scalar(loader, node, "null")


for _name, _pattern in _FULL.items():
    Yaml12Loader.add_implicit_resolver(_CORE + _name, _pattern, [*_FIRST[_name]])
Yaml12Loader.add_implicit_resolver(_CORE + "null", _FULL["null"], [""])
Yaml12Loader.add_constructor(_CORE + "int", _construct_int)
Yaml12Loader.add_constructor(_CORE + "float", _construct_float)
Yaml12Loader.add_constructor(_CORE + "bool", _construct_bool)
Yaml12Loader.add_constructor(_CORE + "null", _construct_null)


def parse_reference(text: str) -> Any:
    """Parse with the reference parser; raises `YAMLError` with a position on bad input."""
    check_depth(text)
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a safe loader subclass
