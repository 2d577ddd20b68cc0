"""Pydantic's validation errors, rewritten into plain words with "did you mean"."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from site_builder.diagnostics.problems import Loc
from site_builder.models.reviews import QUARTER_PATTERN


def suggest(word: str, choices: Iterable[str], cutoff: float = 80) -> str | None:
    """The closest choice to `word`, when one is close enough to be a likely typo."""
    from rapidfuzz import fuzz, process  # only when there is a mistake to explain

    match = process.extractOne(word, list(choices), scorer=fuzz.WRatio, score_cutoff=cutoff)
    return str(match[0]) if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` or nothing."""
    guess = suggest(word, choices)
    return f" (did you mean {guess!r}?)" if guess else ""


def field_path(loc: Loc) -> str:
    """`follow_ups[0].due` for ('follow_ups', 0, 'due')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _child(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(part, str):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(annotation)[0]
    if origin is dict and isinstance(part, str):
        return typing.get_args(annotation)[1]
    return None


def allowed_keys(shape: Any, loc: Sequence[str | int]) -> list[str]:
    """The keys a mapping at `loc` may hold, for a document of type `shape`."""
    annotation = shape
    for part in loc:
        annotation = _child(annotation, part)
        if annotation is None:
            return []
    model = _unwrap(annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [info.alias or name for name, info in model.model_fields.items()]
    return []


_BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "less_than_equal": ("le", "at most"),
    "greater_than": ("gt", "more than"),
    "less_than": ("lt", "less than"),
}
_EXPECTED = {
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"), "a mapping of keys"),
    "list_type": "a list",
    **dict.fromkeys(("int_parsing", "int_type", "int_from_float"), "a whole number"),
    **dict.fromkeys(("float_parsing", "float_type", "finite_number"), "a finite number"),
    **dict.fromkeys(("bool_parsing", "bool_type"), "true or false"),
    **dict.fromkeys(("string_type", "string_too_short"), "some text"),
}
_SHOWN = 60


def _choices(ctx: dict[str, Any]) -> list[str]:
    return [c.strip(" '") for c in ctx["expected"].replace(" or ", ", ").split(",")]


def _pattern_words(value: Any, ctx: dict[str, Any]) -> str:
    if ctx.get("pattern") == QUARTER_PATTERN:
        return f"{_describe(value)} is not a quarter (a year and Q1 to Q4, e.g. 2026Q4)"
    if "_" in ctx.get("pattern", ""):
        return f"{_describe(value)} is not a series name (lowercase words joined by _)"
    return (
        f"{_describe(value)} is not an id "
        "(lowercase letters and digits joined by -, e.g. ada-lovelace)"
    )


def _words(error: ErrorDetails, shape: Any) -> str:  # noqa: PLR0911 - one return a kind
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx", {})
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_describe(value)}"
    if kind in _BOUNDS:
        bound, words = _BOUNDS[kind]
        return f"{_describe(value)} is out of range: must be {words} {ctx[bound]}"
    if kind == "missing":
        return f"missing required key {loc[-1]!r}"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return f"unknown key {key!r}" + did_you_mean(key, allowed_keys(shape, loc[:-1]))
    if kind == "literal_error":
        hint = did_you_mean(value, _choices(ctx)) if isinstance(value, str) else ""
        return f"{_describe(value)} is not one of {', '.join(_choices(ctx))}{hint}"
    if kind == "string_pattern_mismatch":
        return _pattern_words(value, ctx)
    if kind == "invalid_key":
        return f"key {_describe(value)} must be text"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    if kind == "too_short":
        return "must hold at least one item"
    return str(error["msg"])


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and len(value) > _SHOWN:
        value = value[:_SHOWN]
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 4] + "...'"


def _clean(loc: tuple[str | int, ...]) -> tuple[tuple[str | int, ...], bool]:
    """The path of keys and indexes in the document, and whether it names a mapping's key.

    Pydantic adds parts that are not in the document: the member of a union that was
    tried (`literal['a','b']`, `function-after[...]`) and `[key]` for a key's own error.
    """
    is_key = "[key]" in loc
    kept = tuple(p for p in loc if isinstance(p, int) or not (p.endswith("]") and "[" in p))
    return kept, is_key


def _merge_literals(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """One error for a value that missed every member of a union of vocabularies."""
    merged: dict[tuple[object, ...], ErrorDetails] = {}
    kept: list[ErrorDetails] = []
    for detail in details:
        if detail["type"] != "literal_error":
            kept.append(detail)
            continue
        loc, _ = _clean(tuple(detail["loc"]))
        if loc in merged:
            first = merged[loc]
            expected = f"{first['ctx']['expected']}, {detail['ctx']['expected']}"
            first["ctx"] = {**first["ctx"], "expected": expected}
        else:
            merged[loc] = detail
            kept.append(detail)
    return kept


def explain(error: ValidationError, shape: Any) -> list[tuple[Loc, str, str]]:
    """(loc, message, error type) for each distinct error, in plain words."""
    seen: set[tuple[Loc, str]] = set()
    explained: list[tuple[Loc, str, str]] = []
    for detail in _merge_literals(error.errors(include_url=False)):
        loc, is_key = _clean(tuple(detail["loc"]))
        words = _words(detail, shape)
        record_loc = loc[1:] if loc and isinstance(loc[0], int) else loc
        parent_only = is_key or detail["type"] == "missing"
        where = field_path(record_loc[:-1] if parent_only else record_loc)
        if is_key:
            message = f"{where}: key {words}" if where else f"key {words}"
        elif where and detail["type"] != "extra_forbidden":
            message = f"{where}: {words}"
        else:
            message = words
        if (loc, message) not in seen:
            seen.add((loc, message))
            explained.append((loc, message, detail["type"]))
    return explained
