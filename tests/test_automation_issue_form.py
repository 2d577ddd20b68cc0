"""Reading issue-form bodies as GitHub renders them: `### Label`, `_No response_`, `- [X]`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.automation.issue_form import FormError, normalise, parse_form
from site_builder.automation.log_form import LABELS, read_log_form
from site_builder.loading.loader import load
from site_builder.models import Dataset
from tests.conftest import WriteData

TODAY = dt.date(2026, 11, 5)


def rendered(**answers: str) -> str:
    """A body the way GitHub writes a submitted "Log an interaction" form."""
    keys = {
        "With": "with_",
        "Kind": "kind",
        "Date": "date",
        "Value": "value",
        "Who reached out": "initiated",
        "Summary": "summary",
        "Follow-up": "follow_up",
        "Follow-up due": "follow_up_due",
    }
    parts = [f"### {label}\n\n{answers.get(key) or '_No response_'}" for label, key in keys.items()]
    boxes = answers.get("outcomes", "")
    ticks = "\n".join(
        f"- [{'X' if o in boxes.split(',') else ' '}] {o}"
        for o in (
            "referral",
            "job_lead",
            "collaboration",
            "speaking",
            "intro_received",
            "partnership",
        )
    )
    return "\n\n".join([*parts, f"### Outcomes\n\n{ticks}"])


@pytest.fixture
def dataset(write_data: WriteData) -> Dataset:
    root = write_data(
        {
            "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
            "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\n",
        }
    )
    return load(root).dataset


def test_parse_form_reads_headings_empty_answers_and_checkboxes() -> None:
    form = parse_form(
        rendered(with_="ada-lovelace", kind="coffee", outcomes="referral,speaking"), LABELS
    )
    assert form.text("With") == "ada-lovelace"
    assert form.text("Date") is None
    assert form.checked("Outcomes") == ["referral", "speaking"]


def test_parse_form_keeps_multi_line_text_and_unknown_headings_as_text() -> None:
    body = (
        "### Summary\n\nFirst line\n\n## Not a label\n### Also not a label\nlast"
        "\n\n### Kind\n\ncall"
    )
    form = parse_form(body, LABELS)
    assert form.text("Summary") == "First line\n\n## Not a label\n### Also not a label\nlast"
    assert form.text("Kind") == "call"


def test_parse_form_unwraps_a_rendered_code_block() -> None:
    form = parse_form("### Summary\n\n```text\nsome `code` here\n```\n", LABELS)
    assert form.text("Summary") == "some `code` here"


def test_parse_form_refuses_a_label_heading_twice() -> None:
    body = rendered(with_="ada-lovelace", kind="coffee", summary="fine\n### Kind\n\nask")
    with pytest.raises(FormError, match="appears more than once"):
        parse_form(body, LABELS)


def test_parse_form_refuses_a_body_that_is_not_the_form() -> None:
    with pytest.raises(FormError, match="not written with the form"):
        parse_form("Hello, I would like to log a coffee with Ada", LABELS)


def test_normalise_drops_control_characters_and_windows_newlines() -> None:
    assert normalise("\ufeffa\r\nb\x00c\x1b[31m\td") == "a\nbc[31m\td"


def test_crlf_bodies_from_a_phone_read_the_same(dataset: Dataset) -> None:
    body = rendered(with_="ada-lovelace", kind="coffee", date="2026-11-02").replace("\n", "\r\n")
    form = read_log_form(body, dataset, TODAY)
    assert form.problems == ()
    assert form.entry is not None and form.entry.date == dt.date(2026, 11, 2)


def test_a_full_form_makes_the_interaction(dataset: Dataset) -> None:
    body = rendered(
        with_="ada-lovelace, Grace Hopper",
        kind="video",
        date="2026-11-02",
        value="give",
        initiated="them",
        summary="Talked about her compiler's IR",
        follow_up="Send the MLIR paper",
        follow_up_due="2026-11-09",
        outcomes="referral,collaboration",
    )
    form = read_log_form(body, dataset, TODAY)
    assert form.problems == ()
    entry = form.entry
    assert entry is not None
    assert entry.contacts == ["ada-lovelace", "grace-hopper"]
    assert (entry.kind, entry.value, entry.initiated) == ("video", "give", "them")
    assert entry.summary == "Talked about her compiler's IR"
    assert entry.outcomes == ["referral", "collaboration"]
    assert (entry.follow_up, entry.due) == ("Send the MLIR paper", dt.date(2026, 11, 9))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, TODAY),
        ("today", TODAY),
        ("Yesterday", TODAY - dt.timedelta(days=1)),
        ("2026-12-24", dt.date(2026, 12, 24)),
    ],
)
def test_date_defaults_to_the_owners_today(
    dataset: Dataset, answer: str | None, expected: dt.date
) -> None:
    body = rendered(with_="ada-lovelace", kind="call", date=answer or "")
    entry = read_log_form(body, dataset, TODAY).entry
    assert entry is not None and entry.date == expected


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("2026-02-30", "is not a real date"),
        ("02/11/2026", "is not a date: write YYYY-MM-DD"),
        ("2026-1-5", "is not a date: write YYYY-MM-DD"),
        ("tomorrow", "is not a date"),
        ("2026-11-02T10:00", "is not a date"),
    ],
)
def test_malformed_dates_are_reported(dataset: Dataset, answer: str, message: str) -> None:
    form = read_log_form(rendered(with_="ada-lovelace", kind="call", date=answer), dataset, TODAY)
    assert form.entry is None
    assert [label for label, _ in form.problems] == ["Date"]
    assert message in form.problems[0][1]


def test_every_problem_is_reported_at_once(dataset: Dataset) -> None:
    body = rendered(
        with_="ada-lovelase, nobody",
        kind="cofee",
        value="taking",
        follow_up_due="2026-11-09",
        date="2026-13-01",
    )
    form = read_log_form(body, dataset, TODAY)
    assert form.entry is None
    labels = [label for label, _ in form.problems]
    assert labels == ["With", "With", "Kind", "Value", "Date", "Follow-up due"]
    assert "unknown contact" in form.problems[0][1]
    assert "did you mean 'coffee'?" in form.problems[2][1]


def test_required_fields_are_required(dataset: Dataset) -> None:
    form = read_log_form(rendered(), dataset, TODAY)
    assert ("With", "is required") in form.problems and ("Kind", "is required") in form.problems


def test_a_follow_up_due_before_the_interaction_is_refused(dataset: Dataset) -> None:
    body = rendered(
        with_="ada-lovelace",
        kind="call",
        date="2026-11-02",
        follow_up="Send slides",
        follow_up_due="2026-11-01",
    )
    form = read_log_form(body, dataset, TODAY)
    message = "2026-11-01 is before the interaction (2026-11-02)"
    assert form.problems == (("Follow-up due", message),)


def test_a_dropdown_left_on_none_means_no_answer(dataset: Dataset) -> None:
    body = rendered(with_="ada-lovelace", kind="call", value="None", initiated="None")
    entry = read_log_form(body, dataset, TODAY).entry
    assert entry is not None and entry.value is None and entry.initiated is None


def test_contacts_by_unique_prefix_or_name_in_any_case(dataset: Dataset) -> None:
    entry = read_log_form(rendered(with_="grace, ADA LOVELACE", kind="call"), dataset, TODAY).entry
    assert entry is not None and entry.contacts == ["grace-hopper", "ada-lovelace"]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=st.lists(st.text(max_size=40), min_size=9, max_size=9))
def test_any_answers_give_an_entry_or_problems_never_a_crash(
    dataset: Dataset, answers: list[str]
) -> None:
    pairs = zip(LABELS, answers, strict=True)
    body = "\n\n".join(f"### {label}\n\n{answer}" for label, answer in pairs)
    form = read_log_form(body, dataset, TODAY)
    assert (form.entry is None) != (form.problems == ())
    for _, message in form.problems:
        assert "\n" not in message
