"""What an import did, or would do: the changes and a summary in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.editing.writer import Change
from site_builder.interop.incoming import Note


@dataclass
class ImportReport:
    """The outcome of matching one file against the contacts."""

    source: str
    notes: list[Note] = field(default_factory=list)
    """Records the reader could not use (errors) or used in part (warnings)."""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Facts not taken because the contact already has another value."""
    ambiguous: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        """Records that were not imported because something is wrong with them."""
        return [str(note) for note in self.notes if note.severity == "error"] + self.problems

    def headline(self) -> str:
        """One line of counts."""
        return (
            f"{self.source}: {len(self.added)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.ambiguous)} ambiguous, "
            f"{len(self.errors)} not imported"
        )

    def lines(self) -> list[str]:
        """The headline, then one line per new, updated, skipped, ambiguous or bad record."""
        warnings = [str(note) for note in self.notes if note.severity != "error"]
        sections = (
            ("new", self.added),
            ("updated", self.updated),
            ("kept", self.skipped),
            ("ambiguous", self.ambiguous),
            ("warning", warnings),
            ("not imported", self.errors),
        )
        details = [f"  {label}: {text}" for label, items in sections for text in items]
        return [self.headline(), *details]
