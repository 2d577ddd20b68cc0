"""`netdash import linkedin`: real exports, duplicates, re-runs and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.editing import EditError
from site_builder.interop.linkedin import parse_connected, read_linkedin
from site_builder.loading.loader import load
from tests.conftest import WriteData

FIXTURES = Path(__file__).parent / "fixtures" / "linkedin"
ADA = (
    "# Ada, met at PyCon 2024\n"
    "name: Ada Lovelace\n"
    "circle: inner   # monthly\n"
    "company: Analytical Engines\n"
    "private:\n"
    "  email: ADA@analytical.example\n"
)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root)])


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted(path for path in root.rglob("*") if path.is_file())
    return {str(path.relative_to(root)): path.read_bytes() for path in files}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12 Mar 2024", "2024-03-12"),
        ("07 Feb 2022", "2022-02-07"),
        ("7-Feb-22", "2022-02-07"),
        ("2024-03-12", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("Jan 8, 2018", "2018-01-08"),
        ("1/8/18, 6:14 PM", "2018-01-08"),
        ("12/17/17, 5:05 AM", "2017-12-17"),
        ("1/8/2018", "2018-01-08"),
        ("13/1/2018", "2018-01-13"),
        ("08.01.2018", "2018-01-08"),
        ("2018-01-08 18:14:00", "2018-01-08"),
        ("sometime", None),
        ("2/30/18, 6:14 PM", None),
    ],
)
def test_connected_on_styles(text: str, day: str | None) -> None:
    assert parse_connected(text) == day


def test_reads_the_real_export() -> None:
    parsed = read_linkedin((FIXTURES / "Connections.csv").read_bytes(), "Connections.csv")
    people = {person.name: person for person in parsed.people}
    ada = people["Ada Lovelace"]
    assert (ada.line, ada.company, ada.role, ada.met_on, ada.email) == (
        5,
        "Analytical Engines, Ltd",
        "Principal Engineer",
        "2024-03-12",
        "ada@analytical.example",
    )
    assert people["Margaret Hamilton, PhD"].company == "Hamilton Technologies, Inc."
    assert people["Zoë Ñúñez-O'Brien"].met_on == "2023-02-28"
    assert people["Linus Torvalds"].met_on is None
    assert [str(note) for note in parsed.notes] == [
        "line 13: Linus Torvalds: Connected On 'sometime last year' is not a date; left out"
    ]


def test_import_creates_new_people_and_fills_only_empty_fields(write_data: WriteData) -> None:
    root = write_data({"contacts/ada-lovelace.yml": ADA})
    result = run(root, "import", "linkedin", str(FIXTURES / "Connections.csv"))
    assert result.exit_code == 0, result.output
    ada = (root / "contacts" / "ada-lovelace.yml").read_text("utf-8")
    assert ada.startswith(ADA)  # nothing of hers changed, lines only added
    assert ada[len(ADA) :] == (
        "role: Principal Engineer\nmet:\n  on: 2024-03-12\n"
        "links:\n  linkedin: https://www.linkedin.com/in/ada-lovelace-1815\n"
    )
    assert "kept: ada-lovelace: company stays 'Analytical Engines'" in result.output
    contacts = load(root).dataset.contacts
    assert {
        "grace-hopper",
        "katherine-johnson",
        "zoe-nunez-obrien",
        "margaret-hamilton-phd",
        "john-smith",
        "john-smith-2",
        "rocket-founder",
        "linus-torvalds",
    } <= set(contacts)
    assert contacts["john-smith"].company != contacts["john-smith-2"].company
    assert contacts["grace-hopper"].circle == "outer"
    assert contacts["rocket-founder"].name == "🚀 ✨"
    zoe = contacts["zoe-nunez-obrien"]
    assert zoe.private is not None and zoe.private.email == "zoe@example.org"
    assert load(root).ok


def test_reimport_changes_nothing(write_data: WriteData) -> None:
    root = write_data({"contacts/ada-lovelace.yml": ADA})
    assert run(root, "import", "linkedin", str(FIXTURES / "Connections.csv")).exit_code == 0
    before = snapshot(root)
    again = run(root, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--circle", "inner")
    assert again.exit_code == 0
    assert "0 new, 0 updated, 9 unchanged" in again.output
    assert snapshot(root) == before


def test_older_export_and_malformed_rows(write_data: WriteData) -> None:
    root = write_data({"contacts/ada-lovelace.yml": ADA})
    older = str(FIXTURES / "Connections_2019.csv")
    result = run(root, "import", "linkedin", older, "--circle", "middle")
    assert result.exit_code == 0, result.output
    assert "line 4: expected 6 fields, found 7 (a comma outside quotes?); skipped" in result.output
    assert "line 5: no first or last name; skipped" in result.output
    assert "line 6: expected 6 fields, found 2" in result.output
    contacts = load(root).dataset.contacts
    assert set(contacts) == {"ada-lovelace", "alan-turing"}
    assert contacts["alan-turing"].circle == "middle"
    assert str(contacts["alan-turing"].met.on) == "2022-02-07"  # type: ignore[union-attr]


def test_same_name_with_another_email_is_ambiguous(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/alan-turing.yml": "name: Alan Turing\ncircle: inner\n"
            "private: {email: turing@manchester.example}\n"
        }
    )
    before = snapshot(root)
    csv = (
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Alan,Turing,alan@bletchley.example,BP,X,1-Jan-20\n"
    )
    (root.parent / "c.csv").write_text(csv)
    result = run(root, "import", "linkedin", str(root.parent / "c.csv"))
    assert (
        "ambiguous: line 2: 'Alan Turing': same name as alan-turing, but another email"
        in result.output
    )
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "empty.csv is empty: nothing to import"),
        (
            "not_linkedin.csv",
            "not a LinkedIn connections export: no header row with First Name and "
            "Last Name (it starts with 'Date, Description, Amount')",
        ),
        ("only_notes.csv", "not a LinkedIn connections export"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(
    write_data: WriteData, name: str, message: str
) -> None:
    root = write_data({"contacts/ada-lovelace.yml": ADA})
    before = snapshot(root)
    result = run(root, "import", "linkedin", str(FIXTURES / name))
    assert result.exit_code == 1
    assert message in result.output
    assert snapshot(root) == before
    with pytest.raises(EditError):
        read_linkedin((FIXTURES / name).read_bytes(), name)


def test_missing_file_and_bad_circle(write_data: WriteData) -> None:
    root = write_data()
    assert "cannot read" in run(root, "import", "linkedin", "nope.csv").output
    result = run(root, "import", "linkedin", str(FIXTURES / "Connections.csv"), "--circle", "close")
    assert result.exit_code == 1 and "--circle: 'close' is not one of" in result.output
