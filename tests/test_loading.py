"""The loader: YAML 1.2 scalars, records kept when valid, warnings that do not fail."""

from __future__ import annotations

import datetime as dt

from site_builder.loading.loader import load
from site_builder.loading.yaml_fast import parse
from tests.conftest import WriteData


def test_yaml_1_2_keeps_words_and_leading_zeros() -> None:
    document = parse("a: no\nb: on\nc: 0123\nd: 2026-01-02\ne: 12-10\nf: ~\ng: 0x1F\n")
    assert document == {
        "a": "no",
        "b": "on",
        "c": 123,
        "d": "2026-01-02",
        "e": "12-10",
        "f": None,
        "g": 31,
    }


def test_a_full_data_set_loads_into_models(write_data: WriteData) -> None:
    root = write_data(
        {
            "settings.yml": "owner: Alex\ncadence_days: {inner: 21}\n",
            "contacts/ada-lovelace.yml": """\
            # yaml-language-server: $schema=../../schemas/contact.schema.json
            name: Ada Lovelace
            circle: inner
            met: {on: 2024-05-02, how: After her talk, event: pycon-2024}
            dates: {birthday: 02-29}
            links: {site: "https://ada.example"}
            private: {email: ada@example.com}
            tags: [no, yes]
            """,
            "interactions/2026.yml": """\
            - date: 2026-11-02
              with: [ada-lovelace]
              kind: coffee
              value: give
              follow_ups:
                - {do: Send the paper, due: 2026-11-04, done: 2026-11-03}
            """,
            "events.yml": "- {id: pycon-2024, name: PyCon, date: 2024-05-01, end: 2024-05-03, met: [ada-lovelace]}\n",
            "goals.yml": "roadmap:\n  - {phase: One, months: 1-3, targets: [{metric: gives, target: 5}]}\n"
            "habits:\n  - {every: week, metric: interactions, target: 2}\n",
            "metrics.yml": "linkedin_connections:\n  - {date: 2026-01-01, value: 500}\n",
            "journal.yml": "- {date: 2024-05-04, about: {event: pycon-2024}, went_well: Asked good questions}\n",
            "communities.yml": "- {name: PyLadies, kind: online, joined: 2025-01-10}\n",
        }
    )
    result = load(root)
    assert result.problems == []
    data = result.dataset
    ada = data.contacts["ada-lovelace"]
    assert ada.tags == ["no", "yes"]
    assert ada.met is not None and ada.met.on == dt.date(2024, 5, 2)
    assert data.settings.cadence_days.inner == 21
    assert data.settings.cadence_days.outer == 365
    assert data.interactions[0].with_ == ["ada-lovelace"]
    assert data.events[0].last_day == dt.date(2024, 5, 3)
    assert data.goals.roadmap[0].month_range == (1, 3)
    assert data.metrics["linkedin_connections"][0].value == 500
    assert data.sources.interactions == ((root / "interactions" / "2026.yml", 0),)


def test_valid_records_survive_a_bad_neighbour(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n"
            "- {date: 2026-01-03, with: [ada], kind: carrier-pigeon}\n"
            "- {date: 2026-01-04, with: [ada], kind: email}\n",
        }
    )
    result = load(root)
    assert not result.ok
    assert [i.kind for i in result.dataset.interactions] == ["call", "email"]
    assert [(p.line, p.column) for p in result.problems] == [(2, 35)]


def test_a_reference_to_a_person_whose_file_is_broken_is_not_unknown(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: innr\n",
            "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n",
        }
    )
    messages = [p.message for p in load(root).problems]
    assert len(messages) == 1
    assert "circle" in messages[0]


def test_files_netdash_does_not_read_are_warnings_not_errors(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yaml": "name: Ada\ncircle: inner\n",
            "events.yaml": "[]\n",
            "contacts/team/bob.yml": "name: Bob\ncircle: inner\n",
            "notes.md": "# my notes\n",
            ".hidden/x.yml": "a: 1\n",
        }
    )
    result = load(root)
    assert result.ok
    assert [
        (p.path.relative_to(root).as_posix(), p.severity, p.message) for p in result.problems
    ] == [
        (
            "contacts/ada.yaml",
            "warning",
            "ignored: netdash does not read 'contacts/ada.yaml' (did you mean 'contacts/ada.yml'?)",
        ),
        (
            "contacts/team/bob.yml",
            "warning",
            "ignored: netdash does not read 'contacts/team/bob.yml' (did you mean 'contacts/bob.yml'?)",
        ),
        (
            "events.yaml",
            "warning",
            "ignored: netdash does not read 'events.yaml' (did you mean 'events.yml'?)",
        ),
    ]


def test_cross_references_are_checked(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {event: pycon}\n",
            "events.yml": "- {id: pycon-2026, name: PyCon, date: 2026-05-14, met: [ada, bob]}\n"
            "- {id: pycon-2026, name: PyCon again, date: 2026-05-15}\n",
            "journal.yml": "- {date: 2026-05-20, about: {contact: adda}, feedback_from: ada}\n",
            "goals.yml": "roadmap:\n  - phase: One\n    months: 1-3\n    targets:\n"
            "      - {measure: linkedin_conections, target: 900}\n",
            "metrics.yml": "linkedin_connections: [{date: 2026-01-01, value: 1}]\n",
        }
    )
    found = {(p.path.name, p.line, p.message) for p in load(root).problems}
    assert found == {
        ("ada.yml", 3, "unknown event 'pycon' (did you mean 'pycon-2026'?)"),
        ("events.yml", 1, "unknown contact 'bob'"),
        ("events.yml", 2, "duplicate event id 'pycon-2026'"),
        ("events.yml", 1, "duplicate event id 'pycon-2026'"),
        ("journal.yml", 1, "unknown contact 'adda' (did you mean 'ada'?)"),
        (
            "goals.yml",
            5,
            "unknown measure (a series of metrics.yml) 'linkedin_conections' "
            "(did you mean 'linkedin_connections'?)",
        ),
    }


