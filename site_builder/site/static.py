"""The files the site ships besides its pages: stylesheet, script, Plotly and the
calendar feed. All are local: the built site requests nothing from another host.

Plotly is plotly.js's basic bundle, kept in `vendor/` (its README says why and how to
update it)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from site_builder.interop import ics
from site_builder.site import palette
from site_builder.site.context import ASSETS, CALENDAR, Site

CSS = f"{ASSETS}/netdash.css"
JS = f"{ASSETS}/netdash.js"
PLOTLY = f"{ASSETS}/plotly-basic.min.js"


def _asset_text(name: str) -> str:
    return (resources.files("site_builder.site") / "assets" / name).read_text("utf-8")


def plotly_path() -> Path:
    """plotly.js's basic bundle, as shipped with netdash."""
    return Path(str(resources.files("site_builder.site") / "vendor" / "plotly-basic.min.js"))


def calendar_bytes(site: Site) -> bytes:
    """The iCalendar feed of the touchpoints."""
    return ics.calendar(site.report, site.dataset, site.calendar_events)


def files(config: MkDocsConfig, site: Site, calendar: bytes | None = None) -> list[File]:
    """The stylesheet (with the palette's colours), the script, Plotly and the feed
    (`calendar`, or made from the site)."""
    stylesheet = palette.stylesheet() + _asset_text("netdash.css")
    return [
        File.generated(config, CSS, content=stylesheet),
        File.generated(config, JS, content=_asset_text("netdash.js")),
        File.generated(config, PLOTLY, abs_src_path=str(plotly_path())),
        File.generated(
            config, CALENDAR, content=calendar if calendar is not None else calendar_bytes(site)
        ),
        File.generated(config, "robots.txt", content="User-agent: *\nDisallow: /\n"),
    ]


def assets(config: MkDocsConfig) -> list[File]:
    """The stylesheet and the script alone (for the page of the data's problems)."""
    stylesheet = palette.stylesheet() + _asset_text("netdash.css")
    return [
        File.generated(config, CSS, content=stylesheet),
        File.generated(config, JS, content=_asset_text("netdash.js")),
    ]
