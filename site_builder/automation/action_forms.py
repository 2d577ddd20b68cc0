"""The "Snooze a contact" and "Mark done" issue forms: their fields, and the edit an answer
makes, the same as `netdash snooze` and `netdash done`.

`.github/ISSUE_TEMPLATE/snooze-contact.yml` and `mark-done.yml` show these labels (a test
keeps them in step). The site's quick actions open them with the contact filled in. As
with the log form, every problem is reported at once under the label the owner saw, and
the edit is the library call of the command, which refuses anything that would make the
data invalid.
"""

from __future__ import annotations

import datetime as dt

from site_builder.automation.issue_form import FormAnswers, FormError, parse_form
from site_builder.automation.log_form import ISO_DATE, IssueReply, Problems
from site_builder.automation.log_form import problems_reply as log_problems_reply
from site_builder.automation.markdown import code, md
from site_builder.diagnostics.formats import display_path
from site_builder.editing.actions import confirm_change, done_change, snooze_change
from site_builder.editing.errors import EditError
from site_builder.editing.resolve import resolve
from site_builder.editing.writer import Change, apply
from site_builder.models import Dataset

SNOOZE_LABEL = "netdash-snooze"
DONE_LABEL = "netdash-done"
"""The issue labels the forms set and the workflow acts on."""

CONTACT = "Contact"
UNTIL = "Until"
FOLLOW_UP = "Follow-up"
BOOKING = "Booking date"
SNOOZE_LABELS = (CONTACT, UNTIL)
SNOOZE_REQUIRED = (CONTACT, UNTIL)
DONE_LABELS = (CONTACT, FOLLOW_UP, BOOKING)
DONE_REQUIRED = (CONTACT,)


def problems_reply(problems: Problems) -> str:
    """The comment on a snooze or done form that could not be applied."""
    return log_problems_reply(problems, "changed")


def _day(form: FormAnswers, label: str, problems: Problems) -> dt.date | None:
    """The answer to `label` as a YYYY-MM-DD date; None when empty or wrong (noted)."""
    answer = form.text(label)
    if answer is None:
        return None
    if not ISO_DATE.match(answer):
        problems.append((label, f"{code(answer)} is not a date: write YYYY-MM-DD"))
        return None
    try:
        return dt.date.fromisoformat(answer)
    except ValueError:
        problems.append((label, f"{code(answer)} is not a real date"))
        return None


def _read(
    body: str, labels: tuple[str, ...], required: tuple[str, ...]
) -> tuple[FormAnswers | None, Problems]:
    try:
        form = parse_form(body, labels)
    except FormError as error:
        return None, [("Form", str(error))]
    return form, [(label, "is required") for label in required if form.text(label) is None]


def _applied(dataset: Dataset, change: Change, dry_run: bool, done: str) -> IssueReply:
    try:
        apply(dataset, [change], dry_run)
    except EditError as error:
        reasons = error.reasons or (error.message,)
        return IssueReply(False, problems_reply([("Data", md(reason)) for reason in reasons]))
    where = f" in `{display_path(change.path)}`.\n"
    did = f"would have {done}" if dry_run else done
    return IssueReply(True, did[0].upper() + did[1:] + where)


def _refused(error: EditError) -> IssueReply:
    reasons = error.reasons or (error.message,)
    return IssueReply(False, problems_reply([(CONTACT, md(reason)) for reason in reasons]))


def snooze_from_issue(
    dataset: Dataset, body: str, today: dt.date, dry_run: bool = False
) -> IssueReply:
    """Snooze the contact a submitted form names until its day, or explain why not."""
    form, problems = _read(body, SNOOZE_LABELS, SNOOZE_REQUIRED)
    until = _day(form, UNTIL, problems) if form is not None else None
    if until is not None and until <= today:
        problems.append((UNTIL, f"{until} is not after today ({today})"))
    query = form.text(CONTACT) if form is not None else None
    if problems or until is None or query is None:
        return IssueReply(False, problems_reply(problems))
    try:
        contact = resolve(query, dataset.contacts, dataset.sources.contacts.keys())
        change = snooze_change(dataset, contact, until)
    except EditError as error:
        return _refused(error)
    return _applied(dataset, change, dry_run, f"snoozed `{contact}` until {until}")


def done_from_issue(
    dataset: Dataset, body: str, today: dt.date, dry_run: bool = False
) -> IssueReply:
    """Mark done today the follow-up a submitted form names (or, with none, confirm the
    contact's booking), or explain why not."""
    form, problems = _read(body, DONE_LABELS, DONE_REQUIRED)
    booking = _day(form, BOOKING, problems) if form is not None else None
    query = form.text(CONTACT) if form is not None else None
    promise = form.text(FOLLOW_UP) if form is not None else None
    if promise is not None and booking is not None:
        problems.append((BOOKING, f"give a {FOLLOW_UP} or a {BOOKING}, not both"))
    if problems or query is None:
        return IssueReply(False, problems_reply(problems))
    try:
        contact = resolve(query, dataset.contacts, dataset.sources.contacts.keys())
        if promise is not None:
            change = done_change(dataset, contact, " ".join(promise.split()), today)
            did = f"marked a follow-up with `{contact}` done on {today}"
        else:
            change = confirm_change(dataset, contact, today, booking)
            did = f"confirmed the booking with `{contact}`"
    except EditError as error:
        return _refused(error)
    return _applied(dataset, change, dry_run, did)
