"""Relationship history: strength as of each month's end, the 90-day change, and the
strength metrics; every expected value worked by hand from the formula in the guide."""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left, bisect_right

import pytest

from site_builder.compute import compute
from site_builder.compute.calendar import Window
from site_builder.compute.history import StrengthTimeline, history_days
from site_builder.compute.index import build_index
from site_builder.compute.metrics import metric_value
from site_builder.compute.people import initiative_of, strength_of, strength_score
from site_builder.loading.loader import load
from site_builder.models import Dataset, Where
from tests.conftest import WriteData

TODAY = dt.date(2026, 6, 30)
FILES = {
    # inner: cadence 30, dormant after 60 days; 365 / 30 = 12.1667 touches a year
    "contacts/ana.yml": "name: Ana\ncircle: inner\n",
    # middle: cadence 90, dormant after 180 days; 365 / 90 = 4.0556 touches a year
    "contacts/bo.yml": "name: Bo\ncircle: middle\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\narchived: true\n",
    "interactions/2026.yml": """
        - {date: 2026-01-10, with: [ana], kind: call, initiated: me}
        - {date: 2026-02-20, with: [ana], kind: call, initiated: them}
        - {date: 2026-06-05, with: [ana], kind: call, initiated: them}
        - {date: 2026-05-20, with: [bo], kind: email, initiated: them}
        - {date: 2026-06-01, with: [bo], kind: email, initiated: them}
        - {date: 2026-06-15, with: [bo], kind: email, initiated: them}
        - {date: 2026-06-29, with: [bo, cy], kind: email, initiated: them}
        - {date: 2026-07-20, with: [ana], kind: coffee, planned: true}
        """,
    "reviews.yml": """
        - {quarter: 2026Q1, date: 2026-04-03}
        - {quarter: 2026Q2, date: 2026-07-02}
        """,
}


def _dataset(write_data: WriteData) -> Dataset:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    return result.dataset


def test_the_days_are_the_ends_of_the_last_eleven_months_then_today() -> None:
    days = history_days(TODAY)
    assert days[0] == dt.date(2025, 7, 31) and days[-2] == dt.date(2026, 5, 31)
    assert days[-1] == TODAY and len(days) == 12
    assert dt.date(2026, 2, 28) in days and dt.date(2025, 9, 30) in days


def test_strength_at_each_months_end(write_data: WriteData) -> None:
    history = compute(_dataset(write_data), TODAY).relationship_history
    # Ana, as of 31 January: 21 days since 10 January, 1 - 21/60 = 0.65; 1 touch / 12.1667 =
    # 0.0822; she started none: 0. 100 x (0.325 + 0.0247) = 34.97 -> 35.
    # 28 February: 8 days, 0.8667; 2 touches 0.1644; one of two hers: 1.0 -> 68.26 -> 68.
    # 31 March: 39 days, 0.35 -> 42.43 -> 42. April and May: over 60 days, recency 0 -> 25.
    # Today: 25 days since 5 June, 0.5833; 3 touches 0.2466; 2 of 3 hers: 1.0 -> 57.
    assert history.scores["ana"] == (0, 0, 0, 0, 0, 0, 35, 68, 42, 25, 25, 57)
    # Bo on 31 May: 11 days, 1 - 11/180 = 0.9389; 1 / 4.0556 = 0.2466; 1.0 -> 74.34 -> 74.
    # Today: 1 day, 0.9944; 4 touches 0.9863; 1.0 -> 99.31 -> 99.
    assert history.scores["bo"][-2:] == (74, 99)
    assert "cy" not in history.scores  # archived
    assert history.strong == (0,) * 11 + (1,)  # Bo, today (80 or more)


def test_today_matches_the_strength_of_the_people(write_data: WriteData) -> None:
    report = compute(_dataset(write_data), TODAY)
    for person in report.people:
        if not person.archived:
            assert report.relationship_history.scores[person.contact][-1] == person.strength.score


def test_the_change_over_90_days(write_data: WriteData) -> None:
    history = compute(_dataset(write_data), TODAY).relationship_history
    # 1 April (90 days before): Ana 40 days since 20 February, 0.3333 -> 41.6 -> 42; 57 - 42.
    # Bo had no touch yet: 0.
    assert history.change_90_days == {"ana": 15, "bo": 99}


def test_strong_relationships_is_a_level_at_the_windows_last_day(write_data: WriteData) -> None:
    dataset = _dataset(write_data)
    june = Window(dt.date(2026, 6, 1), dt.date(2026, 7, 1))
    may = Window(dt.date(2026, 5, 1), dt.date(2026, 6, 1))
    assert metric_value(dataset, TODAY, "strong_relationships", june) == 1
    assert metric_value(dataset, TODAY, "strong_relationships", may) == 0  # Bo 74
    inner = Where(circle="inner")
    assert metric_value(dataset, TODAY, "strong_relationships", june, inner) == 0


