"""The data contract: Pydantic models for every file in `data/`."""

from site_builder.models.contacts import Contact, KeyDates, Met, Private, Trust
from site_builder.models.dataset import (
    FILE_KINDS,
    KINDS_BY_NAME,
    Dataset,
    FileKind,
    KindName,
    Sources,
)
from site_builder.models.events import About, Community, Event, JournalAction, JournalEntry
from site_builder.models.goals import Goals, Habit, Measurement, MetricName, Phase, Target, Where
from site_builder.models.interactions import FollowUp, Interaction
from site_builder.models.reviews import Decision, Review
from site_builder.models.settings import Settings

__all__ = [
    "FILE_KINDS",
    "KINDS_BY_NAME",
    "About",
    "Community",
    "Contact",
    "Dataset",
    "Decision",
    "Event",
    "FileKind",
    "FollowUp",
    "Goals",
    "Habit",
    "Interaction",
    "JournalAction",
    "JournalEntry",
    "KeyDates",
    "KindName",
    "Measurement",
    "Met",
    "MetricName",
    "Phase",
    "Private",
    "Review",
    "Settings",
    "Sources",
    "Target",
    "Trust",
    "Where",
]
