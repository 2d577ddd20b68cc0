"""Quick actions: what the site offers to do next with a person, wherever the agenda lists
them and on their page. Log, snooze, mark done, edit the contact's file and add the
touchpoint to a calendar.

With `repo_url` set in mkdocs.yml, log, snooze and done open the repository's issue forms
prefilled with the contact (the log workflow applies them), and edit opens the contact's
file in GitHub's editor (from `edit_uri`). Without it, each shows the `netdash` command
that does the same, to copy. "Add to calendar" downloads the one event of that agenda
item or of the person's next touchpoint: an iCalendar file made at build and carried by
the link itself (a `data:` URL), so the site holds no file per person and the browser
asks no server for it.

URLs and commands are built here as plain strings (query values encoded by `urlencode`,
shell words quoted by `shlex`); the templates escape them like any other text.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import urlencode

from site_builder.compute.report import AgendaItem, OpenFollowUp, Person
from site_builder.interop import ics
from site_builder.site.context import Site
from site_builder.site.views import safe_url

CALENDAR_TYPE = "data:text/calendar;charset=utf-8;base64,"
LOG_FORM = "log-interaction.yml"
SNOOZE_FORM = "snooze-contact.yml"
DONE_FORM = "mark-done.yml"
SNOOZE_DAYS = 14
"""How far "Snooze" puts a touchpoint off, from today."""
DEFAULT_KIND = "coffee"
LOG_KINDS = {
    "meeting": "meeting",
    "event_step": "message",
    "key_date": "message",
    "reach_out": "message",
    "give": "message",
}
"""The kind of interaction "Log" suggests for an agenda item's kind (else coffee)."""
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


@dataclass(frozen=True)
class Repo:
    """The repository the data lives in, from mkdocs.yml: `repo_url`, and where the
    repository's own root can be edited (`edit_uri` without its docs folder)."""

    url: str
    """The repository's address, without a trailing slash."""
    edit: str | None = None
    """The address that, followed by a path from the repository's root, edits that file."""
    data: str = "data"
    """The data folder's path from the repository's root."""

    def issue_form(self, template: str, fields: Mapping[str, str]) -> str:
        """The new-issue page of `template`, its fields filled (keys are the fields' ids)."""
        return f"{self.url}/issues/new?{urlencode({'template': template, **fields})}"

    def edit_url(self, path: str) -> str | None:
        """GitHub's editor on the file at `path` (from the data folder), if known."""
        return None if self.edit is None else f"{self.edit}{self.data}/{path}"


def repo_from_config(
    repo_url: str | None,
    edit_uri: str | None,
    *,
    config_dir: Path,
    docs_dir: Path,
    data_dir: Path,
) -> Repo | None:
    """The repository of mkdocs.yml's settings; None without a `repo_url` (or one that is
    not http(s)). MkDocs' `edit_uri` points into the docs folder (GitHub's default is
    `edit/master/docs/`); a trailing docs folder is taken off to reach the root. The data
    folder must sit inside the folder of mkdocs.yml (the repository's root) to be edited."""
    url = safe_url(repo_url or "")
    if url is None or not url.startswith(("https://", "http://")):
        return None
    url = url.rstrip("/")
    try:
        data = data_dir.resolve().relative_to(config_dir.resolve()).as_posix()
    except ValueError:
        return Repo(url)
    edit = None
    if edit_uri and "://" not in edit_uri and not edit_uri.startswith(("?", "#")):
        root = PurePosixPath(edit_uri.strip("/"))
        try:
            docs = docs_dir.resolve().relative_to(config_dir.resolve()).as_posix()
        except ValueError:
            docs = ""
        if docs and root.as_posix().endswith(f"/{docs}"):
            root = PurePosixPath(root.as_posix()[: -len(docs) - 1])
        edit = f"{url}/{root.as_posix()}/"
    return Repo(url, edit, data)


class Action(NamedTuple):
    """One action: a link (`href`), or else a command to copy (`command`)."""

    key: str
    """log, snooze, done, edit or calendar."""
    label: str
    href: str | None
    command: str
    download: str = ""
    """The file name, for a link that downloads a file."""


class Actions(NamedTuple):
    """The actions offered for one person at one place of the site."""

    id: str
    """Prefixes the ids of the elements holding the commands."""
    contact: str
    links: tuple[Action, ...]
    commands: tuple[Action, ...]
    """The actions that are commands to copy (empty when every action is a link)."""


def calendar_name(key: str) -> str:
    """The file name a one-event calendar file is saved under."""
    return f"{key}.ics" if _FILE_NAME.match(key) else "event.ics"


EventKey = tuple[str, dt.date, ics.Entry]
"""What a one-event file is made of: the owner, the day and the event."""


