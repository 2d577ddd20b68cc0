"""The loader: YAML 1.2 scalars, records kept when valid, warnings that do not fail."""

from __future__ import annotations

import datetime as dt

from site_builder.loading.loader import load
from site_builder.loading.yaml_fast import parse
from tests.conftest import WriteData


def test_yaml_1_2_keeps_words_and_leading_zeros() -> None:
    document = parse("a: no\nb: on\nc: 0123\nd: 2026-01-02\ne: 12-10\nf: ~\ng: 0x1F\n")
    assert document == {
        "a": "no", "b": "on", "c": 123, "d": "2026-01-02", "e": "12-10", "f": None,
        "g": 31,
    }


def test_a_full_data_set_loads_into_models(write_data: WriteData) -> None:
    root = write_data({
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
    })
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
    root = write_data({
        "contacts/ada.yml": "name: Ada\ncircle: inner\n",
        "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n"
                                 "- {date: 2026-01-03, with: [ada], kind: carrier-pigeon}\n"
                                 "- {date: 2026-01-04, with: [ada], kind: email}\n",
    })
    result = load(root)
    assert not result.ok
    assert [i.kind for i in result.dataset.interactions] == ["call", "email"]
    assert [(p.line, p.column) for p in result.problems] == [(2, 35)]


def test_a_reference_to_a_person_whose_file_is_broken_is_not_unknown(write_data: WriteData) -> None:
    root = write_data({
        "contacts/ada.yml": "name: Ada\ncircle: innr\n",
        "interactions/2026.yml": "- {date: 2026-01-02, with: [ada], kind: call}\n",
    })
    messages = [p.message for p in load(root).problems]
    assert len(messages) == 1
    assert "circle" in messages[0]


def test_yaml_extension_is_a_warning_not_an_error(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yaml": "name: Ada\ncircle: inner\n"})
    result = load(root)
    assert result.ok
    assert [(p.severity, p.message) for p in result.problems] == [
        ("warning", "ignored: only .yml files are read here")
    ]


def test_cross_references_are_checked(write_data: WriteData) -> None:
    root = write_data({
        "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {event: pycon}\n",
        "events.yml": "- {id: pycon-2026, name: PyCon, date: 2026-05-14, met: [ada, bob]}\n"
                      "- {id: pycon-2026, name: PyCon again, date: 2026-05-15}\n",
        "journal.yml": "- {date: 2026-05-20, about: {contact: adda}, feedback_from: ada}\n",
        "goals.yml": "roadmap:\n  - phase: One\n    months: 1-3\n    targets:\n"
                     "      - {measure: linkedin_conections, target: 900}\n",
        "metrics.yml": "linkedin_connections: [{date: 2026-01-01, value: 1}]\n",
    })
    found = {(p.path.name, p.line, p.message) for p in load(root).problems}
    assert found == {
        ("ada.yml", 3, "unknown event 'pycon' (did you mean 'pycon-2026'?)"),
        ("events.yml", 1, "unknown contact 'bob'"),
        ("events.yml", 2, "duplicate event id 'pycon-2026'"),
        ("events.yml", 1, "duplicate event id 'pycon-2026'"),
        ("journal.yml", 1, "unknown contact 'adda' (did you mean 'ada'?)"),
        ("goals.yml", 5,
         "unknown measure (a series of metrics.yml) 'linkedin_conections' "
         "(did you mean 'linkedin_connections'?)"),
    }


def test_targets_name_exactly_one_kind(write_data: WriteData) -> None:
    root = write_data({"goals.yml": "roadmap:\n  - phase: One\n    months: 13\n    targets:\n"
                                    "      - {metric: gives, milestone: Both}\n"
                                    "      - {milestone: Profile, target: 3}\n"})
    messages = sorted(p.message for p in load(root).problems)
    assert messages == [
        "roadmap[0].months: months must be like `1-3` or `4`, within 1-12, got '13'",
        "roadmap[0].targets[0]: a target names exactly one of metric, measure or milestone",
        "roadmap[0].targets[1]: a milestone has no `target` number; mark it with `done: <date>`",
    ]


def test_settings_are_checked(write_data: WriteData) -> None:
    root = write_data({"settings.yml": "owner: Me\ntimezone: Mars/Olympus\n"
                                       "value_mix_target: {give: 70, share: 20, ask: 20}\n"})
    messages = sorted(p.message for p in load(root).problems)
    assert messages == [
        "timezone: unknown time zone 'Mars/Olympus' (use an IANA name like Europe/London)",
        "value_mix_target: give + share + ask must add up to 100",
    ]
