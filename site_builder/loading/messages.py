"""Pydantic's validation errors, rewritten into plain words with "did you mean"."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from site_builder.problems import Loc


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


def _words(error: ErrorDetails, shape: Any) -> str:
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx", {})
    if kind == "missing":
        parent = field_path(loc[1:-1] if loc and isinstance(loc[0], int) else loc[:-1])
        return (f"{parent}: " if parent else "") + f"missing required key {loc[-1]!r}"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return f"unknown key {key!r}" + did_you_mean(key, allowed_keys(shape, loc[:-1]))
    if kind == "literal_error":
        choices = [c.strip(" '") for c in ctx["expected"].replace(" or ", ", ").split(",")]
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        return f"{value!r} is not one of {', '.join(choices)}{hint}"
    if kind == "string_pattern_mismatch":
        if "_" in ctx.get("pattern", ""):
            return f"{value!r} is not a series name (lowercase words joined by _)"
        return f"{value!r} is not an id (lowercase letters and digits joined by -, e.g. ada-lovelace)"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list, got {_describe(value)}"
    if kind == "too_short":
        return "must hold at least one item"
    if kind in _BOUNDS:
        bound, words = _BOUNDS[kind]
        return f"{value!r} is out of range: must be {words} {ctx[bound]}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}"
    if kind in ("float_parsing", "float_type"):
        return f"expected a number, got {_describe(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, got {_describe(value)}"
    if kind in ("string_type", "string_too_short"):
        return f"expected some text, got {_describe(value)}"
    return str(error["msg"])


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def explain(error: ValidationError, shape: Any) -> list[tuple[Loc, str, str]]:
    """(loc, message, error type) for each distinct error, in plain words."""
    seen: set[tuple[Loc, str]] = set()
    explained: list[tuple[Loc, str, str]] = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        message = _words(detail, shape)
        where = field_path(loc[1:] if loc and isinstance(loc[0], int) else loc)
        if where and detail["type"] not in ("missing", "extra_forbidden"):
            message = f"{where}: {message}"
        if (loc, message) not in seen:
            seen.add((loc, message))
            explained.append((loc, message, detail["type"]))
    return explained
