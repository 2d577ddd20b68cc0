"""What every page renderer is given, and where each generated page lives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from site_builder.compute import Report
from site_builder.diagnostics.problems import Problem
from site_builder.models import Contact, Dataset, Interaction
from site_builder.site.views import Link

if TYPE_CHECKING:
    from site_builder.interop.ics import Events
    from site_builder.site.actions import QuickActions, Repo
    from site_builder.site.serve_cache import Kept

HOME = "index.md"
WEEK = "week.md"
TOUCHPOINTS = "touchpoints.md"
PEOPLE = "people/index.md"
CIRCLES = "circles.md"
MATRIX = "matrix.md"
EVENTS = "events.md"
ROADMAP = "roadmap.md"
METRICS = "metrics.md"
JOURNAL = "journal.md"
HEALTH = "health.md"
CALENDAR = "touchpoints.ics"
ASSETS = "assets/netdash"
GUIDE_RULES = "guide/rules.md"
GUIDE_EDITING = "guide/editing.md"
REVIEW = "review.md"


def person_uri(contact: str) -> str:
    """Where a person's page lives; the URL carries the contact id and nothing else."""
    return f"people/{contact}/index.md"


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """The site URL of a source path, as MkDocs derives it (`""` for the home page)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return f"{stem}/"


MARKER_PREFIX = "<!--netdash:later:"
Producer = Callable[[], str]
"""Makes a part of a page's HTML when it is needed."""


class Later:
    """A page's deferred parts: HTML made after MkDocs has rendered and indexed the page,
    then put in place of a marker. For parts that grow with the data (a table of every
    person, a person's timeline): they skip the Markdown pass and the search index, which
    keeps a build of thousands of people fast and the index to one entry per person."""

    def __init__(self) -> None:
        self.parts: dict[str, Producer] = {}

    def __call__(self, producer: Producer) -> Markup:
        """A Markdown block holding the marker that `producer`'s HTML replaces."""
        marker = f"{MARKER_PREFIX}{len(self.parts)}-->"
        self.parts[marker] = producer
        return Markup(f"\n\n{marker}\n\n")  # noqa: S704 - a comment made here, no data


@dataclass(frozen=True)
class GeneratedPage:
    """One page made from the data: Markdown text (data inside raw HTML blocks)."""

    src_uri: str
    markdown: str
    title: str | None = None
    """An HTML-escaped title for the page's metadata, when it comes from the data."""
    in_nav: bool = True
    wide: bool = False
    """Hide the table of contents, leaving the width to wide tables and card grids."""
    deferred: Mapping[str, Producer] = field(default_factory=dict)
    """Markers in `markdown` and what replaces each in the built page (see `Later`)."""
    template: str | None = None
    """A template of the package instead of Material's `main.html`."""
    html: str | None = None
    """The page's content as HTML, used instead of `markdown` (which is then empty): for
    pages with nothing for Markdown to do, so it does not parse them."""

    @property
    def meta(self) -> dict[str, object]:
        """Front matter the plugin gives the page."""
        meta: dict[str, object] = {}
        if self.title is not None:
            meta["title"] = self.title
        if self.wide:
            meta["hide"] = ["toc"]
        if self.template is not None:
            meta["template"] = self.template
        return meta


@dataclass(frozen=True)
class Site:
    """The inputs of every page: the data set, the report for today, the loader's
    problems, and how URLs are made."""

    dataset: Dataset
    report: Report
    problems: Sequence[Problem] = ()
    directory_urls: bool = True
    docs: frozenset[str] = frozenset({GUIDE_RULES, GUIDE_EDITING})
    """The hand-written pages of docs/ (their paths): links go only to those present."""
    feed: bool = True
    """Whether the site has the calendar feed (an encrypted build leaves it out)."""
    repo: Repo | None = None
    """The repository of mkdocs.yml's `repo_url`: quick actions link to it when set."""
    kept: Kept | None = field(default=None, compare=False)
    """Under `netdash serve`, what the last build made that this one may use again (a
    person's body laid out from the same values, a calendar event made before)."""

    @property
    def today(self) -> dt.date:
        """The day the report was computed for."""
        return self.report.today

    @property
    def private(self) -> bool:
        """True when the owner opted in to publishing private details."""
        return self.dataset.settings.publish.private_details

    def href(self, source: str, target: str, anchor: str = "") -> str:
        """A relative link from the page at `source` to the page or file at `target`."""
        source_url = url_of(source, self.directory_urls)
        target_url = url_of(target, self.directory_urls) or "./"
        relative = get_relative_url(target_url, source_url)
        return relative + (f"#{anchor}" if anchor else "")

    def guide_link(self, source: str, target: str, label: str) -> Link:
        """A link to a hand-written page, or the bare label when the page is missing."""
        return Link(label, self.href(source, target) if target in self.docs else None)

    def person_href(self, source: str, contact: str) -> str | None:
        """A link to a person's page, or None for an id with no contact (a dangling
        reference is a data problem, shown on the Data health page)."""
        if contact not in self.dataset.contacts:
            return None
        return self.href(source, person_uri(contact))

    def contact(self, contact: str) -> Contact | None:
        """The contact's record, by id."""
        return self.dataset.contacts.get(contact)

    def name(self, contact: str) -> str:
        """A contact's name, or the id itself when the contact is unknown."""
        record = self.dataset.contacts.get(contact)
        return record.name if record is not None else contact

    def interactions_of(self, contact: str) -> list[Interaction]:
        """Every interaction with a contact, oldest first (the report's order)."""
        person = self.report.person(contact)
        if person is None:
            return []
        return [self.dataset.interactions[i] for i in person.interaction_indexes]

    @cached_property
    def event_names(self) -> dict[str, str]:
        """Event names by id."""
        return {event.id: event.name for event in self.dataset.events}

    @cached_property
    def calendar_events(self) -> Events:
        """The calendar events of this build, made once for the feed and the quick
        actions' one-event files."""
        from site_builder.interop.ics import Events

        return Events(self.report.owner, self.report.today)

    @cached_property
    def actions(self) -> QuickActions:
        """The quick actions of the agenda and the person pages."""
        from site_builder.site.actions import QuickActions

        return QuickActions(self)
