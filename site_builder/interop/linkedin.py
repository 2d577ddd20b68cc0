"""LinkedIn's `Connections.csv` (Settings > Data privacy > Get a copy of your data).

Since 2020 the file starts with a "Notes:" preamble before the header row, may begin
with a byte-order mark, and quotes fields holding commas. Emails are present only for
people who allow it (older files may hold `urn:li:member:...` instead). "Connected On"
has been written `08 Jan 2018` (2018 on), `"1/8/18, 6:14 PM"` (before: month first, with
the time), and whatever a spreadsheet made of it once saved: `8-Jan-18`, `2018-01-08`,
`Jan 8, 2018`, `1/8/2018`, `08.01.2018`. A date with slashes is read month first, as
LinkedIn wrote it, unless its first number cannot be a month (`13/1/2018`). The export
of before 2016, in Outlook's columns ("E-mail Address", "Job Title"), is read too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable

from site_builder.dedupe.identity import email_key, linkedin_key
from site_builder.editing.errors import EditError
from site_builder.interop.incoming import Incoming, Note, Parsed, decode

COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "linkedin",
    "profile url": "linkedin",
    "email address": "email",
    "e-mail address": "email",
    "company": "company",
    "position": "role",
    "job title": "role",
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
    "%m/%d/%y",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d/%m/%y",
)
_TIME = re.compile(r",?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$")


def parse_connected(text: str) -> str | None:
    """`12 Mar 2024`, `3/12/24, 6:14 PM`, `2024-03-12`, ... as YYYY-MM-DD; None when unreadable."""
    day = _TIME.sub("", text.strip())
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(day, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _header(cells: list[str]) -> list[str] | None:
    names = [COLUMNS.get(cell.strip().lstrip("\ufeff").lower(), "") for cell in cells]
    return names if "first" in names and "last" in names else None


def _facts(fields: dict[str, str], warn: Callable[[str], None]) -> dict[str, str | None]:
    facts: dict[str, str | None] = {
        "company": fields.get("company") or None,
        "role": fields.get("role") or None,
    }
    if url := fields.get("linkedin"):
        facts["linkedin"] = url if linkedin_key(url) else None
        if not facts["linkedin"]:
            warn(f"URL {url!r} is not a LinkedIn profile; left out")
    if email := fields.get("email"):
        facts["email"] = email if email_key(email) else None
        if not facts["email"]:
            warn(f"{email!r} is not an email address; left out")
    if connected := fields.get("connected"):
        facts["met_on"] = parse_connected(connected)
        if not facts["met_on"]:
            warn(f"Connected On {connected!r} is not a date; left out")
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
    facts = _facts(fields, lambda what: notes.append(Note(line, f"{name}: {what}", "warning")))
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
