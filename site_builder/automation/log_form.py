"""The "Log an interaction" issue form: its fields, and the `netdash log` entry an answer makes.

`.github/ISSUE_TEMPLATE/log-interaction.yml` shows these labels and options (a test keeps
the two in step). Every answer is checked here and every problem is reported at once,
under the label the owner saw on the phone; the entry is then written by the same
library call as `netdash log`, which refuses anything that would make the data invalid.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass

from site_builder.automation.issue_form import FormAnswers, FormError, parse_form
from site_builder.automation.markdown import code, md
from site_builder.diagnostics.formats import display_path
from site_builder.editing.actions import LogEntry, log_change
from site_builder.editing.errors import EditError
from site_builder.editing.resolve import resolve_all
from site_builder.editing.writer import apply
from site_builder.loading.messages import did_you_mean
from site_builder.models import Dataset
from site_builder.models.types import Initiator, InteractionKind, Outcome, Value

LOG_LABEL = "netdash-log"
"""The issue label the form sets and the workflow acts on."""

WITH = "With"
KIND = "Kind"
DATE = "Date"
VALUE = "Value"
INITIATED = "Who reached out"
SUMMARY = "Summary"
FOLLOW_UP = "Follow-up"
FOLLOW_UP_DUE = "Follow-up due"
OUTCOMES = "Outcomes"
LABELS = (WITH, KIND, DATE, VALUE, INITIATED, SUMMARY, FOLLOW_UP, FOLLOW_UP_DUE, OUTCOMES)
REQUIRED = (WITH, KIND)

CHOICES: dict[str, tuple[str, ...]] = {
    KIND: typing.get_args(InteractionKind),
    VALUE: typing.get_args(Value),
    INITIATED: typing.get_args(Initiator),
    OUTCOMES: typing.get_args(Outcome),
}
"""The options of the dropdowns and checkboxes, straight from the data contract."""

NO_CHOICE = "None"
"""What GitHub shows for an optional dropdown left unchosen."""
MAX_SUMMARY = 2000
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Problems = list[tuple[str, str]]


@dataclass(frozen=True)
class LogForm:
    """What a submitted form asks for: an entry, or the reasons it cannot be one."""

    entry: LogEntry | None
    problems: tuple[tuple[str, str], ...]
    """(label, message) pairs, the message already safe Markdown; empty with an entry."""


@dataclass(frozen=True)
class IssueReply:
    """The outcome of logging from an issue: whether the form was good, and the comment."""

    ok: bool
    """True when the interaction was written (or, in a dry run, would be)."""
    comment: str


def _contacts(answer: str | None, dataset: Dataset, problems: Problems) -> list[str]:
    """Contact ids from a comma-separated list of ids, full names or unique prefixes."""
    queries = [part.strip() for part in re.split(r"[,;\n]", answer or "") if part.strip()]
    try:
        return resolve_all(queries, dataset.contacts, dataset.sources.contacts.keys())
    except EditError as error:
        problems.extend((WITH, md(reason)) for reason in error.reasons)
        return []


def _date(answer: str | None, today: dt.date) -> dt.date:
    """YYYY-MM-DD, `today` or `yesterday`; empty means today."""
    word = (answer or "today").strip().casefold()
    if word in ("today", "yesterday"):
        return today - dt.timedelta(days=1 if word == "yesterday" else 0)
    if not ISO_DATE.match(word):
        raise ValueError(f"{code(answer or '')} is not a date: write YYYY-MM-DD, e.g. {today}")
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"{code(word)} is not a real date") from None


def _day(form: FormAnswers, label: str, today: dt.date, problems: Problems) -> dt.date | None:
    try:
        return _date(form.text(label), today)
    except ValueError as error:
        problems.append((label, str(error)))
        return None


def _choice(form: FormAnswers, label: str, problems: Problems) -> str | None:
    answer = form.text(label)
    if answer is None or answer == NO_CHOICE:
        return None
    if answer in CHOICES[label]:
        return answer
    hint = did_you_mean(answer, CHOICES[label])
    problems.append((label, f"{code(answer)} is not one of {', '.join(CHOICES[label])}{hint}"))
    return None


def _follow_up(
    form: FormAnswers, when: dt.date | None, today: dt.date, problems: Problems
) -> tuple[str | None, dt.date | None]:
    promise = form.text(FOLLOW_UP)
    if form.text(FOLLOW_UP_DUE) is None:
        return (" ".join(promise.split()) if promise else None), None
    if promise is None:
        problems.append((FOLLOW_UP_DUE, f"a due date needs a {FOLLOW_UP} to go with it"))
        return None, None
    due = _day(form, FOLLOW_UP_DUE, today, problems)
    if due is not None and when is not None and due < when:
        problems.append((FOLLOW_UP_DUE, f"{due} is before the interaction ({when})"))
    return " ".join(promise.split()), due


def read_log_form(body: str, dataset: Dataset, today: dt.date) -> LogForm:
    """The entry a submitted "Log an interaction" form describes, or every problem with it.

    `today` is the owner's today: an empty Date means it.
    """
    try:
        form = parse_form(body, LABELS)
    except FormError as error:
        return LogForm(None, (("Form", str(error)),))
    problems: Problems = [(label, "is required") for label in REQUIRED if form.text(label) is None]
    contacts = _contacts(form.text(WITH), dataset, problems)
    kind = _choice(form, KIND, problems)
    value = _choice(form, VALUE, problems)
    initiated = _choice(form, INITIATED, problems)
    outcomes = form.checked(OUTCOMES)
    problems.extend(
        (OUTCOMES, f"{code(o)} is not one of the options")
        for o in outcomes
        if o not in CHOICES[OUTCOMES]
    )
    when = _day(form, DATE, today, problems)
    summary = form.text(SUMMARY)
    if summary is not None and len(summary) > MAX_SUMMARY:
        problems.append((SUMMARY, f"is {len(summary)} characters; keep it under {MAX_SUMMARY}"))
    follow_up, due = _follow_up(form, when, today, problems)
    if problems or when is None or kind is None or not contacts:
        return LogForm(None, tuple(problems))
    entry = LogEntry(
        contacts=contacts,
        kind=kind,
        date=when,
        value=value,
        initiated=initiated,
        summary=summary,
        outcomes=outcomes,
        follow_up=follow_up,
        due=due,
    )
    return LogForm(entry, ())


def problems_reply(
    problems: tuple[tuple[str, str], ...] | list[tuple[str, str]], done: str = "logged"
) -> str:
    """The comment on a form that could not be applied (nothing was `done`): each problem
    under its label."""
    lines = [f"- **{label}**: {message}" for label, message in problems]
    return (
        f"Nothing was {done}. Please fix the following and edit this issue "
        "(saving the edit tries again):\n\n" + "\n".join(lines) + "\n"
    )


def success_reply(entry: LogEntry, path: str) -> str:
    """The comment that closes the issue: what was logged, and where (no typed text echoed)."""
    people = ", ".join(f"`{contact}`" for contact in entry.contacts)
    promise = " with a follow-up" if entry.follow_up else ""
    return f"Logged a **{entry.kind}** with {people} on {entry.date}{promise} in `{path}`.\n"


def log_from_issue(
    dataset: Dataset, body: str, today: dt.date, dry_run: bool = False
) -> IssueReply:
    """Read a submitted form and append its interaction to the data, or explain why not.

    With `dry_run` everything is checked and nothing is written.
    """
    form = read_log_form(body, dataset, today)
    if form.entry is None:
        return IssueReply(False, problems_reply(form.problems))
    try:
        change = log_change(dataset, form.entry)
        apply(dataset, [change], dry_run)
    except EditError as error:
        reasons = error.reasons or (error.message,)
        return IssueReply(False, problems_reply([("Data", md(reason)) for reason in reasons]))
    comment = success_reply(form.entry, display_path(change.path))
    return IssueReply(True, comment.replace("Logged", "Would log", 1) if dry_run else comment)
