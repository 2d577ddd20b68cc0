"""The validated data set, and the kinds of file it is read from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import TypeAdapter

from site_builder.models.contacts import Contact
from site_builder.models.events import Community, Event, JournalEntry
from site_builder.models.goals import Goals, Measurement, SeriesName
from site_builder.models.interactions import Interaction
from site_builder.models.reviews import Review
from site_builder.models.settings import Settings
from site_builder.models.templates import MessageTemplate, Templates

KindName = Literal[
    "settings",
    "contact",
    "interactions",
    "events",
    "communities",
    "goals",
    "metrics",
    "journal",
    "templates",
    "reviews",
]
"""The kinds of data file, in the order they are read and listed."""


@dataclass(frozen=True)
class FileKind:
    """One kind of data file: where it lives and the shape of its document."""

    name: KindName
    pattern: str
    shape: Any
    title: str

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        """Validates a whole document."""
        return TypeAdapter(self.shape)

    @cached_property
    def item_adapter(self) -> TypeAdapter[Any]:
        """Validates one record of a list document."""
        return TypeAdapter(self.shape.__args__[0])

    @property
    def is_list(self) -> bool:
        """True when the document is a list of records."""
        return getattr(self.shape, "__origin__", None) is list


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("settings", "settings.yml", Settings, "Settings"),
    FileKind("contact", "contacts/*.yml", Contact, "Contact"),
    FileKind("interactions", "interactions/*.yml", list[Interaction], "Interactions"),
    FileKind("events", "events.yml", list[Event], "Events"),
    FileKind("communities", "communities.yml", list[Community], "Communities"),
    FileKind("goals", "goals.yml", Goals, "Goals"),
    FileKind("metrics", "metrics.yml", dict[SeriesName, list[Measurement]], "Metrics"),
    FileKind("journal", "journal.yml", list[JournalEntry], "Journal"),
    FileKind("templates", "templates.yml", Templates, "Templates"),
    FileKind("reviews", "reviews.yml", list[Review], "Reviews"),
)
KINDS_BY_NAME: Mapping[KindName, FileKind] = {kind.name: kind for kind in FILE_KINDS}
assert tuple(KINDS_BY_NAME) == get_args(KindName), "FILE_KINDS lists each kind once, in order"


@dataclass(frozen=True)
class Sources:
    """Where records came from, so that later checks can point at them."""

    contacts: Mapping[str, Path] = field(default_factory=dict)
    interactions: tuple[tuple[Path, int], ...] = ()


@dataclass(frozen=True)
class Dataset:
    """Everything in `data/`, validated. Contacts are keyed by id (the file stem)."""

    settings: Settings
    contacts: Mapping[str, Contact] = field(default_factory=dict)
    interactions: tuple[Interaction, ...] = ()
    events: tuple[Event, ...] = ()
    communities: tuple[Community, ...] = ()
    goals: Goals = field(default_factory=Goals)
    metrics: Mapping[str, tuple[Measurement, ...]] = field(default_factory=dict)
    journal: tuple[JournalEntry, ...] = ()
    templates: Mapping[str, MessageTemplate] = field(default_factory=dict)
    """Your message templates, by id (they override the built-in ones)."""
    reviews: tuple[Review, ...] = ()
    """The quarterly reviews, in file order."""
    root: Path = Path("data")
    sources: Sources = field(default_factory=Sources)
