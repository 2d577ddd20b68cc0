"""LinkedIn's `Connections.csv` (Settings > Data privacy > Get a copy of your data).

The real file starts with a "Notes:" preamble before the header row, may begin with a
byte-order mark, quotes fields holding commas, and writes "Connected On" as `12 Mar 2024`
(or `7-Feb-22` once a spreadsheet has saved it). Emails are present only for people who
allow it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from site_builder.dedupe.identity import email_key, linkedin_key
from site_builder.editing.errors import EditError
from site_builder.interop.incoming import Incoming, Note, Parsed, decode

COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "linkedin",
    "profile url": "linkedin",
    "email address": "email",
    "company": "company",
    "position": "role",
    "connected on": "connected",
}
DATE_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%Y-%m-%d",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d.%m.%Y",
)


def parse_connected(text: str) -> str | None:
    """`12 Mar 2024`, `7-Feb-22`, `2024-03-12`, ... as YYYY-MM-DD; None when unreadable."""
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _header(cells: list[str]) -> list[str] | None:
    names = [COLUMNS.get(cell.strip().lstrip("\ufeff").lower(), "") for cell in cells]
    return names if "first" in names and "last" in names else None


def _facts(fields: dict[str, str], line: int, notes: list[Note]) -> dict[str, str | None]:
    facts: dict[str, str | None] = {
        "company": fields.get("company") or None,
        "role": fields.get("role") or None,
    }
    if url := fields.get("linkedin"):
        facts["linkedin"] = url if linkedin_key(url) else None
        if not facts["linkedin"]:
            notes.append(Note(line, f"URL {url!r} is not a LinkedIn profile; left out", "warning"))
    if email := fields.get("email"):
        facts["email"] = email if email_key(email) else None
        if not facts["email"]:
            notes.append(Note(line, f"{email!r} is not an email address; left out", "warning"))
    if connected := fields.get("connected"):
        facts["met_on"] = parse_connected(connected)
        if not facts["met_on"]:
            notes.append(
                Note(line, f"Connected On {connected!r} is not a date; left out", "warning")
            )
    return facts


def _person(header: list[str], row: list[str], line: int, notes: list[Note]) -> Incoming | None:
    if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
        notes.append(
            Note(
                line,
                f"expected {len(header)} fields, found {len(row)} "
                "(a comma outside quotes?); skipped",
            )
        )
        return None
    fields = {name: cell.strip() for name, cell in zip(header, row, strict=False) if name}
    name = " ".join(part for part in (fields.get("first"), fields.get("last")) if part)
    if not name:
        notes.append(Note(line, "no first or last name; skipped"))
        return None
    facts = _facts(fields, line, notes)
    return Incoming(
        name=name,
        line=line,
        company=facts["company"],
        role=facts["role"],
        met_on=facts.get("met_on"),
        linkedin=facts.get("linkedin"),
        email=facts.get("email"),
    )


def read_linkedin(data: bytes, name: str) -> Parsed:
    """The people of a LinkedIn connections export; a file that is not one is refused."""
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    header: list[str] | None = None
    first_cells: list[str] = []
    parsed = Parsed()
    line = 1
    try:
        for row in reader:
            if header is None:
                first_cells = first_cells or [cell for cell in row if cell.strip()]
                header = _header(row)
            elif any(cell.strip() for cell in row):
                person = _person(header, row, line, parsed.notes)
                if person is not None:
                    parsed.people.append(person)
            line = reader.line_num + 1
    except csv.Error as error:
        parsed.notes.append(Note(line, f"unreadable CSV ({error}); the rest was skipped"))
    if header is None and not first_cells:
        raise EditError(f"{name} is empty: nothing to import")
    if header is None:
        raise EditError(
            f"{name} is not a LinkedIn connections export: no header row with "
            f"First Name and Last Name (it starts with {', '.join(first_cells[:4])!r})"
        )
    return parsed
