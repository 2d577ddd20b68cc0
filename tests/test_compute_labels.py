"""The one table of metric labels: every metric has words, and filters read as phrases."""

from __future__ import annotations

from typing import get_args

from site_builder.compute.labels import METRIC_LABELS, describe, humanize_name, metric_label
from site_builder.models import Where
from site_builder.models.goals import MetricName


def _names(kind: object) -> set[str]:
    found: set[str] = set()
    for arg in get_args(kind):
        found |= _names(arg) if get_args(arg) else {arg}
    return found


def test_every_metric_of_the_registry_has_a_label_without_underscores() -> None:
    assert set(METRIC_LABELS) == _names(MetricName)
    assert all("_" not in label and label[0].isupper() for label in METRIC_LABELS.values())


def test_a_metric_with_a_filter_reads_in_words() -> None:
    assert describe("dormant_reconnected", None) == "Dormant contacts reconnected"
    assert describe("events_attended", Where(kind="conference")) == "Events attended (conference)"
    assert (
        describe("new_contacts", Where(influence_min=4, circle="inner"))
        == "New contacts (inner circle, influence 4 or more)"
    )
    assert (
        describe("circle_size", Where(board_role="mentor")) == "Active contacts (board role mentor)"
    )
    assert describe("events_hosted", Where(role="speaker")) == "Events hosted (as speaker)"


def test_a_series_name_reads_in_words() -> None:
    assert humanize_name("linkedin_connections") == "LinkedIn connections"
    assert humanize_name("talks_given") == "Talks given"
    assert metric_label("not_a_metric") == "Not a metric"
