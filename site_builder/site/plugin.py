"""The MkDocs plugin: on every build, load `data/`, compute today's report and add the
generated pages, the assets and the calendar feed to the site, in memory.

mkdocs.yml:

    plugins:
      - search
      - netdash:
          data_dir: data      # relative to mkdocs.yml; else $NETDASH_DATA, else `data`
          today: 2026-03-02   # optional; else $NETDASH_TODAY, else the clock

`netdash build --data D --today T` and `netdash serve` set these two options (`runner`).

Under `mkdocs serve` the plugin lives from one rebuild to the next (it has `on_startup`)
and keeps what the last build made (`serve_cache`): its workspace keeps the data files,
so that files that did not change are not read again; person pages that did not change
are not rendered again, and when no data file changed the pages are not made again either.

The garbage collector is set here, at the edge, and only in the hooks: paused while the
pages are made, what they are made of frozen until the build ends, running between the
builds of `mkdocs serve`.

The data pipeline (loader, engine, pages, calendar) is imported when a build starts, not
with this module: every `netdash` command imports it through the command line, and
`netdash check` needs none of that.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import ChoiceLoader, Environment, PackageLoader
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from site_builder.pipeline import collector
from site_builder.plural import counted
from site_builder.site import a11y
from site_builder.site.frame import PageFrame, RenderedOnce, Step
from site_builder.site.runner import ENV_DATA
from site_builder.site.serve_cache import Made, ServeCache
from site_builder.site.sweep import Sweeper

if TYPE_CHECKING:
    from site_builder.pipeline.workspace import Workspace
    from site_builder.site.actions import Repo
    from site_builder.site.context import GeneratedPage, Producer, Site

log = logging.getLogger("mkdocs.plugins.netdash")
ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'
REPOSITORY_FACTS = ' data-md-component="source"'
"""What makes Material's script fetch a repository's facts from its host."""
NOT_FOUND = "<h1>404 - Not found</h1>"
"""The content of Material's "not found" page."""


class Day(BaseConfigOption[dt.date]):
    """A date, YYYY-MM-DD (quoted in mkdocs.yml or not)."""

    def run_validation(self, value: object) -> dt.date:
        """The date `value` names; a configuration error otherwise."""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(f"expected a date YYYY-MM-DD, got {value!r}") from None


class NetdashConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs is untyped here
    """The plugin's options in mkdocs.yml."""

    data_dir = c.Optional(c.Type(str))
    today = c.Optional(Day())


@dataclass
class PageInBuild:
    """The page MkDocs is building: its deferred parts, made, and what its HTML is made
    of besides the parts all person pages share."""

    src_uri: str
    parts: dict[str, str]
    key: tuple[str, ...]
    asked: bool = False
    """Whether its template asked to reuse it (`netdash_reused`): a person page."""
    reuse: bool = False
    """Whether its HTML of the last build is used again (`mkdocs serve`)."""
    step: Step = "render"
    """What the person pages' frame does for it."""