class QuickActions:
    """Builds the actions of the pages of one site (one instance per build)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.repo = site.repo
        report = site.report
        self.first_item: dict[str, AgendaItem] = {}
        for item in report.agenda.items:
            self.first_item.setdefault(item.contact, item)
        self.promises: dict[str, OpenFollowUp] = {}
        for promise in report.follow_ups:
            for contact in promise.contacts:
                self.promises.setdefault(contact, promise)
        self.snooze_until = report.today + dt.timedelta(days=SNOOZE_DAYS)
        self.events: dict[EventKey, bytes] = site.kept.events if site.kept is not None else {}

    def for_item(self, item: AgendaItem, anchor: str) -> Actions:
        """The actions of one move of the week's agenda (`anchor`: its element's id)."""
        done = None
        if item.kind == "follow_up" and item.promise:
            done = self._done(item.contact, item.promise, None)
        elif item.kind == "confirm":
            done = self._done(item.contact, None, item.due)
        kind = LOG_KINDS.get(item.kind, DEFAULT_KIND)
        calendar = self._calendar(
            item.key, ics.agenda_entry(item, self.site.report, self.site.dataset)
        )
        return self._actions(anchor, item.contact, kind=kind, done=done, calendar=calendar)

    def for_person(self, person: Person) -> Actions:
        """The actions of a person's page: their move of the week's agenda when they have
        one, else their earliest open promise; their next touchpoint's calendar file."""
        contact = person.contact
        item = self.first_item.get(contact)
        promise = self.promises.get(contact)
        done = None
        if item is not None and item.kind == "follow_up" and item.promise:
            done = self._done(contact, item.promise, None)
        elif item is not None and item.kind == "confirm":
            done = self._done(contact, None, item.due)
        elif promise is not None:
            done = self._done(contact, promise.do, None)
        kind = LOG_KINDS.get(item.kind, DEFAULT_KIND) if item is not None else DEFAULT_KIND
        calendar = None
        if item is not None and item.key == f"touchpoint-{contact}":
            calendar = self._calendar(
                item.key, ics.agenda_entry(item, self.site.report, self.site.dataset)
            )
        elif person.touchpoint is not None:
            entry = ics.touchpoint_entry(person.touchpoint, self.site.today, self.site.dataset)
            calendar = self._calendar(f"touchpoint-{contact}", entry)
        return self._actions("person", contact, kind=kind, done=done, calendar=calendar)

    def draft(self, contact: str) -> AgendaItem | None:
        """The person's move of the week, with its draft, if they have one."""
        return self.first_item.get(contact)

    def _actions(
        self,
        anchor: str,
        contact: str,
        *,
        kind: str,
        done: Action | None,
        calendar: Action | None,
    ) -> Actions:
        found = [self._log(contact, kind), self._snooze(contact)]
        if done is not None:
            found.append(done)
        edit = self._edit(contact)
        if edit is not None:
            found.append(edit)
        if calendar is not None:
            found.append(calendar)
        links = tuple(action for action in found if action.href is not None)
        commands = tuple(action for action in found if action.href is None)
        return Actions(f"{anchor}-actions", contact, links, commands)

    def _calendar(self, key: str, entry: ics.Entry) -> Action:
        """A link that downloads the one event `entry` (made once per build, or once while
        `netdash serve` runs when it does not change)."""
        made = (self.site.report.owner, self.site.today, entry)
        data = self.events.get(made)
        if data is None:
            data = self.events[made] = self.site.calendar_events.alone(entry)
        href = CALENDAR_TYPE + base64.b64encode(data).decode("ascii")
        return Action("calendar", "Add to calendar", href, "", calendar_name(key))

    def _log(self, contact: str, kind: str) -> Action:
        command = shlex.join(["netdash", "log", contact, "--kind", kind])
        href = None
        if self.repo is not None:
            fields = {"title": f"Log: {contact}", "with": contact, "kind": kind}
            href = self.repo.issue_form(LOG_FORM, fields)
        return Action("log", "Log", href, command)

    def _snooze(self, contact: str) -> Action:
        until = self.snooze_until.isoformat()
        command = shlex.join(["netdash", "snooze", contact, "--until", until])
        href = None
        if self.repo is not None:
            fields = {"title": f"Snooze: {contact}", "contact": contact, "until": until}
            href = self.repo.issue_form(SNOOZE_FORM, fields)
        return Action("snooze", f"Snooze {SNOOZE_DAYS} days", href, command)

    def _done(self, contact: str, promise: str | None, booking: dt.date | None) -> Action:
        words = ["netdash", "done", contact]
        fields = {"title": f"Done: {contact}", "contact": contact}
        if promise is not None:
            words.append(" ".join(promise.split()))
            fields["follow-up"] = " ".join(promise.split())
        if booking is not None:
            words += ["--date", booking.isoformat()]
            fields["date"] = booking.isoformat()
        href = self.repo.issue_form(DONE_FORM, fields) if self.repo is not None else None
        return Action("done", "Done", href, shlex.join(words))

    def _edit(self, contact: str) -> Action | None:
        source = self.site.dataset.sources.contacts.get(contact)
        if source is None:
            return None
        try:
            path = source.relative_to(self.site.dataset.root).as_posix()
        except ValueError:
            path = f"contacts/{source.name}"
        href = self.repo.edit_url(path) if self.repo is not None else None
        data = self.repo.data if self.repo is not None else self.site.dataset.root.name
        return Action("edit", "Edit", href, f"{data}/{path}")
