"""Where it pays off: outcomes by kind, the meeting-to-opportunity rate, opportunities by
source, answers by channel and template, reply speed; the `outcome` filter; the checks of
the new interaction fields; `netdash log --template`. Every expected value is worked out by
hand in the comments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from site_builder.cli.app import app
from site_builder.compute import Report, compute
from site_builder.compute.calendar import Window
from site_builder.compute.metrics import metric_value
from site_builder.compute.report import OpportunitySource, ReplySpeed, ResponseGroup
from site_builder.loading.loader import load
from site_builder.models import Where
from tests.conftest import WriteData

TODAY = dt.date(2026, 4, 15)
SETTINGS = "owner: Test Owner\nroadmap_start: 2026-01-01\n"
PEOPLE = {
    "settings.yml": SETTINGS,
    "contacts/ada.yml": "name: Ada\ncircle: inner\nmet: {on: 2025-05-01, event: pycon}\n",
    "contacts/bob.yml": "name: Bob\ncircle: middle\nmet: {on: 2025-06-01, event: conf}\n",
    "contacts/cy.yml": "name: Cy\ncircle: outer\n",
    "events.yml": """\
    - {id: pycon, name: PyCon, date: 2025-05-01}
    - {id: conf, name: Conf Day, date: 2025-06-01}
    - {id: meetup, name: Meetup Night, date: 2026-02-10}
    """,
    "communities.yml": "- {name: Guild, kind: association, joined: 2025-01-01}\n",
}
OUTCOMES = """\
- {date: 2025-11-01, with: [bob], kind: video, outcomes: [intro_received]}
- {date: 2026-01-10, with: [ada], kind: coffee, outcomes: [job_lead, referral]}
- {date: 2026-02-10, with: [ada, bob], kind: meeting, event: meetup, outcomes: [collaboration]}
- {date: 2026-03-01, with: [bob], kind: call}
- {date: 2026-03-05, with: [cy], kind: message, community: guild, outcomes: [job_lead]}
- {date: 2026-05-01, with: [ada], kind: coffee, outcomes: [speaking]}
"""
OUTREACH = """\
- {date: 2026-03-01, with: [ada], kind: email, initiated: me, template: cold_outreach, replied_on: 2026-03-04}
- {date: 2026-03-02, with: [bob], kind: email, initiated: me, reply: replied}
- {date: 2026-03-03, with: [cy], kind: linkedin, initiated: me, template: cold_outreach, reply: no_reply}
- {date: 2026-03-10, with: [bob], kind: linkedin, initiated: me, template: check_in}
- {date: 2026-03-12, with: [bob], kind: call, initiated: them}
- {date: 2026-03-20, with: [cy], kind: message, initiated: me, template: check_in}
- {date: 2026-04-03, with: [cy], kind: email, initiated: me, reply: pending}
- {date: 2026-04-04, with: [cy], kind: message, initiated: them}
- {date: 2026-04-10, with: [ada], kind: message, initiated: me, reply: pending}
"""


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def test_outcomes_by_kind_and_meetings_that_led_to_one(write_data: WriteData) -> None:
    payoff = report_of(write_data({**PEOPLE, "interactions/all.yml": OUTCOMES})).payoff
    # Up to today: 1 + 2 + 1 + 1 outcomes; the coffee of 2026-05-01 is still to come.
    assert payoff.opportunities == 5
    # job_lead twice (2026-01-10, 2026-03-05); intro_received in 2025, before the year.
    assert [(c.outcome, c.total, c.roadmap_year) for c in payoff.outcomes] == [
        ("referral", 1, 1),
        ("job_lead", 2, 2),
        ("collaboration", 1, 1),
        ("speaking", 0, 0),
        ("intro_received", 1, 0),
        ("partnership", 0, 0),
    ]
    # Meetings: the video, the coffee, the meeting and the call (the message is none);
    # three of the four recorded an outcome.
    assert (payoff.meetings, payoff.meetings_with_outcome, payoff.meeting_rate) == (4, 3, 0.75)


def test_opportunities_by_person_circle_event_and_community(write_data: WriteData) -> None:
    payoff = report_of(write_data({**PEOPLE, "interactions/all.yml": OUTCOMES})).payoff
    # Ada: 2 (coffee) + 1 (meeting); Bob: 1 (video) + 1 (meeting); Cy: 1 (message).
    # Events: the coffee's 2 go to PyCon, where Ada was met; the video's 1 to Conf Day,
    # where Bob was met; the meeting names its own event, Meetup Night, which wins.
    assert payoff.sources == (
        OpportunitySource("person", "ada", "Ada", 3),
        OpportunitySource("person", "bob", "Bob", 2),
        OpportunitySource("person", "cy", "Cy", 1),
        OpportunitySource("circle", "inner", "inner", 3),
        OpportunitySource("circle", "middle", "middle", 2),
        OpportunitySource("circle", "outer", "outer", 1),
        OpportunitySource("event", "pycon", "PyCon", 2),
        OpportunitySource("event", "conf", "Conf Day", 1),
        OpportunitySource("event", "meetup", "Meetup Night", 1),
        OpportunitySource("community", "guild", "Guild", 1),
    )


def test_the_outcome_filter_counts_that_outcome_only(write_data: WriteData) -> None:
    dataset = load(write_data({**PEOPLE, "interactions/all.yml": OUTCOMES})).dataset
    year = Window(dt.date(2026, 1, 1), dt.date(2027, 1, 1))

    def value(metric: str, where: Where | None = None) -> float:
        return metric_value(dataset, TODAY, metric, year, where)

    assert value("opportunities") == 4  # 2 + 1 + 1 in 2026 up to today
    assert value("opportunities", Where(outcome="job_lead")) == 2
    assert value("opportunities", Where(outcome="referral")) == 1
    # The coffee of 2026-01-10 holds two outcomes but is one interaction.
    assert value("interactions", Where(outcome="job_lead")) == 2
    assert value("meetings", Where(outcome="job_lead")) == 1


def test_answers_by_channel_and_template_and_reply_speed(write_data: WriteData) -> None:
    payoff = report_of(write_data({**PEOPLE, "interactions/all.yml": OUTREACH})).payoff
    # email: 03-01 replied_on after 3 days; 03-02 `replied` as written (no day); 04-03
    #   pending, but Cy wrote on 04-04: replied after 1 day. Median of 3 and 1: 2.
    # message: 03-20 nothing recorded and nothing from Cy within 14 days (04-04 is the
    #   15th day): no reply; 04-10 pending, 5 days old: still pending.
    # linkedin: 03-03 no reply as written; 03-10 Bob called on 03-12: replied after 2.
    assert payoff.channels == (
        ResponseGroup("email", 3, 3, 0, 0, 1.0, 2.0),
        ResponseGroup("message", 2, 0, 1, 1, 0.0, None),
        ResponseGroup("linkedin", 2, 1, 1, 0, 0.5, 2.0),
    )
    assert payoff.templates == (
        ResponseGroup("check_in", 2, 1, 1, 0, 0.5, 2.0),
        ResponseGroup("cold_outreach", 2, 1, 1, 0, 0.5, 3.0),
        ResponseGroup(None, 3, 2, 0, 1, 1.0, 1.0),
    )
    # Replies with a day: 3, 2 and 1 days.
    assert payoff.speed == ReplySpeed(3, 2.0, 0, 2, 1, 0)


def test_a_reply_after_today_is_not_seen_yet(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/all.yml": OUTREACH})
    # On 2026-03-11 Bob's call of 03-12 has not happened: the linkedin of 03-10 is pending.
    linkedin = report_of(root, dt.date(2026, 3, 11)).payoff.channels[-1]
    assert (linkedin.key, linkedin.replied, linkedin.no_reply, linkedin.pending) == (
        "linkedin",
        0,
        1,
        1,
    )


def test_payoff_is_in_the_report_json(write_data: WriteData) -> None:
    root = write_data({**PEOPLE, "interactions/all.yml": OUTCOMES})
    result = CliRunner().invoke(
        app, ["report", "--json", "--data", str(root), "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    payoff = json.loads(result.output)["payoff"]
    assert (payoff["opportunities"], payoff["meeting_rate"]) == (5, 0.75)
    assert payoff["sources"][0] == {
        "kind": "person",
        "key": "ada",
        "label": "Ada",
        "opportunities": 3,
    }


def test_unknown_template_event_community_and_an_early_reply_are_problems(
    write_data: WriteData,
) -> None:
    root = write_data(
        {
            **PEOPLE,
            "interactions/2026.yml": """\
            - date: 2026-03-01
              with: [ada]
              kind: email
              template: chek_in
              event: pycn
              community: gild
              replied_on: 2026-02-28
            """,
        }
    )
    problems = [(p.line, p.column, p.message) for p in load(root).problems]
    assert (4, 3, "unknown template 'chek_in' (did you mean 'check_in'?)") in problems
    assert (5, 3, "unknown event 'pycn' (did you mean 'pycon'?)") in problems
    assert (6, 3, "unknown community 'gild' (did you mean 'guild'?)") in problems
    assert (7, 3, "replied_on 2026-02-28 is before the interaction (2026-03-01)") in problems


def test_the_outcome_filter_applies_to_interaction_metrics_only(write_data: WriteData) -> None:
    root = write_data(
        {
            **PEOPLE,
            "goals.yml": """\
            habits:
              - {every: month, metric: opportunities, where: {outcome: job_lead}, target: 1}
              - {every: month, metric: events_attended, where: {outcome: job_lead}, target: 1}
            """,
        }
    )
    problems = load(root).problems
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (3, "habits[1]: where: outcome cannot filter events_attended")
    ]


def test_log_records_the_template(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    args = ["log", "ada", "--kind", "email", "--template", "check_in", "--today", "2026-04-15"]
    result = CliRunner().invoke(app, [*args, "--data", str(root)])
    assert result.exit_code == 0, result.output
    text = (root / "interactions" / "2026.yml").read_text("utf-8")
    assert "  template: check_in\n" in text
    refused = CliRunner().invoke(app, [*args[:5], "chek_in", *args[6:], "--data", str(root)])
    assert refused.exit_code != 0
    assert "did you mean 'check_in'" in refused.output
    assert text == (root / "interactions" / "2026.yml").read_text("utf-8")
