"""Communities: ids, activity with or without people, presence streaks, the
`community_activities` metric, role filters, and the checks on community ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_builder.compute import Report, compute
from site_builder.compute.calendar import Window
from site_builder.compute.communities import streaks
from site_builder.compute.metrics import metric_value
from site_builder.loading.loader import load
from site_builder.models import Where
from tests.conftest import WriteData

TODAY = dt.date(2026, 11, 23)
D = dt.date

COMMUNITIES = """\
    - name: Product Guild London
      id: guild
      kind: association
      joined: 2019-06-12
      role: committee
      role_since: 2026-10-07
    - name: Hackney Harriers
      kind: non-work
      joined: 2024-04-13
      role: volunteer
    - name: Reforge Cohort
      kind: learning
      joined: 2026-03-02
      left: 2026-05-29
    - name: Open Banking Builders
      kind: online
      joined: 2026-02-20
      role: organizer
    """
INTERACTIONS = """\
    - {date: 2026-08-16, kind: volunteering, value: give, community: hackney-harriers}
    - {date: 2026-09-20, kind: volunteering, value: give, community: hackney-harriers}
    - {date: 2026-09-27, kind: post, value: share, community: hackney-harriers}
    - {date: 2026-10-18, kind: volunteering, value: give, community: hackney-harriers}
    - {date: 2026-11-15, kind: volunteering, value: give, community: hackney-harriers}
    - {date: 2026-03-26, with: [ada], kind: event, value: share, community: guild}
    - {date: 2026-07-16, kind: talk, value: give, community: guild}
    - {date: 2026-09-17, with: [ada, bo], kind: coffee, community: guild}
    - {date: 2026-10-05, with: [ada], kind: call}
    - {date: 2026-12-02, kind: talk, community: guild}
    """
CONTACTS = {
    "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2026-03-26, community: guild}\n",
    "contacts/bo.yml": "name: Bo\ncircle: middle\nmet: {community: guild}\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\nmet: {community: open-banking-builders}\n",
}


def data(write_data: WriteData) -> Path:
    return write_data(
        {**CONTACTS, "communities.yml": COMMUNITIES, "interactions/2026.yml": INTERACTIONS}
    )


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        # August to November, today in November: four months in a row, the best too
        ([D(2026, 8, 16), D(2026, 9, 20), D(2026, 10, 18), D(2026, 11, 15)], TODAY, (4, 4)),
        # September and October; November is not over, so the streak still stands
        ([D(2026, 9, 1), D(2026, 10, 31)], TODAY, (2, 2)),
        # ... and on 1 December, November is missed: the streak is over
        ([D(2026, 9, 1), D(2026, 10, 31)], D(2026, 12, 1), (0, 2)),
        # Jan-Mar (3), a gap, Jul-Aug (2): the current run is 2, the best 3
        ([D(2026, m, 5) for m in (1, 2, 3, 7, 8)], D(2026, 8, 20), (2, 3)),
        # December into January is "in a row"; three days of one month count once
        ([D(2025, 12, 1), D(2025, 12, 2), D(2025, 12, 3), D(2026, 1, 9)], D(2026, 1, 9), (2, 2)),
        # a day after today does not count
        ([D(2026, 10, 1), D(2026, 11, 24)], TODAY, (1, 1)),
        ([], TODAY, (0, 0)),
    ],
)
def test_presence_streaks(days: list[dt.date], today: dt.date, expected: tuple[int, int]) -> None:
    assert streaks(days, today) == expected


def test_each_community_with_its_people_activity_and_streak(write_data: WriteData) -> None:
    report = report_of(data(write_data))
    found = {c.id: c for c in report.communities}
    # current ones first by name, then the one left (Reforge, left in May)
    assert [c.id for c in report.communities] == [
        "hackney-harriers",
        "open-banking-builders",
        "guild",
        "reforge-cohort",
    ]
    assert [c.current for c in report.communities] == [True, True, True, False]
    harriers = found["hackney-harriers"]
    assert (harriers.streak, harriers.best_streak) == (4, 4)
    # the first five interactions, latest first
    assert harriers.interaction_indexes == (4, 3, 2, 1, 0)
    assert harriers.last_activity == D(2026, 11, 15)
    assert harriers.people == ()
    guild = found["guild"]
    # March, July, September: the talk booked for 2 December is not an activity yet
    assert guild.interaction_indexes == (7, 6, 5)
    assert (guild.streak, guild.best_streak) == (0, 1)
    assert guild.people == ("ada", "bo") and guild.names == ("Ada", "Bo")
    assert found["open-banking-builders"].people == ("cy",)
    reforge = found["reforge-cohort"]
    assert (reforge.interaction_indexes, reforge.last_activity) == ((), None)


def test_an_activity_alone_touches_nobody_but_counts(write_data: WriteData) -> None:
    root = data(write_data)
    result = load(root)
    report = compute(result.dataset, TODAY)
    person = report.person("ada")
    assert person is not None and person.last_touch == D(2026, 10, 5)
    july = Window(D(2026, 7, 1), D(2026, 8, 1))
    # the July talk alone is an interaction, and a give
    assert metric_value(result.dataset, TODAY, "interactions", july) == 1
    assert metric_value(result.dataset, TODAY, "gives", july) == 1
    # ... but no interaction with anyone in a circle
    assert metric_value(result.dataset, TODAY, "interactions", july, Where(circle="inner")) == 0


def test_community_activities_counts_tagged_interactions(write_data: WriteData) -> None:
    dataset = load(data(write_data)).dataset
    year = Window(D(2026, 1, 1), D(2027, 1, 1))
    # 5 at the Harriers, 3 at the Guild by today (the call of 5 October has no community,
    # the talk of 2 December is after today)
    assert metric_value(dataset, TODAY, "community_activities", year) == 8
    autumn = Window(D(2026, 9, 1), D(2026, 12, 1))
    assert metric_value(dataset, TODAY, "community_activities", autumn) == 5
    volunteering = Where(kind="volunteering")
    assert metric_value(dataset, TODAY, "community_activities", year, volunteering) == 4
    assert metric_value(dataset, TODAY, "community_activities", year, Where(value="share")) == 2
    later = D(2026, 12, 31)
    assert metric_value(dataset, later, "community_activities", year) == 9


def test_communities_joined_by_role_counts_from_the_day_the_role_was_taken(
    write_data: WriteData,
) -> None:
    dataset = load(data(write_data)).dataset
    last_quarter = Window(D(2026, 10, 1), D(2027, 1, 1))
    committee = Where(kind="association", role="committee")
    # the Guild was joined in 2019, but its committee seat taken on 7 October 2026
    assert metric_value(dataset, TODAY, "communities_joined", last_quarter, committee) == 1
    assert metric_value(dataset, TODAY, "communities_joined", last_quarter) == 0
    year = Window(D(2026, 1, 1), D(2027, 1, 1))
    # Reforge (March) and Open Banking Builders (February) were joined in 2026
    assert metric_value(dataset, TODAY, "communities_joined", year) == 2
    # an organizer since joining in February (no role_since: the day joined)
    organizer = Where(role="organizer")
    assert metric_value(dataset, TODAY, "communities_joined", year, organizer) == 1
    before = D(2026, 10, 6)
    assert metric_value(dataset, before, "communities_joined", last_quarter, committee) == 0


def test_a_community_id_defaults_to_its_name_as_a_slug(write_data: WriteData) -> None:
    root = write_data(
        {"communities.yml": "- {name: Fintech Women & Allies, kind: online, joined: 2026-02-03}\n"}
    )
    assert [c.id for c in load(root).dataset.communities] == ["fintech-women-allies"]


def test_unknown_community_ids_are_errors_with_a_suggestion(write_data: WriteData) -> None:
    root = write_data(
        {
            **CONTACTS,
            "contacts/bo.yml": "name: Bo\ncircle: middle\nmet: {community: gild}\n",
            "communities.yml": COMMUNITIES,
            "interactions/2026.yml": "- {date: 2026-01-02, kind: post}\n"
            "- date: 2026-01-03\n  kind: talk\n  community: hackney-hariers\n",
        }
    )
    problems = sorted((p.path.name, p.line, p.column, p.message) for p in load(root).problems)
    assert problems == [
        ("2026.yml", 1, 3, "an interaction names `with` (contact ids) or a `community`"),
        (
            "2026.yml",
            4,
            3,
            "unknown community 'hackney-hariers' (did you mean 'hackney-harriers'?)",
        ),
        ("bo.yml", 3, 7, "unknown community 'gild' (did you mean 'guild'?)"),
    ]


def test_two_communities_with_one_id_and_an_activity_alone_with_a_promise_are_errors(
    write_data: WriteData,
) -> None:
    root = write_data(
        {
            "communities.yml": "- {name: Guild, kind: online, joined: 2026-01-01}\n"
            "- {name: guild, kind: association, joined: 2026-01-01}\n",
            "interactions/2026.yml": "- date: 2026-01-02\n  kind: talk\n  community: guild\n"
            "  follow_ups: [{do: Send the slides}]\n",
        }
    )
    problems = sorted((p.path.name, p.line, p.message) for p in load(root).problems)
    assert problems == [
        (
            "2026.yml",
            1,
            "follow_ups need people in `with`; an activity in a community alone has none",
        ),
        ("communities.yml", 1, "duplicate community id 'guild'; give one an `id`"),
        ("communities.yml", 2, "duplicate community id 'guild'; give one an `id`"),
    ]


def test_a_role_from_the_other_list_cannot_filter(write_data: WriteData) -> None:
    root = write_data(
        {
            "goals.yml": "habits:\n"
            "  - {every: month, metric: events_attended, where: {role: committee}, target: 1}\n"
            "  - {every: month, metric: communities_joined, where: {role: speaker}, target: 1}\n"
        }
    )
    assert sorted((p.line, p.message) for p in load(root).problems) == [
        (
            2,
            "habits[0]: where: role 'committee' is not a role of events_attended: "
            "attendee, speaker, host, volunteer",
        ),
        (
            3,
            "habits[1]: where: role 'speaker' is not a role of communities_joined: "
            "member, volunteer, committee, board, organizer",
        ),
    ]


def test_check_reports_an_unknown_community_at_its_line(write_data: WriteData) -> None:
    from typer.testing import CliRunner

    from site_builder.cli.app import app

    root = write_data(
        {
            "communities.yml": COMMUNITIES,
            "interactions/2026.yml": "- {date: 2026-01-03, kind: talk, community: gild}\n",
        }
    )
    before = (root / "interactions" / "2026.yml").read_bytes()
    result = CliRunner().invoke(app, ["check", "--data", str(root)])
    assert result.exit_code == 1
    assert "2026.yml:1:34: error: unknown community 'gild' (did you mean 'guild'?)" in (
        result.stdout
    )
    assert (root / "interactions" / "2026.yml").read_bytes() == before