def test_targets_name_exactly_one_kind(write_data: WriteData) -> None:
    root = write_data(
        {
            "goals.yml": "roadmap:\n  - phase: One\n    months: 13\n    targets:\n"
            "      - {metric: gives, milestone: Both}\n"
            "      - {milestone: Profile, target: 3}\n"
        }
    )
    messages = sorted(p.message for p in load(root).problems)
    assert messages == [
        "roadmap[0].months: months must be like `1-3` or `4`, within 1-12, got '13'",
        "roadmap[0].targets[0]: a target names exactly one of metric, measure or milestone",
        "roadmap[0].targets[1]: a milestone has no `target` number; mark it with `done: <date>`",
    ]


def test_settings_are_checked(write_data: WriteData) -> None:
    root = write_data(
        {
            "settings.yml": "owner: Me\ntimezone: Mars/Olympus\n"
            "value_mix_target: {give: 70, share: 20, ask: 20}\n"
        }
    )
    messages = sorted(p.message for p in load(root).problems)
    assert messages == [
        "timezone: unknown time zone 'Mars/Olympus' (use an IANA name like Europe/London)",
        "value_mix_target: give + share + ask must add up to 100",
    ]


def test_lines_are_counted_at_newlines_only(write_data: WriteData) -> None:
    summary = '"a\u2028b\x85d"'
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": f"- date: 2026-01-02\n  with: [ada]\n  kind: call\n  summary: {summary}\n"
            "- date: 2026-01-03\n  with: [ada]\n  kind: cofee\n",
        }
    )
    assert [(p.line, p.column) for p in load(root).problems] == [(7, 3)]


def test_empty_optional_keys_mean_left_out(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": "name: Ada\ncircle: inner\ncompany:\ntags:\nlinks:\n"})
    result = load(root)
    assert result.problems == []
    assert result.dataset.contacts["ada"].tags == []
    root = write_data({"contacts/ada.yml": "name:\ncircle: inner\ncompnay:\n"})
    assert sorted(p.message for p in load(root).problems) == [
        "name: expected some text, got nothing",
        "unknown key 'compnay' (did you mean 'company'?)",
    ]


def test_values_are_bounded_and_finite(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\ncadence_days: 1000000000\nmet: {on: 9999-12-31}\n",
            "metrics.yml": "followers: [{date: 2026-01-01, value: .nan}]\n",
            "settings.yml": "owner: Me\ndormant_after: .inf\n"
            "circle_targets: {inner: {min: 10, max: 5}}\n",
        }
    )
    assert sorted(p.message for p in load(root).problems) == [
        "cadence_days: 1000000000 is out of range: must be at most 3650",
        "circle_targets.inner: min 10 is above max 5",
        "dormant_after: expected a finite number, got inf",
        "followers[0].value: expected a finite number, got nan",
        "met.on: 9999-12-31 is out of range: dates run from 1900-01-01 to 2999-12-31",
    ]


def test_ids_listed_twice_and_python_names_are_errors(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "interactions/2026.yml": "- {date: 2026-01-02, with: [ada, ada], kind: call}\n"
            "- {date: 2026-01-02, with_: [ada], kind: call}\n",
        }
    )
    assert sorted(p.message for p in load(root).problems) == [
        "unknown key 'with_' (did you mean 'with'?)",
        "with: 'ada' listed more than once",
    ]


def test_union_and_key_errors_read_plainly(write_data: WriteData) -> None:
    root = write_data(
        {
            "goals.yml": "roadmap:\n  - phase: A\n    months: 1-3\n    targets:\n"
            "      - {metric: events_attended, where: {kind: confrence}, target: 2}\n",
            "metrics.yml": "Bad-Name: [{date: 2026-01-01, value: 1}]\n",
            "contacts/ada.yml": "name: Ada\ncircle: inner\n2: two\n",
        }
    )
    messages = sorted(p.message for p in load(root).problems)
    assert messages[0] == "key 'Bad-Name' is not a series name (lowercase words joined by _)"
    assert messages[1] == "key 2 must be text"
    assert messages[2].startswith(
        "roadmap[0].targets[0].where.kind: 'confrence' is not one of coffee,"
    )
    assert messages[2].endswith("non-work (did you mean 'conference'?)")
    assert len(messages) == 3


def test_what_only_the_reference_parser_reads_is_read(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": 'name: "Ada\nLovelace"\ncircle: inner\n'})
    result = load(root)
    assert result.problems == []
    assert result.dataset.contacts["ada"].name == "Ada Lovelace"


def test_a_where_key_that_cannot_filter_the_metric_is_an_error(write_data: WriteData) -> None:
    root = write_data(
        {
            "goals.yml": """\
        roadmap:
          - phase: A
            months: 1-3
            targets:
              - {metric: events_attended, where: {circle: inner}, target: 2}
        habits:
          - {every: week, metric: communities_joined, where: {tag: x}, target: 1}
        """
        }
    )
    assert sorted((p.line, p.message) for p in load(root).problems) == [
        (
            5,
            "roadmap[0].targets[0]: where: circle cannot filter events_attended; it takes kind, role",
        ),
        (7, "habits[0]: where: tag cannot filter communities_joined; it takes kind, role"),
    ]
