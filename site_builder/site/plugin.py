"""The MkDocs plugin: on every build, load `data/`, compute today's report and add the
generated pages, the assets and the calendar feed to the site, in memory.

mkdocs.yml:

    plugins:
      - search
      - netdash:
          data_dir: data      # relative to mkdocs.yml; $NETDASH_DATA overrides it
          today: 2026-03-02   # optional; else $NETDASH_TODAY, else the clock
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from site_builder import clock
from site_builder.compute import compute
from site_builder.loading.loader import LoadResult, load
from site_builder.problem_formats import as_text
from site_builder.site import static
from site_builder.site.context import MARKER_PREFIX, GeneratedPage, Producer, Site
from site_builder.site.generate import generate

log = logging.getLogger("mkdocs.plugins.netdash")
ENV_DATA = "NETDASH_DATA"
ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'


class NetdashConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs is untyped here
    """The plugin's options in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    today = c.Optional(c.Type(str))


class NetdashPlugin(BasePlugin[NetdashConfig]):  # type: ignore[no-untyped-call]  # as above
    """Adds the pages made from `data/` to the site."""

    def __init__(self) -> None:
        self.data_dir = Path("data")
        self.pinned: dt.date | None = None
        self.today: dt.date | None = None
        self.metas: dict[str, dict[str, object]] = {}
        self.deferred: dict[str, Mapping[str, Producer]] = {}
        self.html: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve the data folder and the pinned date; register the stylesheet and script."""
        base = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = base / (os.environ.get(ENV_DATA) or self.config.data_dir)
        self.pinned = _parse_day(self.config.today)
        if static.CSS not in config.extra_css:
            config.extra_css.append(static.CSS)
        if static.JS not in config.extra_javascript:
            config.extra_javascript.append(static.JS)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Load and check the data (failing once with every problem), then add the pages."""
        docs = frozenset(f.src_uri for f in files.documentation_pages())
        result = _load_or_fail(self.data_dir)
        self.today = _today(self.pinned, result.dataset.settings.timezone)
        site = Site(
            dataset=result.dataset,
            report=compute(result.dataset, self.today),
            problems=tuple(p for p in result.problems if not p.is_error),
            directory_urls=config.use_directory_urls,
            docs=docs,
        )
        pages = generate(site)
        log.info("netdash: %d contacts, %d interactions, %d warning(s); today is %s; %d pages",
                 len(result.dataset.contacts), len(result.dataset.interactions),
                 len(site.problems), self.today, len(pages))
        self.metas = {page.src_uri: page.meta for page in pages if page.meta}
        self.deferred = {page.src_uri: page.deferred for page in pages if page.deferred}
        self.html = {page.src_uri: page.html for page in pages if page.html is not None}
        for page in pages:
            _add_page(files, config, page)
        for file in static.files(config, site):
            files.append(file)
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Add the package's templates and `netdash_once`, which renders a block once per
        build and repeats it (the sidebars of person pages)."""
        package = PackageLoader("site_builder.site", "templates")
        env.loader = ChoiceLoader([env.loader, package] if env.loader else [package])
        rendered: dict[str, str] = {}

        def once(key: str, render: Callable[[], str]) -> str:
            if key not in rendered:
                rendered[key] = str(render())
            return rendered[key]

        env.globals["netdash_once"] = once
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give generated pages their metadata: an escaped title when the data names the
        page, `hide: [toc]` for wide pages."""
        page.meta.update(self.metas.get(page.file.src_uri, {}))
        return "" if page.file.src_uri in self.html else markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The content of pages made as HTML (Markdown saw nothing of them)."""
        return self.html.get(page.file.src_uri, html)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Date every page with the report's day, not the clock: the sitemap and its
        gzip copy come out byte-identical for the same data and day."""
        if self.today is not None:
            page.update_date = self.today.isoformat()
        return page

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put the deferred parts in place, and ask search engines to keep out: the site
        is private even if its host is not."""
        for marker, producer in self.deferred.get(page.file.src_uri, {}).items():
            before, found, after = output.partition(marker)
            if not found:
                raise PluginError(f"netdash: {page.file.src_uri} lost its marker {marker}")
            output = before + producer() + after
        if MARKER_PREFIX in output:
            raise PluginError(f"netdash: {page.file.src_uri} has a marker with no content")
        return output.replace("<head>", f"<head>\n{ROBOTS_META}", 1)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the data changes, not only the docs."""
        if self.data_dir.is_dir():
            server.watch(str(self.data_dir))
        return server


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(f"netdash: `today: {value}` is not a date YYYY-MM-DD") from None


def _today(pinned: dt.date | None, timezone: str) -> dt.date:
    try:
        return clock.today(pinned, timezone)
    except ValueError as error:
        raise PluginError(f"netdash: {error}") from None


def _load_or_fail(data_dir: Path) -> LoadResult:
    result = load(data_dir)
    if not result.ok:
        errors = [p for p in result.problems if p.is_error]
        raise PluginError(
            f"netdash: the data in {data_dir} has {len(errors)} error(s); fix them and "
            f"build again:\n{as_text(errors)}"
        )
    return result


def _add_page(files: Files, config: MkDocsConfig, page: GeneratedPage) -> None:
    """Add a generated page; a hand-written page at the same path becomes its intro."""
    existing = files.get_file_from_path(page.src_uri)
    markdown = page.markdown
    if existing is not None:
        markdown = existing.content_string.rstrip() + "\n\n" + markdown
        files.remove(existing)
    inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
    files.append(File.generated(config, page.src_uri, content=markdown, inclusion=inclusion))
