"""The one place that reads the clock: `--today`, then `NETDASH_TODAY`, then the owner's zone."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo

ENV_TODAY = "NETDASH_TODAY"


def today(pinned: dt.date | None = None, timezone: str = "UTC") -> dt.date:
    """Today's date: `pinned` if given, else `$NETDASH_TODAY`, else now in `timezone`."""
    if pinned is not None:
        return pinned
    if value := os.environ.get(ENV_TODAY, "").strip():
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{ENV_TODAY}={value!r} is not a date YYYY-MM-DD") from None
    return dt.datetime.now(zoneinfo.ZoneInfo(timezone)).date()
