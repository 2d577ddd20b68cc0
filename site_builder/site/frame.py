"""Person pages are alike but for their title, address and content: the theme's page
around them (head, header, sidebars, footer, scripts) is the same, since they sit at the
same depth and out of the nav. So the theme renders it once per build, for the first
person page, with slots where those three go (`PageFrame`); every other person page is
the frame with its own three put in, which spares rendering Material's templates
thousands of times.

The frame checks itself: the second person page is rendered in full too, and the frame is
used only if it gives that page the very same HTML. Anything else that varied from page
to page (an override of a theme partial that shows the page's address, say) would show
there, and then every page is rendered in full.

`RenderedOnce` does the same for single blocks (`netdash_once` in templates), for when
the frame cannot be used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from mkdocs.structure.pages import Page

TITLE_SLOT = "\x00netdash:title\x00"
URL_SLOT = "\x00netdash:url\x00"
CONTENT_SLOT = "\x00netdash:content<h1>\x00"
"""Holds `<h1` as the content of every person page does (Material adds a heading to a
page whose content has none)."""
SLOTS = (TITLE_SLOT, URL_SLOT, CONTENT_SLOT)

Step = Literal["make", "check", "fill", "render"]


class PageFrame:
    """The frame of the person pages of one build, and how far it has got: made from the
    first page, checked against the second, then used (or refused)."""

    def __init__(self) -> None:
        self.state: Literal["none", "made", "used", "refused"] = "none"
        self._chunks: list[str] = []
        self._slots: list[str] = []
        self._saved: tuple[str, str | None, str] | None = None
        self.filled = 0
        """How many pages were the frame filled in without rendering."""

    def step(self, page: Page) -> Step:
        """What to do for this page: make the frame (the page is dressed in the slots for
        its rendering), check it, fill it, or render the page as any other."""
        title = page.meta.get("title")
        if not isinstance(title, str) or "<h1" not in (page.content or ""):
            return "render"
        if self.state == "none":
            self._saved = (title, page.canonical_url, page.content or "")
            page.meta["title"], page.canonical_url, page.content = SLOTS
            return "make"
        if self.state == "made":
            return "check"
        return "fill" if self.state == "used" else "render"

    def finish(self, step: Step, page: Page, output: str) -> str:
        """The page's HTML, from what the theme rendered for it (nothing when filling)."""
        if step == "make":
            assert self._saved is not None
            page.meta["title"], page.canonical_url, page.content = self._saved
            self._saved = None
            self._split(output)
            self.state = "made"
            return self.fill(page)
        if step == "check":
            self.state = "used" if self.fill(page) == output else "refused"
            return output
        if step == "fill":
            self.filled += 1
            return self.fill(page)
        return output

    def fill(self, page: Page) -> str:
        """The frame with the page's title, address and content in their slots."""
        values = {
            TITLE_SLOT: str(page.meta["title"]),
            URL_SLOT: str(page.canonical_url),
            CONTENT_SLOT: page.content or "",
        }
        parts = [self._chunks[0]]
        for slot, chunk in zip(self._slots, self._chunks[1:], strict=True):
            parts += (values[slot], chunk)
        return "".join(parts)

    def _split(self, output: str) -> None:
        """Cut the rendered frame at its slots, once, so that no page's text is searched
        for them."""
        self._chunks, self._slots = [], []
        rest = output
        while True:
            found = [(rest.find(slot), slot) for slot in SLOTS if slot in rest]
            if not found:
                self._chunks.append(rest)
                return
            index, slot = min(found)
            self._chunks.append(rest[:index])
            self._slots.append(slot)
            rest = rest[index + len(slot) :]


class RenderedOnce:
    """`netdash_once(key, render, page=None)` in templates: renders a block the first time
    and repeats it. Given the page, the block is rendered with a slot for the page's title
    (`page.meta.title`, which the plugin sets, escaped) and each page gets its own title
    in it."""

    def __init__(self) -> None:
        self.rendered: dict[str, str] = {}

    def __call__(self, key: str, render: Callable[[], str], page: Page | None = None) -> str:
        title = page.meta.get("title") if page is not None else None
        if page is not None and not isinstance(title, str):
            return str(render())  # no title to put in: nothing to share
        if key not in self.rendered:
            if page is not None:
                page.meta["title"] = TITLE_SLOT
            try:
                self.rendered[key] = str(render())
            finally:
                if page is not None:
                    page.meta["title"] = title
        block = self.rendered[key]
        return block.replace(TITLE_SLOT, title) if isinstance(title, str) else block
