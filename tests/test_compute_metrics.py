"""The metric registry over windows, with `where:` filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_builder.compute.calendar import Window
from site_builder.compute.index import build_index
from site_builder.compute.metrics import REGISTRY, MetricBook, measure_value
from site_builder.loading.loader import load
from site_builder.models import Dataset, Where
from tests.conftest import WriteData

TODAY = dt.date(2026, 6, 30)
YEAR = Window(dt.date(2026, 1, 1), dt.date(2027, 1, 1))

FILES = {
    "contacts/ada.yml": """\
        name: Ada
        circle: inner
        industry: Software
        seniority: senior
        tags: [python]
        board_role: mentor
        influence: 5
        accessibility: 4
        met: {on: 2026-02-10, event: pycon}
        """,
    "contacts/bob.yml": "name: Bob\ncircle: middle\nindustry: finance\nmet: {on: 2025-12-31}\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\nboard_role: peer\nmet: {on: 2026-07-05}\n",
    "contacts/dee.yml": "name: Dee\ncircle: outer\narchived: true\nmet: {on: 2026-03-01}\n",
    "contacts/eve.yml": "name: Eve\ncircle: middle\nboard_role: sponsor\n",
    "interactions/2025.yml": """\
        - {date: 2025-06-01, with: [bob], kind: call}
        - {date: 2025-12-31, with: [bob], kind: coffee, value: give}
        """,
    "interactions/2026.yml": """\
        - {date: 2026-01-01, with: [ada, bob], kind: meeting, value: share, introduced: [cy, eve]}
        - {date: 2026-02-20, with: [ada], kind: email, value: ask, meeting: accepted,
           outcomes: [referral, job_lead]}
        - {date: 2026-03-02, with: [eve], kind: linkedin, value: give, outcomes: [referral]}
        - {date: 2026-06-01, with: [bob], kind: coffee, value: give}
        - {date: 2026-07-15, with: [ada], kind: coffee, value: give}
        """,
    "events.yml": """\
        - {id: pycon, name: PyCon, date: 2026-02-10, end: 2026-02-12, kind: conference}
        - {id: meet, name: Meetup, date: 2026-04-01, kind: meetup, role: host}
        - {id: later, name: Later, date: 2026-09-01, kind: conference}
        """,
    "communities.yml": """\
        - {name: PSF, kind: association, joined: 2026-01-15}
        - {name: Chess club, kind: non-work, joined: 2025-05-01}
        """,
    "metrics.yml": """\
        linkedin_connections:
          - {date: 2026-01-01, value: 500}
          - {date: 2026-05-01, value: 620}
          - {date: 2026-08-01, value: 700}
        """,
    "goals.yml": """\
        roadmap:
          - phase: One
            months: 1-3
            targets:
              - {milestone: Profile, done: 2026-01-20}
              - {milestone: Later, done: 2026-08-01}
        """,
}


@pytest.fixture
def dataset(write_data: WriteData) -> Dataset:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    return result.dataset


def value(dataset: Dataset, metric: str, window: Window = YEAR, **where: str | int) -> float:
    book = MetricBook(build_index(dataset, TODAY))
    return book.value(metric, window, Where.model_validate(where) if where else None)


@pytest.mark.parametrize(
    ("metric", "where", "expected"),
    [
        ("new_contacts", {}, 2),  # ada (Feb) and archived dee (Mar); cy is met after today
        ("new_contacts", {"kind": "conference"}, 1),
        ("new_contacts", {"influence_min": 5}, 1),
        ("new_contacts", {"circle": "outer"}, 1),
        ("interactions", {}, 4),  # the July coffee is still a plan
        ("interactions", {"circle": "inner"}, 2),
        ("interactions", {"industry": "FINANCE"}, 2),
        ("interactions", {"tag": "python", "value": "ask"}, 1),
        ("meetings", {}, 3),  # meeting, accepted email, coffee
        ("gives", {}, 2),
        ("gives", {"circle": "middle"}, 2),
        ("shares", {}, 1),
        ("asks", {"kind": "email"}, 1),
        ("introductions_made", {}, 4),  # two people introduced to two others
        ("introductions_made", {"board_role": "peer"}, 2),  # pairs that involve cy
        ("events_attended", {}, 2),
        ("events_attended", {"kind": "conference"}, 1),
        ("events_hosted", {}, 1),
        ("events_attended", {"role": "host"}, 1),
        ("communities_joined", {}, 1),
        ("communities_joined", {"kind": "non-work"}, 0),
        ("referrals", {}, 2),
        ("opportunities", {}, 3),
        ("opportunities", {"circle": "inner"}, 2),
        ("circle_size", {}, 3),  # ada, bob, eve: cy is met after today, dee archived
        ("circle_size", {"circle": "middle"}, 2),
        ("board_filled", {}, 2),  # mentor and sponsor; peer (cy) not met yet
    ],
)
def test_each_metric_over_the_year(
    dataset: Dataset, metric: str, where: dict[str, str | int], expected: float
) -> None:
    assert value(dataset, metric, YEAR, **where) == expected


def test_a_window_that_straddles_the_year_end(dataset: Dataset) -> None:
    window = Window(dt.date(2025, 12, 15), dt.date(2026, 1, 15))
    assert value(dataset, "interactions", window) == 2
    assert value(dataset, "gives", window) == 1
    assert value(dataset, "new_contacts", window) == 1  # bob, met 31 December
    assert value(dataset, "introductions_made", window) == 4


def test_windows_are_half_open(dataset: Dataset) -> None:
    assert value(dataset, "interactions", Window(dt.date(2026, 1, 1), dt.date(2026, 1, 2))) == 1
    assert value(dataset, "interactions", Window(dt.date(2025, 12, 1), dt.date(2025, 12, 31))) == 0


def test_levels_are_taken_at_the_window_end(dataset: Dataset) -> None:
    assert value(dataset, "circle_size", Window(dt.date(2025, 1, 1), dt.date(2026, 1, 1))) == 2
    assert value(dataset, "board_filled", Window(dt.date(2025, 1, 1), dt.date(2026, 1, 1))) == 1


def test_a_where_key_that_does_not_apply_matches_nothing(dataset: Dataset) -> None:
    assert value(dataset, "events_attended", circle="inner") == 0
    assert value(dataset, "communities_joined", role="host") == 0


def test_dormant_reconnected_counts_touches_after_a_dormant_gap(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2025-01-01}\n",
            "contacts/bob.yml": "name: Bob\ncircle: inner\n",
            "contacts/cy.yml": "name: Cy\ncircle: inner\ncadence_days: 10\n",
            "interactions/2026.yml": """\
            - {date: 2025-03-05, with: [ada], kind: call}
            - {date: 2026-02-01, with: [ada, bob], kind: call}
            - {date: 2026-02-01, with: [ada], kind: email}
            - {date: 2026-02-20, with: [ada], kind: call}
            - {date: 2026-01-01, with: [cy], kind: call}
            - {date: 2026-01-21, with: [cy], kind: call}
            - {date: 2026-01-22, with: [cy], kind: call, value: give}
            - {date: 2026-02-23, with: [cy], kind: video, value: give}
            """,
        }
    )
    dataset = load(root).dataset
    # ada: 2025-03-05 after 63 days > 60; 2026-02-01 after 333 days; bob's first touch has
    # no anchor; cy: 20 days is not more than 2 x 10, 32 days is.
    assert value(dataset, "dormant_reconnected") == 2
    assert value(dataset, "dormant_reconnected", Window(dt.date(2025, 1, 1), TODAY)) == 3
    assert value(dataset, "dormant_reconnected", value="give") == 1
    assert value(dataset, "dormant_reconnected", kind="email") == 1


def test_measures_take_the_latest_reading_before_the_window_ends(dataset: Dataset) -> None:
    index = build_index(dataset, TODAY)
    assert measure_value(index, "linkedin_connections", YEAR) == 620
    march = Window(YEAR.start, dt.date(2026, 3, 1))
    assert measure_value(index, "linkedin_connections", march) == 500
    assert measure_value(index, "nothing", YEAR) is None


def test_the_registry_names_every_computed_metric() -> None:
    from typing import get_args

    from site_builder.models import MetricName

    assert set(REGISTRY) == set(get_args(MetricName))


def test_scripts_can_ask_for_one_metric(write_data: WriteData) -> None:
    from site_builder.compute.metrics import metric_value

    dataset = load(write_data(FILES)).dataset
    assert metric_value(dataset, TODAY, "gives", YEAR, Where(circle="inner")) == 0


def test_an_interaction_with_an_unknown_person_is_still_an_interaction(tmp_path: Path) -> None:
    from site_builder.models import Interaction, Settings

    dataset = Dataset(
        settings=Settings(owner="Me"),
        interactions=(
            Interaction.model_validate({"date": "2026-01-05", "with": ["nobody"], "kind": "call"}),
        ),
    )
    assert value(dataset, "interactions") == 1
    assert value(dataset, "interactions", circle="inner") == 0


INTRODUCTION_WHERES: list[dict[str, str | int]] = [{}, {"kind": "intro"}, {"circle": "inner"}]


@pytest.mark.parametrize("where", INTRODUCTION_WHERES)
def test_an_introduction_counts_each_pair_of_people_once(
    write_data: WriteData, where: dict[str, str | int]
) -> None:
    from site_builder.models import Interaction

    root = write_data(
        {
            "contacts/al.yml": "name: Al\ncircle: inner\n",
            "contacts/bob.yml": "name: Bob\ncircle: inner\n",
            "contacts/cy.yml": "name: Cy\ncircle: inner\n",
            # bob is in both lists, an error that the loader reports but keeps the record: the
            # digest is still made from such data. The pairs are al-bob, al-cy and bob-cy.
            "interactions/2026.yml": "- {date: 2026-03-01, with: [al, bob], kind: intro, "
            "introduced: [bob, cy]}\n",
        }
    )
    loaded = load(root)
    assert [p.loc for p in loaded.problems] == [(0, "introduced", 0)]
    assert value(loaded.dataset, "introductions_made", YEAR, **where) == 3
    # A data set made by a script is not validated: names may repeat.
    repeated = Interaction.model_construct(
        date=dt.date(2026, 3, 2), with_=["bob", "bob"], kind="intro", introduced=["al", "al"]
    )
    scripted = Dataset(
        settings=loaded.dataset.settings, contacts=loaded.dataset.contacts, interactions=(repeated,)
    )
    assert value(scripted, "introductions_made", YEAR, **where) == 1
