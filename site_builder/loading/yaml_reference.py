"""The reference YAML parser: PyYAML on libyaml, read as YAML 1.2.

PyYAML's YAML 1.1 implicit types are replaced by YAML 1.2 core-schema ones that read
numbers as `yaml_rs` does (`no` stays a word, `0123` is 123, `1_000` is 1000, dates stay
strings); duplicate keys and aliases are refused. It reads what the fast parser refuses or
treats differently (see `yaml_fast`), and composes node trees with positions (see
`positions`). PyYAML is slow to import, so only those paths import this module.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

YAMLError = yaml.YAMLError


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
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _construct_int(loader: Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if text.startswith(("0o", "0x", "0b")):
        return int(text, 0)
    return int(text, 10)


def _construct_float(loader: Yaml12Loader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text.replace("_", ""))


def _construct_bool(loader: Yaml12Loader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


_RESOLVERS: tuple[tuple[str, str, str], ...] = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$",
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
)
for _tag, _pattern, _first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), [*_first])
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def parse_reference(text: str) -> Any:
    """Parse with the reference parser; raises `YAMLError` with a position on bad input."""
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a safe loader subclass
