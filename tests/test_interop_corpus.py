"""Real address-book files written by other programs (tests/corpus, see its README), and
crafted ones for each fault seen in real exports: imported, exported, imported again."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.interop.incoming import Incoming, Parsed
from site_builder.interop.linkedin import read_linkedin
from site_builder.interop.vcard_read import read_vcards
from site_builder.loading.loader import load
from tests.conftest import WriteData

CORPUS = Path(__file__).parent / "corpus"
VCARDS: dict[str, tuple[int, int, int]] = {
    # file: (people read, warnings, records skipped)
    "crafted/bad_bytes.vcf": (4, 4, 0),
    "crafted/folded_mid_character.vcf": (1, 0, 0),
    "crafted/shift_jis_2_1.vcf": (3, 0, 0),
    "crafted/unescaped_commas.vcf": (3, 0, 0),
    "evolution-data-server/5.vcf": (1, 0, 0),
    "evolution-data-server/8.vcf": (0, 0, 1),  # END:VCARD missing
    "evolution-data-server/11.vcf": (1, 0, 0),
    "evolution-data-server/12.vcf": (1, 0, 0),
    "evolution-data-server/13.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_ANDROID.vcf": (6, 3, 0),
    "ez-vcard/John_Doe_BLACK_BERRY.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_EVOLUTION.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_GMAIL.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_IPHONE.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_LOTUS_NOTES.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf": (1, 0, 0),
    "ez-vcard/John_Doe_MS_OUTLOOK.vcf": (1, 0, 0),
    "ez-vcard/gmail-list.vcf": (3, 0, 0),
    "ez-vcard/gmail-single2.vcf": (1, 0, 0),
    "ez-vcard/outlook-2003.vcf": (1, 0, 0),
    "ez-vcard/outlook-2007.vcf": (1, 0, 0),
    "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf": (1, 0, 0),
    "folkerkinzel-vcards/AnsiIssueInvalidEncoding.vcf": (1, 0, 0),
    "folkerkinzel-vcards/Greek.vcf": (1, 0, 0),
    "folkerkinzel-vcards/Hebrew.vcf": (1, 1, 0),  # Windows-1255 with no CHARSET anywhere
    "folkerkinzel-vcards/Outlook v2.vcf": (1, 0, 0),
    "folkerkinzel-vcards/Ukrainian.vcf": (1, 0, 0),
    "folkerkinzel-vcards/WhatsAppIssue.vcf": (1, 0, 0),
    "folkerkinzel-vcards/v2_1.vcf": (1, 0, 0),
    "folkerkinzel-vcards/v3Ansi.vcf": (2, 3, 0),
    "folkerkinzel-vcards/v3Utf16Bom.vcf": (2, 0, 0),
    "folkerkinzel-vcards/v4.vcf": (2, 1, 0),  # BDAY 19723101
    "kcontacts/vcard3.vcf": (1, 0, 0),
    "kcontacts/vcard4.vcf": (1, 1, 0),  # no FN: named after its ORG
    "kcontacts/vcard5.vcf": (1, 0, 0),
    "kcontacts/vcard7.vcf": (0, 0, 1),  # nothing but an address label
    "kcontacts/vcard9.vcf": (1, 0, 0),
    "kcontacts/vcard10.vcf": (5, 1, 0),
    "kcontacts/vcard12.vcf": (1, 0, 0),
    "kcontacts/vcardwithitemasapplesupport.vcf": (1, 0, 0),
    "py-vobject/radicale-1587.vcf": (1, 0, 0),
}
LINKEDIN: dict[str, tuple[int, int, int]] = {
    "Connections_2017.csv": (4, 1, 0),
    "Connections_2019.csv": (3, 0, 0),
    "Connections_2024.csv": (3, 0, 0),
    "Connections_spreadsheet.csv": (6, 1, 0),
    "linkedin_connections_export_microsoft_outlook.csv": (2, 0, 0),
}
FIELDS = ("name", "company", "role", "private", "links", "dates", "met")


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root)])


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yml"))}


def counts(parsed: Parsed) -> tuple[int, int, int]:
    severities = [note.severity for note in parsed.notes]
    return len(parsed.people), severities.count("warning"), severities.count("error")


def read(kind: str, name: str) -> Parsed:
    path = CORPUS / kind / name
    reader = read_vcards if kind == "vcard" else read_linkedin
    return reader(path.read_bytes(), path.name)


def facts(person: Incoming) -> tuple[str | None, ...]:
    return (person.company, person.role, person.email, person.phone, person.birthday)


def test_every_corpus_file_is_listed() -> None:
    assert {str(p.relative_to(CORPUS / "vcard")) for p in CORPUS.rglob("*.vcf")} == set(VCARDS)
    assert {p.name for p in CORPUS.rglob("*.csv")} == set(LINKEDIN)
    assert sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file()) < 300_000


@pytest.mark.parametrize("name", sorted(VCARDS))
def test_vcard_file_survives_import_export_import(
    write_data: WriteData, tmp_path: Path, name: str
) -> None:
    parsed = read("vcard", name)
    assert counts(parsed) == VCARDS[name]
    root = write_data()
    imported = run(root, "import", "vcard", str(CORPUS / "vcard" / name))
    assert imported.exit_code == 0, imported.output
    assert all(str(note) in imported.output for note in parsed.notes)
    contacts = load(root).dataset.contacts
    assert sorted(c.name for c in contacts.values()) == sorted(p.name for p in parsed.people)
    exported = tmp_path / "out.vcf"
    assert run(root, "export", "vcard", "-o", str(exported)).exit_code == 0
    for line in exported.read_bytes().splitlines():
        assert 0 < len(line) <= 75
        line.decode("utf-8")  # raises when folding cut a character in two
    if not contacts:  # a file whose only card is broken
        assert exported.read_bytes() == b""
        return
    before = snapshot(root)
    again = run(root, "import", "vcard", str(exported))
    assert f" 0 new, 0 updated, {len(contacts)} unchanged" in again.output
    assert snapshot(root) == before
    other = tmp_path / "other"
    (other / "contacts").mkdir(parents=True)
    (other / "settings.yml").write_text("owner: Someone\n")
    assert run(other, "import", "vcard", str(exported)).exit_code == 0
    copies = load(other).dataset.contacts
    assert set(copies) == set(contacts)
    for contact_id, contact in contacts.items():
        twin = copies[contact_id]
        assert [getattr(twin, f) for f in FIELDS[:-1]] == [getattr(contact, f) for f in FIELDS[:-1]]


@pytest.mark.parametrize("name", sorted(LINKEDIN))
def test_linkedin_file_imports_and_reimports_unchanged(
    write_data: WriteData, tmp_path: Path, name: str
) -> None:
    parsed = read("linkedin", name)
    assert counts(parsed) == LINKEDIN[name]
    root = write_data()
    imported = run(root, "import", "linkedin", str(CORPUS / "linkedin" / name))
    assert imported.exit_code == 0, imported.output
    assert all(str(note) in imported.output for note in parsed.notes)
    contacts = load(root).dataset.contacts
    assert sorted(c.name for c in contacts.values()) == sorted(p.name for p in parsed.people)
    before = snapshot(root)
    again = run(root, "import", "linkedin", str(CORPUS / "linkedin" / name))
    assert f" 0 new, 0 updated, {len(contacts)} unchanged" in again.output
    assert snapshot(root) == before
    exported = tmp_path / "out.vcf"
    assert run(root, "export", "vcard", "-o", str(exported)).exit_code == 0
    from_vcard = run(root, "import", "vcard", str(exported))
    assert f" 0 new, 0 updated, {len(contacts)} unchanged" in from_vcard.output
    assert snapshot(root) == before


def test_shift_jis_names_and_quoted_printable_organisation() -> None:
    people = {p.name: facts(p) for p in read("vcard", "crafted/shift_jis_2_1.vcf").people}
    assert people == {
        "山田 太郎": (
            "株式会社テスト · 開発部",
            "部長",
            "taro.yamada@example.jp",
            "090-1234-5678",
            "1980-04-01",
        ),
        "鈴木 花子": (None, None, "hanako.suzuki@example.jp", None, None),  # N only: family first
        "髙橋 一郎": (None, None, None, "080-9876-5432", None),  # 髙: cp932, not strict Shift_JIS
    }


def test_a_bad_byte_costs_that_value_only() -> None:
    parsed = read("vcard", "crafted/bad_bytes.vcf")
    people = {p.name: facts(p) for p in parsed.people}
    assert people == {
        "Jürgen Weiß": ("Müller \ufffd GmbH", None, "juergen.weiss@example.de", None, None),
        "Chloé Dubois": ("Café \ufffd Ltd", "Gérante", "chloe@example.fr", None, None),
        "佐藤 \ufffd": (None, None, "sato@example.jp", None, None),
        "Grace Hopper": ("US Navy\\", None, "grace@example.com", None, None),
    }
    assert [str(note) for note in parsed.notes] == [
        "line 5: Jürgen Weiß: ORG is not valid UTF-8; the unreadable bytes became \ufffd",
        "line 11: Chloé Dubois: ORG is not valid UTF-8; the unreadable bytes became \ufffd",
        "line 17: 佐藤 \ufffd: FN is not valid SHIFT_JIS; the unreadable bytes became \ufffd",
        "line 23: Grace Hopper: 'TEL;TYPE=\"cell:+1 555 0100' cannot be read; left out",
    ]


def test_unescaped_commas_and_organisation_units() -> None:
    people = {p.name: p for p in read("vcard", "crafted/unescaped_commas.vcf").people}
    assert {name: (p.company, p.role) for name, p in people.items()} == {
        "Mustermann, Heiko": ("Company, The · Dept", "Head of Research, Europe"),
        "Doe, Jane": ("Acme, Inc. · Sales, EMEA", None),
        "Ada Lovelace": ("Analytical Engines", None),  # no FN: N; ORG with no organisation name
    }


def test_a_character_split_by_folding_is_joined() -> None:
    [zoe] = read("vcard", "crafted/folded_mid_character.vcf").people
    assert zoe.name.startswith("Zoë Ñúñez-O'Brien de la Cruz y Fernández-Gutiérrez Ölçü Çağlar")
    assert "\ufffd" not in zoe.name and zoe.company == "Café Ölçü GmbH"


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        (
            "kcontacts/vcard5.vcf",
            "Mustermann, Heiko",
            ("KDE", None, "heiko.mustermann@freenet.org"),
        ),
        (
            "ez-vcard/outlook-2003.vcf",
            "John Doe III",
            ("Company, The · TheDepartment", "The Job Title", "jdoe@hotmail.com"),
        ),
        ("folkerkinzel-vcards/Greek.vcf", "Βαγγέλης", (None, None, None)),
        ("folkerkinzel-vcards/Ukrainian.vcf", "Віталій Володимирович Кличко", (None, None, None)),
        (
            "folkerkinzel-vcards/v3Utf16Bom.vcf",
            "KMS Außenstelle",
            ("KMS Außenstelle", None, "blablö@blub.com"),
        ),
        (
            "evolution-data-server/5.vcf",
            "十城目管理大型知座",
            ("十城目管理大型知座", "十城目管理大型知座", "weird@weird.com"),
        ),
        ("kcontacts/vcard4.vcf", "Ximian, Inc.", ("Ximian, Inc.", None, "hello@ximian.com")),
        (
            "ez-vcard/John_Doe_ANDROID.vcf",
            "john.doe@company.com",
            (None, None, "john.doe@company.com"),
        ),
    ],
)
def test_real_files_read_as_their_program_meant(
    name: str, person: str, expected: tuple[str | None, ...]
) -> None:
    people = {p.name: (p.company, p.role, p.email) for p in read("vcard", name).people}
    assert people[person] == expected


def test_real_android_file_with_a_stray_byte_keeps_the_person() -> None:
    parsed = read("vcard", "ez-vcard/John_Doe_ANDROID.vcf")
    assert "line 82: ÑÑÑÑ: ORG is not valid UTF-8; the unreadable bytes became \ufffd" in [
        str(note) for note in parsed.notes
    ]
    assert "ÑÑÑÑ" in [p.name for p in parsed.people]


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        ("Connections_2017.csv", ["2018-01-08", "2017-12-17", "2015-07-21", "2017-11-20"]),
        ("Connections_2019.csv", ["2018-01-08", "2019-06-23", "2019-02-01"]),
        ("Connections_2024.csv", ["2018-01-08", "2024-03-12", "2023-02-28"]),
        ("Connections_spreadsheet.csv", ["2018-01-08"] * 5 + [None]),
        ("linkedin_connections_export_microsoft_outlook.csv", [None, None]),
    ],
)
def test_linkedin_connected_on_of_every_period(name: str, dates: list[str | None]) -> None:
    parsed = read("linkedin", name)
    assert [person.met_on for person in parsed.people] == dates
    ada = parsed.people[0]
    assert (ada.name, ada.company and ada.company.split(",")[0]) == (
        "Ada Lovelace",
        "Analytical Engines",
    )
