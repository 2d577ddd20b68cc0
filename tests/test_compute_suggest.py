"""Which template suits a contact today: the first rule that applies wins."""

from __future__ import annotations

import datetime as dt

import pytest

from site_builder.compute.suggest import suggested_template
from site_builder.drafts import DraftError
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 6, 15)
FILES = {
    "contacts/prospect.yml": "name: Pat Prospect\ncircle: outer\n",
    "contacts/fresh.yml": "name: Fay Fresh\ncircle: outer\n",
    "contacts/promised.yml": "name: Pam Promised\ncircle: inner\n",
    "contacts/kept.yml": "name: Kim Kept\ncircle: inner\n",
    "contacts/dormant.yml": "name: Dora Mant\ncircle: inner\nmet: {on: 2025-01-01}\n",
    "contacts/steady.yml": "name: Stu Steady\ncircle: inner\n",
    "contacts/old-event.yml": "name: Olly Old\ncircle: outer\nmet: {on: 2026-05-01}\n",
    "events.yml": """\
        - {id: meetup, name: Meetup, date: 2026-06-09, end: 2026-06-10, met: [fresh, promised]}
        - {id: spring, name: Spring, date: 2026-05-01, met: [old-event]}
        """,
    "interactions/2026.yml": """\
        - date: 2026-06-01
          with: [promised]
          kind: coffee
          follow_ups: [{do: Send the deck}]
        - date: 2026-06-01
          with: [kept]
          kind: coffee
          follow_ups: [{do: Send the deck, done: 2026-06-02}]
        - {date: 2026-06-01, with: [steady], kind: call}
        - {date: 2026-07-01, with: [prospect], kind: call}
        """,
}
EXPECTED = {
    "prospect": "cold_outreach",  # the only interaction is still ahead
    "fresh": "event_follow_up",  # met at an event that ended 5 days ago
    "promised": "event_follow_up",  # the event comes first, the promise after it
    "kept": "check_in",  # the promise was kept
    "dormant": "reconnect",  # met 17 months ago, inner circle: 2 x 30 days long past
    "steady": "check_in",
    "old-event": "check_in",  # the event ended 45 days ago: no longer a follow-up
}


@pytest.mark.parametrize("contact_id", EXPECTED)
def test_the_first_rule_that_applies_chooses(write_data: WriteData, contact_id: str) -> None:
    dataset = load(write_data(FILES)).dataset
    assert suggested_template(dataset, contact_id, TODAY) == EXPECTED[contact_id]


def test_an_open_promise_comes_before_dormancy(write_data: WriteData) -> None:
    dataset = load(write_data(FILES)).dataset
    assert suggested_template(dataset, "promised", dt.date(2026, 12, 1)) == "follow_up"


def test_the_event_week_ends_seven_days_after_the_last_day(write_data: WriteData) -> None:
    dataset = load(write_data(FILES)).dataset
    assert suggested_template(dataset, "fresh", dt.date(2026, 6, 17)) == "event_follow_up"
    assert suggested_template(dataset, "fresh", dt.date(2026, 6, 18)) == "check_in"


def test_an_unknown_contact_is_a_draft_error(write_data: WriteData) -> None:
    dataset = load(write_data(FILES)).dataset
    with pytest.raises(DraftError, match="unknown contact 'nobody'"):
        suggested_template(dataset, "nobody", TODAY)