def test_relationships_deepened_compares_the_day_before_with_the_last_day(
    write_data: WriteData,
) -> None:
    dataset = _dataset(write_data)
    quarter = Window(dt.date(2026, 4, 1), dt.date(2026, 7, 1))
    # 31 March -> today: Ana 42 -> 57 (+15, just enough), Bo 0 -> 99.
    assert metric_value(dataset, TODAY, "relationships_deepened", quarter) == 2
    middle = Where(circle="middle")
    assert metric_value(dataset, TODAY, "relationships_deepened", quarter, middle) == 1
    # 31 December -> 31 March: Ana 0 -> 42; Bo none yet.
    first = Window(dt.date(2026, 1, 1), dt.date(2026, 4, 1))
    assert metric_value(dataset, TODAY, "relationships_deepened", first) == 1
    # 31 May -> today, Ana 25 -> 57, Bo 74 -> 99; 28 February -> 31 March, Ana fell.
    assert (
        metric_value(
            dataset,
            TODAY,
            "relationships_deepened",
            Window(dt.date(2026, 6, 1), dt.date(2026, 7, 1)),
        )
        == 2
    )
    march = Window(dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    assert metric_value(dataset, TODAY, "relationships_deepened", march) == 0


def test_reviews_done_counts_reviews_by_their_date(write_data: WriteData) -> None:
    dataset = _dataset(write_data)
    second = Window(dt.date(2026, 4, 1), dt.date(2026, 7, 1))
    third = Window(dt.date(2026, 7, 1), dt.date(2026, 10, 1))
    assert metric_value(dataset, TODAY, "reviews_done", second) == 1
    assert metric_value(dataset, TODAY, "reviews_done", third) == 0  # dated after today
    assert metric_value(dataset, dt.date(2026, 7, 2), "reviews_done", third) == 1


def test_a_quarterly_habit_of_the_new_metrics(write_data: WriteData) -> None:
    files = {
        **FILES,
        "goals.yml": """
            habits:
              - {every: quarter, metric: reviews_done, target: 1}
              - {every: quarter, metric: relationships_deepened, target: 2}
            """,
    }
    result = load(write_data(files))
    assert result.ok, result.problems
    reviews, deepened = compute(result.dataset, TODAY).habits
    assert (reviews.current.actual, reviews.current.met, reviews.streak) == (1, True, 1)
    assert (deepened.current.actual, deepened.current.met) == (2, True)


def _many_people(write_data: WriteData, dormant_after: float = 1.5) -> Dataset:
    """40 people of every cadence (yearly or more often) and 700 touches over four years,
    some started by me, some by them, some unsaid."""
    rng = random.Random(7)
    files: dict[str, str] = {}
    for n in range(40):
        own = f"cadence_days: {rng.choice([7, 45, 200])}\n" if n % 5 == 0 else ""
        circle = rng.choice(["inner", "middle", "outer"])
        files[f"contacts/p{n}.yml"] = f"name: P{n}\ncircle: {circle}\n{own}"
    start = dt.date(2023, 1, 1)
    lines = []
    for _ in range(700):
        day = start + dt.timedelta(days=rng.randrange(1400))
        people = ", ".join(f"p{n}" for n in rng.sample(range(40), rng.choice([1, 1, 2])))
        starter = rng.choice(["me", "them", None])
        initiated = f", initiated: {starter}" if starter else ""
        lines.append(f"- {{date: {day}, with: [{people}], kind: call{initiated}}}")
    files["interactions/all.yml"] = "\n".join(lines) + "\n"
    files["settings.yml"] = f"owner: Test Owner\ndormant_after: {dormant_after}\n"
    result = load(write_data(files))
    assert result.ok, result.problems
    return result.dataset


@pytest.mark.parametrize("dormant_after", [1.5, 0.4, 1e9])
def test_the_timeline_gives_the_scores_of_the_strength_formula(
    write_data: WriteData, dormant_after: float
) -> None:
    """The timeline writes `strength_score`'s arithmetic out and looks its recency part up:
    on many people and days it gives what the formula gives, called on each one's touches
    as of each day; also when a yearly cadence turns dormant within the year (0.4) and when
    dormancy lies far past any gap in the data (1e9)."""
    dataset = _many_people(write_data, dormant_after)
    start = dt.date(2023, 1, 1)
    today = dt.date(2026, 6, 30)
    index = build_index(dataset, today)
    days = [start + dt.timedelta(days=k) for k in range(0, 1300, 11)]
    columns = StrengthTimeline(index).columns(days)
    limit_factor = dataset.settings.dormant_after
    for position, contact in enumerate(index.active):
        history = index.histories[contact]
        dates = history.dates[: history.past_count]
        cadence = index.cadences[contact]
        for asked, column in zip(days, columns, strict=True):
            day = min(asked, today)  # a later day is taken as today
            count = bisect_right(dates, day)
            expected = 0
            if count:
                started = [index.initiated[p] for p in history.indexes[:count]]
                expected = strength_score(
                    (day - dates[count - 1]).days,
                    limit_factor * cadence,
                    count - bisect_left(dates, day - dt.timedelta(days=364)),
                    max(1.0, 365 / cadence),
                    initiative_of(started.count("me"), started.count("them")),
                )
            assert column[position] == expected, (contact, day)


def test_todays_strengths_of_the_timeline_are_those_of_the_people_step(
    write_data: WriteData,
) -> None:
    """People take today's strength, with its parts, from the timeline's pass: the same as
    `strength_of` makes for each contact on its own, on many people and several days."""
    dataset = _many_people(write_data)
    for today in (dt.date(2023, 1, 1), dt.date(2024, 7, 15), dt.date(2026, 6, 30)):
        index = build_index(dataset, today)
        made = StrengthTimeline(index).today
        touched = [c for c in index.active if index.history(c).past_count]
        assert sorted(made) == sorted(touched)
        for contact in touched:
            assert made[contact] == strength_of(index, contact, index.history(contact)), contact
