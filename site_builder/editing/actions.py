"""The edits behind `log`, `add`, `snooze`, `done` and `archive`, each as a `Change`.

Nothing here writes: each function reads what it needs, makes the new text and returns
it; `writer.apply` checks and writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from site_builder.dedupe.identity import fold
from site_builder.diagnostics.formats import display_path
from site_builder.editing.append import appended
from site_builder.editing.contact_file import (
    INTERACTIONS_MODELINE,
    contact_document,
    contact_text,
    free_id,
    id_from_name,
)
from site_builder.editing.errors import EditError
from site_builder.editing.resolve import resolve, resolve_all
from site_builder.editing.textedit import with_value
from site_builder.editing.writer import Change, read_text, uneditable
from site_builder.models import Dataset


@dataclass(frozen=True)
class LogEntry:
    """What `netdash log` records; None and empty fields are left out of the file."""

    contacts: Sequence[str]
    kind: str
    date: dt.date
    value: str | None = None
    initiated: str | None = None
    reply: str | None = None
    meeting: str | None = None
    summary: str | None = None
    outcomes: Sequence[str] = ()
    introduced: Sequence[str] = ()
    follow_up: str | None = None
    due: dt.date | None = None
    planned: bool = False
    """A booking: not a touch until confirmed (`netdash done`)."""
    community: str | None = None
    """The community it took place in; with no contacts, an activity there alone."""
    template: str | None = None
    """The id of the message template the outreach used."""


def _item(entry: LogEntry, with_: list[str], introduced: list[str]) -> dict[str, Any]:
    if entry.due is not None and not entry.follow_up:
        raise EditError("--due needs --follow-up: the date belongs to a promise")
    follow_ups = [{"do": entry.follow_up, "due": entry.due.isoformat() if entry.due else None}]
    item: dict[str, Any] = {
        "date": entry.date.isoformat(),
        "with": with_,
        "kind": entry.kind,
        "value": entry.value,
        "initiated": entry.initiated,
        "reply": entry.reply,
        "meeting": entry.meeting,
        "summary": entry.summary,
        "outcomes": list(entry.outcomes),
        "introduced": introduced,
        "follow_ups": [
            {k: v for k, v in f.items() if v is not None} for f in follow_ups if f["do"]
        ],
        "planned": True if entry.planned else None,
        "community": entry.community,
        "template": entry.template,
    }
    return {key: value for key, value in item.items() if value not in (None, "", [])}


Edited = TypeVar("Edited")


def edited(context: Dataset, path: Path, before: str, edit: Callable[[str], Edited]) -> Edited:
    """`edit(before)`; when the edit cannot be made and `netdash check` finds errors in
    the file, those errors are the reason given."""
    try:
        return edit(before)
    except EditError as error:
        raise uneditable(context, path, before) or error from None


def log_change(context: Dataset, entry: LogEntry) -> Change:
    """Append one interaction to `interactions/<year>.yml` (made, with its schema line, if new)."""
    others = context.sources.contacts.keys()
    with_ = resolve_all(entry.contacts, context.contacts, others)
    introduced = resolve_all(entry.introduced, context.contacts, others)
    path = context.root / "interactions" / f"{entry.date.year}.yml"
    item = _item(entry, with_, introduced)
    names = ", ".join(_name(context, cid) for cid in with_)
    place = f" in {entry.community}" if entry.community else ""
    summary = f"log {entry.kind}{' with ' + names if names else ''}{place} on {entry.date}"

    def append(text: str | None) -> Change:
        start = text if text is not None else INTERACTIONS_MODELINE + "\n"
        after, reads_back = edited(
            context, path, start, lambda t: appended(t, item, display_path(path))
        )
        return Change(path, text, after, summary, reads_back, append)

    return append(read_text(path) if path.exists() else None)


def _name(context: Dataset, contact_id: str) -> str:
    contact = context.contacts.get(contact_id)
    return contact.name if contact is not None else contact_id


def taken_ids(context: Dataset) -> set[str]:
    """Ids of every contact file, valid or not."""
    folder = context.root / "contacts"
    on_disk = {path.stem for path in folder.glob("*.yml")} if folder.is_dir() else set()
    return on_disk | set(context.sources.contacts)


def new_contact_id(context: Dataset, name: str, wanted: str | None) -> str:
    """The id of a new contact: `wanted`, else one made from the name and not yet taken."""
    taken = taken_ids(context)
    if wanted:
        if wanted in taken:
            raise EditError(f"contacts/{wanted}.yml already exists; not overwriting it")
        return wanted
    base = id_from_name(name)
    if not base:
        raise EditError(
            f"cannot make an id from the name {name!r}: pass one with --id "
            "(lowercase letters and digits joined by -)"
        )
    same = [cid for cid in taken if cid == base or cid.startswith(base + "-")]
    if any(fold(_name(context, cid)) == fold(name) for cid in same):
        raise EditError(
            f"{name} is already in contacts ({', '.join(sorted(same))}); "
            "to add another person of the same name, pass --id"
        )
    return free_id(base, taken)


def add_change(context: Dataset, fields: dict[str, Any], wanted_id: str | None = None) -> Change:
    """A new `contacts/<id>.yml` holding `fields` (name, circle, ...)."""
    name = str(fields.get("name") or "").strip()
    if not name:
        raise EditError("a contact needs a name")
    contact_id = new_contact_id(context, name, wanted_id)
    path = context.root / "contacts" / f"{contact_id}.yml"
    text = contact_text(contact_document({**fields, "name": name}))
    return Change(path, None, text, f"add {name} as {contact_id}")


def _contact_change(context: Dataset, query: str, key: str, value: Any, what: str) -> Change:
    contact_id = resolve(query, context.contacts, context.sources.contacts.keys())
    path = context.sources.contacts[contact_id]
    summary = f"{what} {_name(context, contact_id)} ({contact_id})"
    name = display_path(path)

    def set_key(text: str | None) -> Change:
        if text is None:
            raise EditError(f"{name} was removed meanwhile; nothing was written")
        after, reads_back = edited(
            context, path, text, lambda t: with_value(t, (key,), value, name)
        )
        return Change(path, text, after, summary, reads_back, set_key)

    return set_key(read_text(path))


def snooze_change(context: Dataset, query: str, until: dt.date) -> Change:
    """Set `snooze_until` of one contact."""
    what = f"snooze until {until}:"
    return _contact_change(context, query, "snooze_until", until.isoformat(), what)


def archive_change(context: Dataset, query: str) -> Change:
    """Set `archived: true` on one contact (no change when it already is)."""
    contact_id = resolve(query, context.contacts, context.sources.contacts.keys())
    contact = context.contacts.get(contact_id)
    if contact is not None and contact.archived:
        path = context.sources.contacts[contact_id]
        text = read_text(path)
        return Change(path, text, text, f"{contact.name} ({contact_id}) is already archived")
    return _contact_change(context, contact_id, "archived", True, "archive")


def _open_follow_ups(
    context: Dataset, contact_id: str
) -> list[tuple[Path, tuple[int, str, int], str]]:
    """Open promises of interactions with the contact, then the open journal actions that
    concern them: where each is (file, and the path to it in the file) and its text."""
    found: list[tuple[Path, tuple[int, str, int], str]] = []
    for interaction, (path, index) in zip(
        context.interactions, context.sources.interactions, strict=True
    ):
        if contact_id in interaction.with_:
            found.extend(
                (path, (index, "follow_ups", position), follow_up.do)
                for position, follow_up in enumerate(interaction.follow_ups)
                if follow_up.done is None
            )
    journal = context.root / "journal.yml"
    for index, entry in enumerate(context.journal):
        about = entry.about.contact if entry.about is not None else None
        found.extend(
            (journal, (index, "actions", position), action.do)
            for position, action in enumerate(entry.actions)
            if action.done is None and (action.contact or about) == contact_id
        )
    return found


def _bookings(
    context: Dataset, contact_id: str, today: dt.date, day: dt.date | None
) -> list[tuple[Path, int, dt.date, str]]:
    """Planned interactions with the contact whose day has come (on `day`, when given)."""
    return [
        (path, index, interaction.date, interaction.kind)
        for interaction, (path, index) in zip(
            context.interactions, context.sources.interactions, strict=True
        )
        if interaction.planned
        and contact_id in interaction.with_
        and interaction.date <= today
        and day in (None, interaction.date)
    ]


def confirm_change(
    context: Dataset, query: str, today: dt.date, day: dt.date | None = None
) -> Change:
    """Confirm that a booked interaction with `query` happened: its `planned` becomes false,
    and it counts as a touch from then on."""
    contact_id = resolve(query, context.contacts, context.sources.contacts.keys())
    name = _name(context, contact_id)
    found = _bookings(context, contact_id, today, day)
    if len(found) != 1:
        on = f" on {day}" if day else ""
        which = "several bookings to confirm; pass --date" if found else "no booking to confirm"
        shown = [f"{kind} on {date} in {display_path(path)}" for path, _, date, kind in found]
        raise EditError(
            f"{name} ({contact_id}) has {which}{on} (a planned interaction whose day has come)",
            shown,
        )
    path, index, date, kind = found[0]
    before = read_text(path)
    after, reads_back = edited(
        context,
        path,
        before,
        lambda t: with_value(t, (index, "planned"), False, display_path(path)),
    )
    return Change(path, before, after, f"confirmed: {kind} with {name} on {date}", reads_back)


def done_change(context: Dataset, query: str, text: str, today: dt.date) -> Change:
    """Mark done today the one open follow-up with `query` whose text matches `text`: a
    promise of an interaction with them, or an action of the journal that concerns them."""
    contact_id = resolve(query, context.contacts, context.sources.contacts.keys())
    name = _name(context, contact_id)
    open_ = _open_follow_ups(context, contact_id)
    wanted = fold(text)
    matches = [f for f in open_ if fold(f[2]) == wanted] or [
        f for f in open_ if wanted and wanted in fold(f[2])
    ]
    if not open_:
        raise EditError(f"{name} ({contact_id}) has no open follow-up")
    if len(matches) != 1:
        shown = [f"{do!r} in {display_path(path)}" for path, _, do in matches or open_]
        which = "several" if matches else "none of the"
        raise EditError(
            f"{which} open follow-ups of {name} match {text!r}; nothing was written", shown
        )
    path, found, do = matches[0]
    where = (*found, "done")
    before = read_text(path)
    after, reads_back = edited(
        context, path, before, lambda t: with_value(t, where, today.isoformat(), display_path(path))
    )
    return Change(path, before, after, f"done: {do!r} with {name}, on {today}", reads_back)


def move_change(context: Dataset, query: str, circle: str) -> Change:
    """Set `circle` of one contact (no change when they are in that circle already)."""
    contact_id = resolve(query, context.contacts, context.sources.contacts.keys())
    contact = context.contacts.get(contact_id)
    if contact is not None and contact.circle == circle:
        path = context.sources.contacts[contact_id]
        text = read_text(path)
        return Change(path, text, text, f"{contact.name} ({contact_id}) is in the {circle} circle")
    return _contact_change(context, contact_id, "circle", circle, f"move to the {circle} circle:")
