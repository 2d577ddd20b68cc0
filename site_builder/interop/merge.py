"""Match imported people against the contacts and plan the changes.

A person is the same as a contact when they share an email address or a LinkedIn
profile; failing that, a normalized name, unless their LinkedIn profiles differ (two
people of one name). A name shared with several contacts, or with one whose email
differs, is ambiguous: reported, left alone. New people become new files; known people
get new facts only in fields that are empty; nothing else is overwritten, except by a
LinkedIn export whose company or role says the job changed: the new job is written and
a `news:` entry records it, dated the import day (`job_news`). Importing the same file
again finds everything in place and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.dedupe.identity import email_key, fold, linkedin_key, name_key
from site_builder.diagnostics.formats import display_path
from site_builder.editing.actions import taken_ids
from site_builder.editing.contact_file import contact_document, contact_text, free_id, id_from_name
from site_builder.editing.errors import EditError
from site_builder.editing.list_key import append_under
from site_builder.editing.textedit import set_value
from site_builder.editing.writer import Change, check_change, read_text
from site_builder.interop.incoming import FIELD_PATHS, Incoming, Parsed
from site_builder.interop.job_news import JOB_FIELDS, is_news, job_news
from site_builder.interop.outcome import ImportReport
from site_builder.models import Contact, Dataset


@dataclass
class Target:
    """A contact being filled by the import: an existing file or a new one."""

    contact_id: str
    name: str
    path: Path
    facts: dict[str, str]
    before: str | None = None
    text: str = ""
    added: list[str] = field(default_factory=list)
    """Field names (FIELD_PATHS keys) this import fills."""
    new: bool = False
    was: dict[str, str] = field(default_factory=dict)
    """The company and role before a job change this import found."""


def facts_of(contact: Contact) -> dict[str, str]:
    """The importable facts a contact already has, by field name."""
    private, met, dates = contact.private, contact.met, contact.dates
    linkedin = contact.links.get("linkedin") or next(
        (link for link in contact.links.values() if linkedin_key(link)), None
    )
    facts = {
        "company": contact.company,
        "role": contact.role,
        "met_on": met.on.isoformat() if met and met.on else None,
        "linkedin": linkedin,
        "birthday": dates.birthday if dates else None,
        "email": private.email if private else None,
        "phone": private.phone if private else None,
    }
    return {name: value for name, value in facts.items() if value}


def _keys(name: str, facts: dict[str, str]) -> list[tuple[str, str]]:
    found = [
        ("email", email_key(facts.get("email"))),
        ("linkedin", linkedin_key(facts.get("linkedin"))),
        ("name", name_key(name)),
    ]
    return [(kind, key) for kind, key in found if key]


def same(field_name: str, old: str, new: str) -> bool:
    """True when two values of a field say the same thing."""
    if field_name == "email":
        return email_key(old) == email_key(new)
    if field_name == "linkedin":
        return linkedin_key(old) == linkedin_key(new)
    if field_name == "phone":
        return [c for c in old if c.isdigit()] == [c for c in new if c.isdigit()]
    if field_name == "birthday":
        return old[-5:] == new[-5:]
    return fold(old) == fold(new)


class Matcher:
    """The contacts (and the people added so far) indexed by email, LinkedIn and name."""

    def __init__(self, targets: dict[str, Target]) -> None:
        self.targets = targets
        self.index: dict[tuple[str, str], list[str]] = defaultdict(list)
        for target in targets.values():
            self.add(target)

    def add(self, target: Target) -> None:
        """Index a contact under each of its keys."""
        self.targets[target.contact_id] = target
        for key in _keys(target.name, target.facts):
            if target.contact_id not in self.index[key]:
                self.index[key].append(target.contact_id)

    def _conflict(self, person: Incoming, contact_id: str, field_name: str) -> bool:
        ours = self.targets[contact_id].facts.get(field_name)
        theirs = getattr(person, field_name)
        return bool(ours and theirs) and not same(field_name, str(ours), str(theirs))

    def match(self, person: Incoming) -> tuple[str | None, str | None]:
        """(contact id or None for a new person, None or why the person is ambiguous)."""
        strong = {cid for key in _keys("", person.facts()) for cid in self.index.get(key, [])}
        named = self.index.get(("name", name_key(person.name)), [])
        if person.wanted_id in named:
            strong.add(person.wanted_id)
        if len(strong) == 1:
            return strong.pop(), None
        if strong:
            others = ", ".join(sorted(strong))
            return None, f"its email and LinkedIn point at different contacts: {others}"
        fits = [cid for cid in named if not self._conflict(person, cid, "linkedin")]
        if len(fits) == 1 and not self._conflict(person, fits[0], "email"):
            return fits[0], None
        if len(fits) == 1:
            return None, f"same name as {fits[0]}, but another email address"
        if fits:
            return None, f"same name as {', '.join(sorted(fits))}"
        return None, None


def _new_id(person: Incoming, taken: set[str]) -> str | None:
    if person.wanted_id and person.wanted_id not in taken:
        return person.wanted_id
    handle = (linkedin_key(person.linkedin) or "").removeprefix("in/")
    mailbox = (email_key(person.email) or "").split("@")[0]
    base = next((b for b in map(id_from_name, (person.name, handle, mailbox)) if b), "")
    return free_id(base, taken) if base else None


def _dotted(field_name: str) -> str:
    return ".".join(FIELD_PATHS[field_name])


def _fill(target: Target, person: Incoming, report: ImportReport, news_on: dt.date | None) -> None:
    for field_name, value in person.facts().items():
        current = target.facts.get(field_name)
        if current is None:
            target.facts[field_name] = value
            target.added.append(field_name)
        elif _job_changed(target, field_name, current, value, news_on):
            target.was.setdefault(field_name, current)
            target.facts[field_name] = value
            if field_name not in target.added:
                target.added.append(field_name)
        elif not same(field_name, current, value):
            report.skipped.append(
                f"{target.contact_id}: {_dotted(field_name)} stays {current!r} "
                f"(line {person.line} has {value!r})"
            )


def _job_changed(
    target: Target, field_name: str, current: str, value: str, news_on: dt.date | None
) -> bool:
    return (
        news_on is not None
        and not target.new
        and field_name in JOB_FIELDS
        and is_news(field_name, current, value)
    )


def _new_document(target: Target, circle: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": target.name, "circle": circle}
    for field_name, path in FIELD_PATHS.items():
        if value := target.facts.get(field_name):
            holder = fields
            for part in path[:-1]:
                holder = holder.setdefault(part, {})
            holder[path[-1]] = value
    return contact_document(fields)


def _change(target: Target, circle: str, news: dict[str, str] | None) -> Change:
    if target.new:
        text = contact_text(_new_document(target, circle))
        return Change(target.path, None, text, f"add {target.name} as {target.contact_id}")
    text = target.before = read_text(target.path)
    name = display_path(target.path)
    for field_name in target.added:
        text = set_value(text, FIELD_PATHS[field_name], target.facts[field_name], name)
    if news is not None:
        text = append_under(text, "news", news, name)
    return Change(target.path, target.before, text, f"update {target.name} ({target.contact_id})")


def _existing(context: Dataset) -> dict[str, Target]:
    return {
        cid: Target(cid, contact.name, context.sources.contacts[cid], facts_of(contact))
        for cid, contact in context.contacts.items()
        if cid in context.sources.contacts
    }


def _target(
    context: Dataset, person: Incoming, matcher: Matcher, taken: set[str], report: ImportReport
) -> Target | None:
    """The contact `person` fills: a match, a new contact, or None (ambiguous, no id)."""
    contact_id, doubt = matcher.match(person)
    if doubt:
        report.ambiguous.append(f"line {person.line}: {person.name!r}: {doubt}; not imported")
        return None
    if contact_id is not None:
        return matcher.targets[contact_id]
    new_id = _new_id(person, taken)
    if new_id is None:
        report.problems.append(
            f"line {person.line}: cannot make an id from {person.name!r}; skipped"
        )
        return None
    taken.add(new_id)
    target = Target(new_id, person.name, context.root / "contacts" / f"{new_id}.yml", {}, new=True)
    matcher.add(target)
    return target


def plan_import(
    context: Dataset, parsed: Parsed, circle: str, source: str, news_on: dt.date | None = None
) -> ImportReport:
    """Match each person read, then make (and check) the changes; nothing is written here.
    With `news_on` (a LinkedIn export, the import day), a changed company or role is
    written, with a news entry of that day."""
    report = ImportReport(source, notes=list(parsed.notes))
    matcher = Matcher(_existing(context))
    taken = taken_ids(context)
    touched: dict[str, Target] = {}
    for person in parsed.people:
        target = _target(context, person, matcher, taken, report)
        if target is not None:
            _fill(target, person, report, news_on)
            matcher.add(target)
            touched.setdefault(target.contact_id, target)
    _finish(context, touched, circle, report, news_on)
    return report


def _finish(
    context: Dataset,
    touched: dict[str, Target],
    circle: str,
    report: ImportReport,
    news_on: dt.date | None,
) -> None:
    for target in touched.values():
        if not target.new and not target.added:
            report.unchanged.append(target.contact_id)
            continue
        news = job_news(target.was, target.facts, news_on) if target.was and news_on else None
        try:
            change = _change(target, circle, news)
            check_change(context, change)
        except EditError as error:
            report.problems.append(f"{target.contact_id}: {error}")
            continue
        report.changes.append(change)
        label = f"{target.contact_id} ({target.name})"
        if target.new:
            report.added.append(label)
        else:
            recorded = f"; news: {news['kind']}, {news['text']}" if news else ""
            report.updated.append(f"{label}: {', '.join(map(_dotted, target.added))}{recorded}")