class NetdashPlugin(BasePlugin[NetdashConfig]):  # type: ignore[no-untyped-call]  # as above
    """Adds the pages made from `data/` to the site."""

    def __init__(self) -> None:
        self.data_dir = Path("data")
        self.pinned: dt.date | None = None
        self.today: dt.date | None = None
        self.metas: dict[str, dict[str, object]] = {}
        self.deferred: dict[str, Mapping[str, Producer]] = {}
        self.html: dict[str, str] = {}
        self.serving = False
        self.cache = ServeCache()
        self.building: PageInBuild | None = None
        self.frame = PageFrame()
        self.frozen = collector.Freeze()
        self.collecting: bool | None = None
        """Whether the collector ran before `mkdocs serve` started (None: not serving)."""
        self.encrypted = False
        """Whether mkdocs-encryptcontent-plugin locks the pages (`site/encrypt.py`)."""
        self.generated: frozenset[str] = frozenset()
        self.repo: Repo | None = None
        self.problems_html: str | None = None
        self.sweeper = Sweeper()
        self.markdown_setting: tuple[object, ...] = ()
        """What a page's HTML depends on besides its Markdown: the Markdown settings and
        the pages links can point to."""
        """The data's problems as HTML, while `netdash serve` shows them instead of the site."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Note whether MkDocs serves. Having this hook is also what makes MkDocs keep the
        plugin, and its cache, from one rebuild to the next. A server lives long, so the
        collector runs between its builds (a short command may have turned it off)."""
        self.serving = command == "serve"
        if self.serving:
            self.collecting = collector.set_enabled(True)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """While serving, put the last build's files aside before MkDocs empties the site
        folder; they are deleted in the background (`sweep`)."""
        if self.serving:
            self.sweeper.clear(Path(config.site_dir))

    def on_shutdown(self) -> None:
        """Forget the cache: MkDocs keeps this plugin for the rest of the process. Set the
        collector back as `on_startup` found it; finish deleting old files."""
        self.sweeper.wait()
        if self.collecting is not None:
            collector.set_enabled(self.collecting)
            self.collecting = None
        self.serving = False
        self.cache = ServeCache()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve the data folder and the pinned date; register the stylesheet and script."""
        from site_builder.site import static

        base = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = base / (self.config.data_dir or os.environ.get(ENV_DATA) or "data")
        self.pinned = self.config.today
        self.repo = _repo(config, base, self.data_dir)
        if self.serving:
            from site_builder.site.theme_files import listed_once

            listed_once(config.theme, self.cache.theme_files)
        if static.CSS not in config.extra_css:
            config.extra_css.append(static.CSS)
        if static.JS not in config.extra_javascript:
            config.extra_javascript.append(static.JS)
        self.encrypted = _encrypted(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Load and check the data (failing once with every problem), then add the pages.

        The collector is paused meanwhile (many objects, next to no garbage cycles), and
        what is made so far is frozen until the build ends: MkDocs then renders thousands
        of pages, and each of the collector's passes would walk all of it again."""
        from site_builder.site import static
        from site_builder.site.context import CALENDAR

        docs = frozenset(f.src_uri for f in files.documentation_pages())
        self.cache.markdown.start()
        with collector.paused_gc():
            workspace, changed = self._workspace()
            self.problems_html = None
            if not workspace.ok:  # only while serving: a build fails on the first error
                self._show_problems(files, config, workspace)
                return files
            made = self._make(workspace, changed, docs, config.use_directory_urls)
            pages = made.pages
            self.metas = {page.src_uri: page.meta for page in pages if page.meta}
            if self.encrypted:
                self.metas = {page.src_uri: _locked_meta(page) for page in pages}
                self.generated = frozenset(page.src_uri for page in pages)
            self.deferred = {page.src_uri: page.deferred for page in pages if page.deferred}
            self.html = {page.src_uri: page.html for page in pages if page.html is not None}
            self.cache.pages.start()
            for page in pages:
                _add_page(files, config, page)
            for file in static.files(config, made.site, made.calendar):
                if not (self.encrypted and file.src_uri == CALENDAR):
                    files.append(file)
            self.markdown_setting = _markdown_setting(config, files)
            self.frozen.hold()
        return files

    def _show_problems(self, files: Files, config: MkDocsConfig, workspace: Workspace) -> None:
        """Under `netdash serve`, data with errors: the pages of the nav, and the "not
        found" page, list the problems; they reload once the data is fixed."""
        from site_builder.site import static
        from site_builder.site.pages import problems

        log.error(
            "netdash: the data in %s has %s; the site shows them until they are fixed:\n%s",
            workspace.data_dir,
            counted(len(workspace.errors), "error"),
            _as_text(workspace.errors),
        )
        pages = problems.pages(workspace.problems)
        self.problems_html = problems.body(workspace.problems)
        self.metas = {page.src_uri: page.meta for page in pages}
        self.deferred = {}
        self.html = {page.src_uri: page.html for page in pages if page.html is not None}
        for page in pages:
            _add_page(files, config, page)
        for file in static.assets(config):
            files.append(file)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """While the data's problems are shown, the "not found" page lists them too: the
        page open in the browser may be one the problems keep from being made. The
        repository's link asks GitHub for nothing (`_no_repository_facts`)."""
        output_content = _no_repository_facts(output_content)
        if self.problems_html is None or template_name != "404.html":
            return output_content
        return output_content.replace(NOT_FOUND, self.problems_html, 1)

    def _make(
        self, workspace: Workspace, changed: bool, docs: frozenset[str], directory_urls: bool
    ) -> Made:
        """The site's inputs and pages: made afresh, or, while serving, the last build's
        when no data file changed and neither did the day or the hand-written pages."""
        from site_builder.site.context import Site
        from site_builder.site.generate import generate

        self.today = _today(workspace)
        key = (self.today, directory_urls, docs, self.repo)
        last = self.cache.made
        if not changed and last is not None and last.key == key:
            log.info("netdash: no data file changed; the pages of the last build are kept")
            return last
        site = Site(
            dataset=workspace.dataset,
            report=workspace.report,
            problems=tuple(p for p in workspace.problems if not p.is_error),
            directory_urls=directory_urls,
            docs=docs,
            feed=not self.encrypted,
            repo=self.repo,
            kept=self.cache.kept if self.serving else None,
        )
        pages = generate(site)
        log.info(
            "netdash: %s, %s, %s; today is %s; %s",
            counted(len(site.dataset.contacts), "contact"),
            counted(len(site.dataset.interactions), "interaction"),
            counted(len(site.problems), "warning"),
            self.today,
            counted(len(pages), "page"),
        )
        made = Made(site, pages, self._calendar(site), key)
        if self.serving:
            self.cache.made = made
        return made

    def _workspace(self) -> tuple[Workspace, bool]:
        """This build's data, without errors (else the build fails once, listing them),
        and whether it changed since the last build's. While serving, the last build's
        workspace is loaded again: only the files that changed are read."""
        from site_builder.pipeline.workspace import Workspace

        kept = self.cache.workspace
        if self.serving and kept and (kept.data_dir, kept.pinned) == (self.data_dir, self.pinned):
            workspace, changed = kept, kept.reload()
        else:
            workspace, changed = (
                Workspace(self.data_dir, self.pinned, keep_files=self.serving),
                True,
            )
        if self.serving:
            self.cache.workspace = workspace
        else:
            _fail_on_errors(workspace)
        return workspace, changed

    def _calendar(self, site: Site) -> bytes:
        """The calendar feed; while serving, the last one again when its events are the
        same (most edits change no date)."""
        from site_builder.interop import ics

        if not self.serving:
            return ics.calendar(site.report, site.dataset, site.calendar_events)
        entries = ics.entries(site.report, site.dataset)
        key = (site.report.owner, site.today, *entries)
        if key not in self.cache.calendars:
            self.cache.calendars = {key: site.calendar_events.feed(entries)}
        return self.cache.calendars[key]

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Add the package's templates and `netdash_once`, which renders a block once per
        build and repeats it (the parts that all person pages share)."""
        package = PackageLoader("site_builder.site", "templates")
        env.loader = ChoiceLoader([env.loader, package] if env.loader else [package])
        env.globals["netdash_once"] = RenderedOnce()
        self.frame = PageFrame()
        env.globals["netdash_reused"] = self._reused
        if self.serving:
            env.bytecode_cache = self.cache.templates
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give generated pages their metadata: an escaped title when the data names the
        page, `hide: [toc]` for wide pages."""
        page.meta.update(self.metas.get(page.file.src_uri, {}))
        if page.file.src_uri in self.html:
            return ""
        if self.serving:
            return self.cache.markdown.before(page, markdown, self.markdown_setting)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The content of pages made as HTML (Markdown saw nothing of them); while
        serving, that of a page whose Markdown did not change (`markdown_cache`). In an
        encrypted build, the deferred parts too: the encryption takes the content here."""
        if page.file.src_uri in self.html:
            html = self.html[page.file.src_uri]
        elif self.serving:
            html = self.cache.markdown.after(page, html, files)
        if self.encrypted:
            for marker, producer in self.deferred.get(page.file.src_uri, {}).items():
                html = html.replace(marker, producer(), 1)
        return html

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Date every page with the report's day, not the clock: the sitemap and its
        gzip copy come out byte-identical for the same data and day."""
        if self.today is not None:
            page.update_date = self.today.isoformat()
        return page

    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """Make the page's deferred parts, just before its template is rendered."""
        src_uri = page.file.src_uri
        deferred = {} if self.encrypted else self.deferred.get(src_uri, {})
        parts = {marker: producer() for marker, producer in deferred.items()}
        if self.encrypted and src_uri in self.generated:
            page.toc = get_toc([])  # headings made from the data stay in the locked content
        key = (repr(page.meta), page.content or "", *parts.values())
        self.building = PageInBuild(src_uri, parts, key)
        return context

    def _reused(self, page: Page) -> bool:
        """`netdash_reused(page)` in the person template: True when the plugin makes the
        page's HTML itself, from the last build's (under `mkdocs serve`) or from the
        person pages' frame (`frame`); the template then renders nothing."""
        building = self.building
        if building is None or building.src_uri != page.file.src_uri or self.encrypted:
            return False
        building.asked = True
        if self.serving and self.cache.pages.reusable(building.src_uri, building.key):
            building.reuse = True
            return True
        building.step = self.frame.step(page)
        return building.step == "fill"

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put the deferred parts in place, and ask search engines to keep out: the site
        is private even if its host is not."""
        from site_builder.site.context import MARKER_PREFIX

        src_uri = page.file.src_uri
        building = self.building if self.building and self.building.src_uri == src_uri else None
        if building is not None and building.reuse:
            last = self.cache.pages.reuse(src_uri, building.key)
            if last is not None:
                return last
        if building is not None and building.asked:
            output = self.frame.finish(building.step, page, output)
        for marker, part in (building.parts if building else {}).items():
            before, found, after = output.partition(marker)
            if not found:
                raise PluginError(f"netdash: {src_uri} lost its marker {marker}")
            output = before + part + after
        if MARKER_PREFIX in output:
            raise PluginError(f"netdash: {src_uri} has a marker with no content")
        output = output.replace("<head>", f"<head>\n{ROBOTS_META}{_preload(output, page)}", 1)
        output = a11y.mend(output)
        output = _no_repository_facts(output)
        if building is not None and building.asked and self.serving:
            self.cache.pages.rendered(src_uri, building.key, output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Let the collector see this build's objects again (see `on_files`); in an
        encrypted build, keep the person pages' addresses out of the sitemap."""
        self.frozen.release()
        if self.encrypted:
            _lock_sitemap(Path(config.site_dir), config.site_url or "")
        self.building = None
        log.debug(
            "netdash: the person pages' frame was %s; %d pages filled in",
            self.frame.state,
            self.frame.filled,
        )
        if self.serving and self.problems_html is None:
            self.cache.pages.keep_only(set(self.metas))
            log.info(
                "netdash: %d unchanged person pages kept from the last build",
                self.cache.pages.reused,
            )

    def on_build_error(self, *, error: Exception) -> None:
        """As `on_post_build`, when the build fails."""
        self.frozen.release()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the data changes, not only the docs."""
        if self.data_dir.is_dir():
            server.watch(str(self.data_dir))
        return server


def _no_repository_facts(output: str) -> str:
    """The page without Material's marker on the repository's link (`repo_url`): its
    script would ask GitHub's API for the repository's stars and release, a request to
    another host from a private site. The link stays."""
    return output.replace(REPOSITORY_FACTS, "")


def _preload(output: str, page: Page) -> str:
    """On a page with charts, a hint to fetch Plotly while the page loads; the script
    that draws the charts then finds it in the cache (one request)."""
    from site_builder.site.charts.figure import CHART_OPENING
    from site_builder.site.static import PLOTLY

    if CHART_OPENING not in output:
        return ""
    return f'\n<link rel="preload" href="{get_relative_url(PLOTLY, page.url)}" as="script">'


class HtmlPage(Page):
    """A generated page whose content is HTML already (`GeneratedPage.html`). MkDocs puts
    it in the theme as any page, but runs no Markdown over it: setting Markdown up for each
    of thousands of person pages would cost more than making them."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """What rendering empty Markdown gives; `on_page_content` puts the HTML in."""
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def _encrypted(config: MkDocsConfig) -> bool:
    """Whether mkdocs-encryptcontent-plugin locks every page of this build; a
    configuration error when it is listed but cannot lock them all."""
    from site_builder.site import encrypt

    plugin = config.plugins.get(encrypt.PLUGIN)
    if plugin is None:
        return False
    problem = encrypt.order_problem(config.plugins.keys())
    if problem is None and not plugin.config.get("global_password"):
        problem = (
            f"give it a global_password (netdash build --encrypt reads ${encrypt.ENV_PASSWORD})"
        )
    if problem is not None:
        raise PluginError(f"netdash: the encrypted build cannot lock every page: {problem}")
    return True


def _locked_meta(page: GeneratedPage) -> dict[str, object]:
    """A generated page's metadata in an encrypted build: no title from the data (a
    person's name, the owner's); a person page is titled "Person", a page in the nav by
    its entry there."""
    from site_builder.site import encrypt

    meta = {key: value for key, value in page.meta.items() if key != "title"}
    if page.title is not None and not page.in_nav:
        meta["title"] = encrypt.PERSON_TITLE
    return meta


def _lock_sitemap(site_dir: Path, site_url: str) -> None:
    """Write the sitemap and its gzip copy again, without the person pages."""
    from site_builder.site import encrypt

    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = encrypt.public_sitemap(sitemap.read_text(encoding="utf-8"), site_url)
    sitemap.write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(encrypt.gzipped(text))


def _repo(config: MkDocsConfig, base: Path, data_dir: Path) -> Repo | None:
    """The repository of mkdocs.yml's `repo_url` and `edit_uri` (Material's settings)."""
    from site_builder.site.actions import repo_from_config

    return repo_from_config(
        config.repo_url,
        config.edit_uri,
        config_dir=base,
        docs_dir=Path(config.docs_dir),
        data_dir=data_dir,
    )


def _today(workspace: Workspace) -> dt.date:
    try:
        return workspace.today
    except ValueError as error:  # $NETDASH_TODAY is not a date
        raise PluginError(f"netdash: {error}") from None


def _markdown_setting(config: MkDocsConfig, files: Files) -> tuple[object, ...]:
    """What converting a page's Markdown depends on besides the Markdown itself."""
    return (
        repr(config.markdown_extensions),
        repr(config.mdx_configs),
        config.use_directory_urls,
        repr(config.validation),
        frozenset(file.src_uri for file in files),
    )


def _as_text(problems: Any) -> str:
    from site_builder.diagnostics.formats import as_text

    return as_text(problems)


def _fail_on_errors(workspace: Workspace) -> None:
    if not workspace.ok:
        errors = workspace.errors
        raise PluginError(
            f"netdash: the data in {workspace.data_dir} has {counted(len(errors), 'error')}; fix "
            f"them and build again:\n{_as_text(errors)}"
        )


def _add_page(files: Files, config: MkDocsConfig, page: GeneratedPage) -> None:
    """Add a generated page; a hand-written page at the same path becomes its intro."""
    existing = files.get_file_from_path(page.src_uri)
    markdown = page.markdown
    if existing is not None:
        markdown = existing.content_string.rstrip() + "\n\n" + markdown
        files.remove(existing)
    inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
    files.append(file)
    if page.html is not None:
        HtmlPage(None, file, config)  # becomes `file.page`
