"""What `mkdocs serve` keeps from one rebuild to the next, so that an edit shows quickly:
the workspace (which keeps the files as loaded), what was made from the data, person
pages as rendered (and their bodies), Markdown pages as converted, compiled templates.
Every build without `serve` makes everything afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from site_builder.site.markdown_cache import MarkdownCache
from site_builder.site.theme_files import Listings

if TYPE_CHECKING:
    from site_builder.pipeline.workspace import Workspace
    from site_builder.site.actions import EventKey
    from site_builder.site.context import GeneratedPage, Site


@dataclass
class Made:
    """What a build made from the data: the site's inputs, its pages, the feed."""

    site: Site
    pages: list[GeneratedPage]
    calendar: bytes
    key: tuple[object, ...] = ()
    """What the pages were made from, besides the data files."""


class ReusedPages:
    """Person pages under `mkdocs serve`: a page whose metadata, content and deferred parts
    are those of the last build gets the last build's HTML instead of being rendered
    again. What all person pages share (`RenderedOnce`: the nav, the header...) may have
    changed meanwhile, so in each build the first person page rendered whose own parts
    did not change is compared with its last HTML: pages are reused only if it is equal."""

    def __init__(self) -> None:
        self.outputs: dict[str, tuple[tuple[str, ...], str]] = {}
        self.shared_same: bool | None = None
        """Whether the shared parts are as in the last build; None until known."""
        self.reused = 0
        """How many pages this build took from the last."""

    def start(self) -> None:
        """A build begins: nothing is known of its shared parts."""
        self.shared_same = None
        self.reused = 0

    def reusable(self, src_uri: str, key: tuple[str, ...]) -> str | None:
        """The last HTML of the page, if it may be used again."""
        last = self.outputs.get(src_uri)
        if self.shared_same and last is not None and last[0] == key:
            return last[1]
        return None

    def reuse(self, src_uri: str, key: tuple[str, ...]) -> str | None:
        """`reusable`, counted."""
        last = self.reusable(src_uri, key)
        self.reused += last is not None
        return last

    def rendered(self, src_uri: str, key: tuple[str, ...], output: str) -> None:
        """Keep a page just rendered; the first that can tells whether the shared parts
        changed."""
        last = self.outputs.get(src_uri)
        if self.shared_same is None and last is not None and last[0] == key:
            self.shared_same = last[1] == output
        self.outputs[src_uri] = (key, output)

    def keep_only(self, src_uris: set[str]) -> None:
        """Forget the pages that are gone."""
        self.outputs = {uri: kept for uri, kept in self.outputs.items() if uri in src_uris}


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory from one rebuild to the next (MkDocs
    makes a new template environment for each build)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from memory (Jinja checks that the source is the same)."""
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template just compiled."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Kept:
    """What the pages keep from one build to the next under `mkdocs serve` (`Site.kept`):
    person pages' bodies, by contact, with the values each was laid out from, and the
    one-event calendar files of the quick actions, by what each is made of."""

    bodies: dict[str, tuple[object, str]] = field(default_factory=dict)
    events: dict[EventKey, bytes] = field(default_factory=dict)


@dataclass
class ServeCache:
    """What the last build made, for the next one under `mkdocs serve`."""

    workspace: Workspace | None = None
    made: Made | None = None
    calendars: dict[tuple[object, ...], bytes] = field(default_factory=dict)
    pages: ReusedPages = field(default_factory=ReusedPages)
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)
    kept: Kept = field(default_factory=Kept)
    """What the pages keep for the next build."""
    markdown: MarkdownCache = field(default_factory=MarkdownCache)
    """Markdown pages as converted."""
    theme_files: Listings = field(default_factory=dict)
    """The theme's files, listed once (`theme_files`)."""
