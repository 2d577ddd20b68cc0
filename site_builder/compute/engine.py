"""`compute(dataset, today) -> Report`: the one entry point of the engine."""

from __future__ import annotations

import datetime as dt

from site_builder.compute import activity, agenda, events, health, network, reminders, schedule
from site_builder.compute.communities import community_summaries
from site_builder.compute.habits import habits
from site_builder.compute.history import relationship_history
from site_builder.compute.index import build_index
from site_builder.compute.intros import introductions
from site_builder.compute.journal import journal_notes, open_actions
from site_builder.compute.metrics import MetricBook
from site_builder.compute.payoff import payoff
from site_builder.compute.people import people
from site_builder.compute.prep import event_preps
from site_builder.compute.report import Report
from site_builder.compute.review import reviews
from site_builder.compute.roadmap import burnups, roadmap, roadmap_window
from site_builder.compute.series import all_metric_series, measure_series
from site_builder.models import Dataset


def compute(dataset: Dataset, today: dt.date, *, budget: int | None = None) -> Report:
    """Every figure of the site for `today`, from `dataset` alone (pure: no I/O, no clock);
    `budget` plans the week with another number of moves than `settings.weekly_budget`."""
    index = build_index(dataset, today)
    book = MetricBook(index)
    year = roadmap_window(dataset.settings.roadmap_start)
    touchpoints = schedule.touchpoints(index)
    steps = events.event_follow_ups(index)
    summaries = events.event_summaries(index, steps)
    metrics = all_metric_series(book, year)
    phases = roadmap(book)
    points = {point.contact: point for point in touchpoints}
    everyone = people(index, points, book.timeline.today)
    quarters = activity.quarter_outcomes(book)
    key_dates = reminders.key_dates(index)
    follow_ups = reminders.open_follow_ups(index)
    notes = journal_notes(index)
    actions = open_actions(notes)
    intros = introductions(index, everyone)
    board = network.board(index)
    return Report(
        today=today,
        owner=dataset.settings.owner,
        roadmap_start=year.start,
        roadmap_end=year.end,
        touchpoints=touchpoints,
        key_dates=key_dates,
        follow_ups=follow_ups,
        events=summaries,
        event_follow_ups=steps,
        metrics=metrics,
        measures=measure_series(dataset),
        roadmap=phases,
        burnups=burnups(metrics, phases, year, today),
        habits=habits(book),
        people=everyone,
        value_mix=activity.value_mix(index),
        circles=network.circle_sizes(index),
        board=board,
        matrix=network.matrix(index),
        responses=activity.response_rates(index),
        quarters=quarters,
        quarters_total=activity.outcomes_over(book, quarters),
        diversity=network.diversity(index),
        consistency=activity.consistency(index),
        workload=activity.workload(index, touchpoints),
        event_totals=events.event_totals(summaries),
        freshness=health.freshness(index, everyone),
        missing_fields=health.missing_fields(everyone),
        agenda=agenda.plan(
            index,
            touchpoints,
            everyone,
            key_dates=key_dates,
            follow_ups=follow_ups,
            event_follow_ups=steps,
            budget=budget,
            journal_actions=actions,
            introductions=intros,
        ),
        introductions=intros,
        communities=community_summaries(index),
        payoff=payoff(book, year),
        prep=event_preps(index, everyone),
        journal=notes,
        journal_actions=actions,
        relationship_history=relationship_history(book.timeline),
        reviews=reviews(index, everyone, board),
    )
