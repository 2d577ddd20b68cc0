"""What a new dashboard is made for: its owner, time zone, roadmap start and netdash."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from pydantic import ValidationError

from site_builder import __version__
from site_builder.loading.messages import explain
from site_builder.models import Settings

FALLBACK_TIMEZONE = "Europe/London"


class InitError(Exception):
    """A dashboard that cannot be started as asked."""


@dataclass(frozen=True)
class Answers:
    """The values a new dashboard's files are filled with."""

    owner: str
    timezone: str
    roadmap_start: dt.date
    requirement: str


def system_timezone() -> str | None:
    """The system's IANA time zone, or None when it cannot be found."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
        zoneinfo.ZoneInfo(name or "")
    except (LookupError, ValueError, OSError):  # none configured, or one Python cannot load
        return None
    return name


def requirement_for(version: str, direct_url: Mapping[str, Any]) -> str:
    """The pip requirement for netdash `version`, installed from where PEP 610's
    `direct_url.json` says: a git commit, else the package index."""
    vcs = direct_url.get("vcs_info", {})
    if vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"netdash @ git+{direct_url['url']}@{vcs['commit_id']}"
    return f"netdash=={version}"


def netdash_requirement() -> str:
    """How a repository without the package installs this netdash."""
    try:
        dist = metadata.distribution("netdash")
    except metadata.PackageNotFoundError:
        return requirement_for(__version__, {})
    return requirement_for(dist.version, json.loads(dist.read_text("direct_url.json") or "{}"))


def checked_settings(owner: str, timezone: str | None) -> Settings:
    """The settings as the data's checks read them, their problems in the same words; the
    time zone defaults to the system's, else Europe/London."""
    zone = timezone or system_timezone() or FALLBACK_TIMEZONE
    try:
        return Settings.model_validate({"owner": owner.strip(), "timezone": zone})
    except ValidationError as error:
        reasons = [f"--{message}" for _, message, _ in explain(error, Settings)]
        raise InitError("; ".join(reasons)) from None


def answers(settings: Settings, today: dt.date) -> Answers:
    """The answers for `settings`; the roadmap starts on the first day of `today`'s month."""
    return Answers(
        owner=settings.owner,
        timezone=settings.timezone,
        roadmap_start=today.replace(day=1),
        requirement=netdash_requirement(),
    )
