"""The report as JSON: dates as ISO strings, tuples as lists, never NaN or infinity."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from site_builder.compute.report import Report

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


def to_jsonable(value: Any) -> JsonValue:
    """Plain JSON data from report records (dataclasses, dates, tuples, mappings)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def dumps(data: JsonValue) -> str:
    """Indented JSON text; refuses NaN and infinity."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)


def report_json(report: Report) -> str:
    """The whole report as JSON text."""
    return dumps(to_jsonable(report))
