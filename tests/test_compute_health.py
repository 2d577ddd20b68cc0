"""Data health: how current the log is, and which CRM fields each person lacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.compute.health import STALE_AFTER_DAYS
from site_builder.compute.report import CRM_FIELDS
from site_builder.loading.loader import load
from site_builder.models import Dataset, Settings
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 15)
FULL = """\
    name: Ada
    circle: inner
    company: Engines Ltd
    role: Analyst
    industry: Computing
    location: London
    seniority: senior
    met: {on: 2026-01-01}
    influence: 4
    accessibility: 3
    can_help_them: Proofread the notes
    can_help_me: Explain the engine
    """
FILES = {
    "contacts/ada.yml": FULL,
    "contacts/bob.yml": "name: Bob\ncircle: outer\ncompany: '  '\nrole: Engineer\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\nlocation: Paris\n",
    "contacts/old.yml": "name: Old\ncircle: outer\narchived: true\n",
    "interactions/2026.yml": """\
        - {date: 2026-03-01, with: [ada], kind: call}
        - {date: 2026-04-01, with: [bob], kind: call}
        """,
}


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def test_the_log_is_current_for_14_days_then_stale(write_data: WriteData) -> None:
    root = write_data(FILES)
    assert STALE_AFTER_DAYS == 14
    current = report_of(root).freshness
    assert (current.latest_interaction, current.days_since, current.stale) == (
        dt.date(2026, 3, 1),
        14,
        False,
    )  # the booking of 1 April is not logged yet
    stale = report_of(root, TODAY + dt.timedelta(days=1)).freshness
    assert (stale.latest_interaction, stale.days_since, stale.stale) == (
        dt.date(2026, 3, 1),
        15,
        True,
    )


def test_active_people_never_contacted_by_name(write_data: WriteData) -> None:
    root = write_data(FILES)
    assert report_of(root).freshness.never_contacted == ("bob", "cy")
    assert report_of(root, dt.date(2026, 4, 1)).freshness.never_contacted == ("cy",)


def test_an_empty_log_is_stale_and_has_no_date() -> None:
    report = compute(Dataset(settings=Settings(owner="Me")), TODAY)
    fresh = report.freshness
    assert (fresh.latest_interaction, fresh.days_since, fresh.stale) == (None, None, True)
    assert [(gap.field, gap.contacts) for gap in report.missing_fields] == [
        (name, ()) for name in CRM_FIELDS
    ]


def test_missing_fields_per_person_blank_text_included(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    missing = {p.contact: p.missing_fields for p in report.people}
    assert missing["ada"] == ()
    assert missing["bob"] == (
        "company",
        "industry",
        "location",
        "seniority",
        "met",
        "influence",
        "accessibility",
        "can_help_them",
        "can_help_me",
    )
    assert missing["cy"] == tuple(name for name in CRM_FIELDS if name != "location")
    assert missing["old"] == CRM_FIELDS  # archived people keep theirs, outside the totals


def test_missing_fields_by_field_list_active_people_by_name(write_data: WriteData) -> None:
    gaps = {gap.field: gap.contacts for gap in report_of(write_data(FILES)).missing_fields}
    assert list(gaps) == list(CRM_FIELDS)
    assert gaps["company"] == ("bob", "cy")
    assert gaps["role"] == ("cy",)
    assert gaps["location"] == ("bob",)


def test_the_guide_documents_the_stale_limit_and_every_crm_field() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "guide" / "rules.md").read_text("utf-8")
    health = guide.split("## Data health", 1)[1].split("\n## ", 1)[0]
    assert f"more than {STALE_AFTER_DAYS} days old" in health and "`STALE_AFTER_DAYS`" in health
    assert [name for name in CRM_FIELDS if f"`{name}`" not in health] == []
