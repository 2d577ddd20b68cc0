"""Markdown pages made once while `mkdocs serve` runs: a page whose Markdown is the same as
in the last build, among the same pages, gets the last build's HTML, table of contents,
title and anchors, instead of being converted again (the guide's pages, and the pages of
the data that an edit left alone).

The plugin asks `before` in `on_page_markdown` (a page it has must skip the conversion:
its Markdown becomes empty) and `after` in `on_page_content` (which puts the kept parts
back, or keeps those of a page just converted).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class Converted:
    """What converting a page's Markdown gave."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the page's source path."""


@dataclass
class MarkdownCache:
    """Converted pages of the last build, by source path, with what they were made of."""

    pages: dict[str, tuple[tuple[object, ...], Converted]] = field(default_factory=dict)
    waiting: dict[str, tuple[object, ...]] = field(default_factory=dict)
    """Pages of this build being converted, with what they are made of."""
    reused: set[str] = field(default_factory=set)

    def start(self) -> None:
        """A build begins."""
        self.waiting.clear()
        self.reused.clear()

    def before(self, page: Page, markdown: str, setting: tuple[object, ...]) -> str:
        """The Markdown to convert: `markdown`, or nothing when the last build's
        conversion of it can be used (`setting`: the configuration and pages it depends on)."""
        src_uri = page.file.src_uri
        key = (markdown, *setting)
        kept = self.pages.get(src_uri)
        if kept is not None and kept[0] == key:
            self.reused.add(src_uri)
            return ""
        self.waiting[src_uri] = key
        return markdown

    def after(self, page: Page, html: str, files: Files) -> str:
        """The page's content: the kept conversion put back, or the new one kept."""
        src_uri = page.file.src_uri
        if src_uri in self.reused:
            converted = self.pages[src_uri][1]
            page.toc = converted.toc
            page._title_from_render = converted.title
            page.present_anchor_ids = set(converted.anchors)
            if converted.links is not None:
                page.links_to_anchors = {
                    file: anchors
                    for uri, anchors in converted.links.items()
                    if (file := files.get_file_from_path(uri)) is not None
                }
            return converted.content
        key = self.waiting.pop(src_uri, None)
        if key is not None:
            links = page.links_to_anchors
            self.pages[src_uri] = (
                key,
                Converted(
                    html,
                    page.toc,
                    page._title_from_render,
                    frozenset(page.present_anchor_ids or ()),
                    {f.src_uri: a for f, a in links.items()} if links is not None else None,
                ),
            )
        return html
