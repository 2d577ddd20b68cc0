"""The data reference page, written from the same JSON Schemas editors use.

`netdash schema` writes it to `docs/guide/data-format.md`; a test keeps it current.
"""

from __future__ import annotations

from typing import Any

from site_builder.models import FILE_KINDS, FileKind
from site_builder.models.reviews import QUARTER_PATTERN
from site_builder.models.types import SLUG_PATTERN
from site_builder.schema.json_schema import schema_of

INTRO = """\
# Data format

Everything netdash knows lives in `data/` as YAML 1.2 (so `no` stays a word). Every file
is optional except `settings.yml`. A key that is not listed here is an error, with a
"did you mean" for likely typos; `netdash check` prints each problem as
`path:line:column: message`. Ids are slugs: lowercase letters and digits in words joined
by single hyphens (`ada-lovelace`). Dates are `YYYY-MM-DD`, from 1900 to 2999. A key left
empty means the same as a key left out.

Each file may start with a modeline such as
`# yaml-language-server: $schema=../../schemas/contact.schema.json` so that editors with
the YAML language server complete keys and underline mistakes as you type. This page and
the schemas in `schemas/` are generated from the same models by `netdash schema`.
"""

_WHERE = {
    "settings": "`data/settings.yml`",
    "contact": "`data/contacts/<id>.yml` (the id is the file name)",
    "interactions": "`data/interactions/*.yml` (a list; one file a year is usual)",
    "events": "`data/events.yml` (a list)",
    "communities": "`data/communities.yml` (a list)",
    "goals": "`data/goals.yml`",
    "metrics": "`data/metrics.yml` (series name -> list of readings)",
    "journal": "`data/journal.yml` (a list)",
    "templates": "`data/templates.yml` (template id -> template; see [Message drafts](drafts.md))",
    "reviews": "`data/reviews.yml` (a list; one review a quarter)",
}


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _describe_type(prop: dict[str, Any]) -> str:  # noqa: PLR0911 - one return a kind
    if "$ref" in prop:
        name = _ref_name(prop["$ref"])
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(_describe_type(p) for p in options)
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return "list of " + _describe_type(prop.get("items", {}))
    if kind == "object":
        return "map of name to " + _describe_type(prop.get("additionalProperties", {}))
    if prop.get("format") == "date":
        return "date"
    if prop.get("pattern") == SLUG_PATTERN:
        return "id"
    if prop.get("pattern") == QUARTER_PATTERN:
        return "quarter, like `2026Q4`"
    if "pattern" in prop:
        return "name" if "_" in prop["pattern"] else "MM-DD or YYYY-MM-DD"
    words = {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true/false",
    }
    return words.get(str(kind), "text")


def _range(prop: dict[str, Any]) -> str:
    if "minimum" in prop and "maximum" in prop:
        return f"{prop['minimum']} to {prop['maximum']}"
    bounds = [(k, prop[k]) for k in ("minimum", "maximum", "exclusiveMinimum") if k in prop]
    words = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than"}
    return ", ".join(f"{words[k]} {v}" for k, v in bounds)


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop or prop["default"] in (None, [], {}):
        return ""
    value = prop["default"]
    if isinstance(value, dict):
        return "see below"
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def _table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| key | type | required | default | meaning |", "|---|---|---|---|---|"]
    for key, prop in schema.get("properties", {}).items():
        options = prop.get("anyOf", [prop])
        bounds = " ".join(filter(None, (_range(p) for p in options)))
        kind = _describe_type(prop) + (f" ({bounds})" if bounds else "")
        rows.append(
            f"| `{key}` | {kind} | {'yes' if key in required else ''} "
            f"| {_default(prop)} | {prop.get('description', '')} |"
        )
    return rows


def _walk_refs(node: Any, found: list[str]) -> None:
    if isinstance(node, dict):
        if "$ref" in node and _ref_name(node["$ref"]) not in found:
            found.append(_ref_name(node["$ref"]))
        for value in node.values():
            _walk_refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _walk_refs(value, found)


def _section(kind: FileKind, documented: set[str]) -> list[str]:
    schema = schema_of(kind)
    defs = schema.get("$defs", {})
    lines = [f"## {kind.title}", "", f"Where: {_WHERE[kind.name]}.", ""]
    root = schema if "properties" in schema else None
    order: list[str] = []
    _walk_refs({k: v for k, v in schema.items() if k != "$defs"}, order)
    if root is not None:
        lines += [schema.get("description", "").strip(), "", *_table(schema), ""]
    for name in order:
        _walk_refs(defs[name], order)
    for name in order:
        if name in documented:
            lines += [f"See [{name}](#{name.lower()}) above.", ""]
            continue
        documented.add(name)
        model = defs[name]
        lines += [f"### {name}", "", model.get("description", "").strip(), "", *_table(model), ""]
    return lines


def data_reference() -> str:
    """The whole data reference page as Markdown."""
    lines = [INTRO]
    documented: set[str] = set()
    for kind in FILE_KINDS:
        lines += _section(kind, documented)
    return "\n".join(lines).rstrip() + "\n"
