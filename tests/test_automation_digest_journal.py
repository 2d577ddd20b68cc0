"""The digest's journal: the reflections of the last seven days, what was learned and the
actions still open; no section in a week without any."""

from __future__ import annotations

import datetime as dt

from site_builder.automation.digest import render_digest
from site_builder.compute import compute
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 12, 7)  # a Monday: the last seven days are 1 to 7 December
FILES = {
    "contacts/ada.yml": "name: Ada\ncircle: inner\n",
    "events.yml": "- {id: devconf, name: DevConf, date: 2026-12-02}\n",
    "journal.yml": """\
        - date: 2026-11-30
          about: {contact: ada}
          learned: [Too old for this digest]
        - date: 2026-12-01
          about: {event: devconf}
          learned: ["<b>Lightning</b> talks | *work*", Ask first]
          actions:
            - {do: Send slides, contact: ada, due: 2026-12-09}
            - {do: Book the room, done: 2026-12-03}
        """,
}


def test_the_weeks_reflections_are_in_the_digest(write_data: WriteData) -> None:
    result = load(write_data(FILES))
    assert result.ok, result.problems
    text = render_digest(compute(result.dataset, TODAY))
    assert "## Journal (1)" in text
    assert (
        r"| 2026-12-01 | DevConf | \<b\>Lightning\</b\> talks \| \*work\*; Ask first | - "
        "| Send slides (by 2026-12-09) |"
    ) in text
    assert "Too old" not in text and "Book the room" not in text


def test_no_journal_section_without_a_reflection_this_week(write_data: WriteData) -> None:
    result = load(
        write_data({**FILES, "journal.yml": FILES["journal.yml"].split("- date: 2026-12-01")[0]})
    )
    text = render_digest(compute(result.dataset, TODAY))
    assert "## Journal" not in text
