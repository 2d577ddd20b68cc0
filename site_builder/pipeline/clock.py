"""The one place that reads the clock: `--today`, then `NETDASH_TODAY`, then the data's own
`today:` (a demo's), then the owner's zone."""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo

ENV_TODAY = "NETDASH_TODAY"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ClockError(ValueError):
    """`NETDASH_TODAY` holds something that is not a date."""


def today(
    pinned: dt.date | None = None, timezone: str = "UTC", *, data_day: dt.date | None = None
) -> dt.date:
    """Today's date: `pinned` if given, else `$NETDASH_TODAY`, else `data_day` (the data's
    own `today:` setting, for a demo written for one day), else now in `timezone`."""
    if pinned is not None:
        return pinned
    if value := os.environ.get(ENV_TODAY, "").strip():
        try:
            if _ISO_DATE.match(value):
                return dt.date.fromisoformat(value)
        except ValueError:
            raise ClockError(f"{ENV_TODAY}: {value!r} is not a real date") from None
        raise ClockError(f"{ENV_TODAY}: expected a date YYYY-MM-DD, got {value!r}")
    if data_day is not None:
        return data_day
    return dt.datetime.now(zoneinfo.ZoneInfo(timezone)).date()
