"""Invariants of the engine over generated data sets."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.compute import compute
from site_builder.compute.calendar import Window
from site_builder.compute.index import build_index
from site_builder.compute.metrics import ADDITIVE_METRICS, MetricBook
from site_builder.compute.schedule import priority_key
from site_builder.models import Contact, Dataset, Event, Interaction, Settings, Where

IDS = [f"p{k}" for k in range(6)]
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
optional_days = st.none() | days


@st.composite
def contacts(draw: st.DrawFn) -> dict[str, Contact]:
    chosen = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    found = {}
    for contact_id in chosen:
        met_on = draw(optional_days)
        found[contact_id] = Contact.model_validate(
            {
                "name": draw(st.sampled_from(["Ada", "Bob", "Cy", "ada"])),
                "circle": draw(st.sampled_from(["inner", "middle", "outer"])),
                "cadence_days": draw(st.none() | st.integers(1, 120)),
                "met": {"on": met_on} if met_on else None,
                "snooze_until": draw(optional_days),
                "archived": draw(st.booleans()),
                "influence": draw(st.none() | st.integers(1, 5)),
                "tags": draw(st.lists(st.sampled_from(["python", "data"]), max_size=2)),
            }
        )
    return found


@st.composite
def interactions(draw: st.DrawFn, people: list[str]) -> Interaction:
    return Interaction.model_validate(
        {
            "date": draw(days),
            "with": draw(st.lists(st.sampled_from(people), min_size=1, max_size=3, unique=True)),
            "kind": draw(
                st.sampled_from(["coffee", "call", "email", "message", "linkedin", "gift"])
            ),
            "value": draw(st.none() | st.sampled_from(["give", "share", "ask", "social"])),
            "meeting": draw(st.none() | st.sampled_from(["accepted", "declined"])),
            "outcomes": draw(st.lists(st.sampled_from(["referral", "job_lead"]), max_size=2)),
            "introduced": draw(st.lists(st.sampled_from(["x1", "x2"]), max_size=2, unique=True)),
        }
    )


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    people = draw(contacts())
    history = draw(st.lists(interactions(sorted(people)), max_size=25))
    events = tuple(
        Event.model_validate({"id": f"e{k}", "name": "E", "date": day, "kind": kind, "role": role})
        for k, (day, kind, role) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        days,
                        st.sampled_from(["conference", "meetup"]),
                        st.sampled_from(["attendee", "host"]),
                    ),
                    max_size=4,
                )
            )
        )
    )
    return Dataset(
        settings=Settings(owner="Me"), contacts=people, interactions=tuple(history), events=events
    )


def with_touch(dataset: Dataset, contact: str, day: dt.date) -> Dataset:
    touch = Interaction.model_validate({"date": day, "with": [contact], "kind": "call"})
    return Dataset(
        settings=dataset.settings,
        contacts=dataset.contacts,
        interactions=(*dataset.interactions, touch),
        events=dataset.events,
    )


COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(datasets(), days)
def test_due_is_never_before_the_anchor(dataset: Dataset, today: dt.date) -> None:
    for point in compute(dataset, today).touchpoints:
        assert point.anchor is None or point.due is None or point.due >= point.anchor
        assert point.overdue_days >= 0


@COMMON
@given(datasets(), days, days, st.data())
def test_a_touch_never_makes_a_contact_more_overdue(
    dataset: Dataset, today: dt.date, touched: dt.date, data: st.DataObject
) -> None:
    before = {p.contact: p for p in compute(dataset, today).touchpoints}
    if not before:
        return
    contact = data.draw(st.sampled_from(sorted(before)))
    point = before[contact]
    if point.anchor is None and touched < today - dt.timedelta(days=point.cadence_days):
        return  # first touch of someone never met: it reveals how overdue they were
    touched_report = compute(with_touch(dataset, contact, touched), today)
    after = {p.contact: p for p in touched_report.touchpoints}
    assert after[contact].overdue_days <= point.overdue_days
    due_before, due_after = point.due, after[contact].due
    assert (
        due_before is None
        or (due_after is not None and due_after >= due_before)
        or after[contact].status == "scheduled"
    )


@COMMON
@given(datasets(), days, st.randoms(use_true_random=False))
def test_the_order_is_total_and_stable(
    dataset: Dataset, today: dt.date, rng: random.Random
) -> None:
    ordered = compute(dataset, today).touchpoints
    keys = [priority_key(point) for point in ordered]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    shuffled = list(dataset.contacts.items())
    rng.shuffle(shuffled)
    again = Dataset(
        settings=dataset.settings,
        contacts=dict(shuffled),
        interactions=dataset.interactions[::-1],
        events=dataset.events,
    )
    assert compute(again, today).touchpoints == ordered


WHERES: list[dict[str, Any]] = [
    {},
    {"circle": "inner"},
    {"tag": "python"},
    {"influence_min": 3},
    {"value": "give"},
    {"kind": "email"},
    {"kind": "conference", "role": "host"},
]


@COMMON
@given(
    datasets(),
    days,
    st.lists(days, min_size=3, max_size=3),
    st.sampled_from(ADDITIVE_METRICS),
    st.sampled_from(WHERES),
)
def test_counting_metrics_add_up_over_a_split_window(
    dataset: Dataset,
    today: dt.date,
    bounds: list[dt.date],
    metric: str,
    where: dict[str, Any],
) -> None:
    start, middle, end = sorted(bounds)
    book = MetricBook(build_index(dataset, today))
    filters = Where.model_validate(where) if where else None
    whole = book.value(metric, Window(start, end), filters)
    parts = book.value(metric, Window(start, middle), filters) + book.value(
        metric, Window(middle, end), filters
    )
    assert whole == parts


@given(datasets(), days)
def test_the_index_orders_by_date_then_file_position(dataset: Dataset, today: dt.date) -> None:
    index = build_index(dataset, today)
    records = dataset.interactions
    expected = sorted(range(len(records)), key=lambda p: (records[p].date, p))
    assert list(index.by_date) == expected
    assert list(index.dates) == [records[p].date for p in expected]
    assert index.past_end == sum(1 for i in records if i.date <= today)
    for contact in {c for i in records for c in i.with_}:
        mine = [p for p in expected if contact in records[p].with_]
        history = index.history(contact)
        assert list(history.indexes) == mine
        assert history.past_count == sum(1 for p in mine if records[p].date <= today)
    assert list(index.past_in_file_order()) == [i for i in records if i.date <= today]
