"""`netdash import vcard` and `netdash export vcard`: every version and vendor, and back again."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.interop.vcard_read import read_vcards
from site_builder.interop.vcard_write import fold
from site_builder.loading.loader import load
from tests.conftest import WriteData

FIXTURES = Path(__file__).parent / "fixtures" / "vcard"


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root)])


def snapshot(root: Path) -> dict[str, bytes]:
    files = sorted(path for path in root.rglob("*") if path.is_file())
    return {str(path.relative_to(root)): path.read_bytes() for path in files}


def people(name: str) -> dict[str, tuple[object, ...]]:
    parsed = read_vcards((FIXTURES / name).read_bytes(), name)
    return {
        p.name: (p.company, p.role, p.email, p.phone, p.linkedin, p.birthday) for p in parsed.people
    }


def test_apple_contacts_3_0() -> None:
    assert people("apple.vcf") == {
        "Ada Lovelace": (
            "Analytical Engines, Ltd",
            "Principal Engineer",
            "ada@analytical.example",
            "+44 7700 900123",
            "https://www.linkedin.com/in/ada-lovelace-1815",
            "12-10",
        ),
        "Grace Hopper": (
            "US Navy",
            None,
            "grace@navy.example",
            None,
            "https://www.linkedin.com/in/gracehopper",
            "1906-12-09",
        ),
    }


def test_google_contacts_3_0() -> None:
    assert people("google.vcf") == {
        "Katherine Johnson": (
            "NASA",
            "Research Mathematician",
            "katherine.johnson@nasa.example",
            "+1 757-555-0100",
            "https://www.linkedin.com/in/katherine-johnson-nasa",
            "1918-08-26",
        ),
        "Dorothy Vaughan": (None, None, "dorothy@nasa.example", None, None, "09-20"),
    }


def test_outlook_2_1_quoted_printable_and_windows_1252() -> None:
    assert people("outlook.vcf") == {
        "Jürgen Müller": (
            "Müller & Söhne AG · Forschung",
            "Leiter Entwicklung",
            "juergen.mueller@example.de",
            "+49 170 7654321",
            None,
            "1980-12-10",
        ),
        "Françoise Barré": (
            "Institut Pasteur",
            "Virologue",
            "francoise.barre@pasteur.example",
            None,
            "http://www.linkedin.com/in/francoise-barre-sinoussi/",
            None,
        ),
    }


def test_vcard_4_0() -> None:
    assert people("v4.vcf") == {
        "Alan Turing": (
            "Bletchley Park · Hut 8",
            "Cryptanalyst",
            "alan@bletchley.example",
            "+44-7700-900456",
            "https://www.linkedin.com/in/alan-turing-1912",
            "06-23",
        ),
        "Hedy Lamarr": (None, None, "hedy@example.com", None, None, "11-09"),
        "Radia Perlman": (None, None, None, None, None, "12-10"),
    }


def test_truncated_and_binary_files_import_what_they_can(write_data: WriteData) -> None:
    root = write_data()
    truncated = run(root, "import", "vcard", str(FIXTURES / "truncated.vcf"))
    assert truncated.exit_code == 0
    assert "line 7: card is not closed (END:VCARD missing); skipped" in truncated.output
    binary = run(root, "import", "vcard", str(FIXTURES / "binary_photo.vcf"))
    assert binary.exit_code == 0, binary.output
    imported = set(load(root).dataset.contacts)
    assert imported == {"barbara-liskov", "shafi-goldwasser", "silvio-micali"}
    assert load(root).ok


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.vcf", "empty.vcf is empty: nothing to import"),
        ("bom_only.vcf", "bom_only.vcf is empty: nothing to import"),
        ("not_a_vcard.vcf", "not_a_vcard.vcf holds no vCard (no BEGIN:VCARD line)"),
    ],
)
def test_files_without_cards_are_refused(write_data: WriteData, name: str, message: str) -> None:
    root = write_data()
    before = snapshot(root)
    result = run(root, "import", "vcard", str(FIXTURES / name))
    assert result.exit_code == 1 and message in result.output
    assert snapshot(root) == before


def test_card_without_a_usable_name(write_data: WriteData, tmp_path: Path) -> None:
    root = write_data()
    vcf = tmp_path / "odd.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nORG:Just A Company\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:🦄\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:🐙\nEMAIL:octo@example.com\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nNOTE:nothing else\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nTEL;CELL:+44 7700 900999\nEND:VCARD\n"
    )
    result = run(root, "import", "vcard", str(vcf))
    assert "warning: line 1: card has no name (FN or N); named after its ORG" in result.output
    assert "line 5: cannot make an id from '🦄'; skipped" in result.output
    assert "line 14: card has no name, organisation, email or phone; skipped" in result.output
    assert "warning: line 18: card has no name (FN or N); named after its TEL" in result.output
    contacts = load(root).dataset.contacts
    assert set(contacts) == {"just-a-company", "octo", "44-7700-900999"}
    assert contacts["just-a-company"].company == "Just A Company"


def test_every_vendor_dedupes_and_reimport_is_idempotent(write_data: WriteData) -> None:
    ada = (
        "name: Ada Lovelace  # PyCon\ncircle: inner\n"
        "links: {linkedin: 'https://linkedin.com/in/ada-lovelace-1815/'}\n"
    )
    root = write_data({"contacts/ada-lovelace.yml": ada})
    for name in ("apple.vcf", "google.vcf", "outlook.vcf", "v4.vcf"):
        assert run(root, "import", "vcard", str(FIXTURES / name)).exit_code == 0
    contacts = load(root).dataset.contacts
    assert len(contacts) == 9
    lovelace = contacts["ada-lovelace"]
    assert lovelace.private is not None and lovelace.private.email == "ada@analytical.example"
    assert lovelace.dates is not None and lovelace.dates.birthday == "12-10"
    assert lovelace.links == {"linkedin": "https://linkedin.com/in/ada-lovelace-1815/"}
    before = snapshot(root)
    for name in ("apple.vcf", "google.vcf", "outlook.vcf", "v4.vcf"):
        again = run(root, "import", "vcard", str(FIXTURES / name))
        assert " 0 new, 0 updated" in again.output
    assert snapshot(root) == before


def test_export_reimports_to_the_same_people(write_data: WriteData, tmp_path: Path) -> None:
    root = write_data()
    for name in ("apple.vcf", "google.vcf", "outlook.vcf", "v4.vcf"):
        run(root, "import", "vcard", str(FIXTURES / name))
    out = tmp_path / "all.vcf"
    assert run(root, "export", "vcard", "-o", str(out)).exit_code == 0
    assert len(list(vobject.readComponents(out.read_text("utf-8")))) == 9
    before = snapshot(root)
    again = run(root, "import", "vcard", str(out))
    assert "0 new, 0 updated, 9 unchanged" in again.output
    assert snapshot(root) == before
    other = tmp_path / "other"  # a second data folder, with nobody in it yet
    (other / "contacts").mkdir(parents=True)
    (other / "settings.yml").write_text("owner: Someone\n")
    assert run(other, "import", "vcard", str(out), "--circle", "middle").exit_code == 0
    original, copy = load(root).dataset.contacts, load(other).dataset.contacts
    assert set(original) == set(copy)
    for contact_id, contact in original.items():
        twin = copy[contact_id]
        fields = ("name", "company", "role", "private", "links", "dates")
        assert [getattr(twin, f) for f in fields] == [getattr(contact, f) for f in fields]


def test_export_one_circle_to_stdout(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/a.yml": "name: A\ncircle: inner\nprivate: {phone: '+1 555'}\n",
            "contacts/b.yml": "name: B\ncircle: outer\n",
        }
    )
    result = run(root, "export", "vcard", "--circle", "inner")
    assert result.exit_code == 0
    cards = list(vobject.readComponents(result.stdout))
    assert [card.fn.value for card in cards] == ["A"]
    assert cards[0].tel.value == "+1 555"


def test_export_folds_long_lines_at_75_octets(write_data: WriteData) -> None:
    name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処やぶら小路の藪柑子"
    company = "Ñúñez, Ölçü & Çağlar · Forschung und Entwicklung, Abteilung für Übersetzung"
    root = write_data(
        {"contacts/jugemu.yml": f"name: {name}\ncircle: inner\ncompany: '{company}'\n"}
    )
    result = run(root, "export", "vcard")
    lines = result.stdout_bytes.splitlines()
    assert max(len(line) for line in lines) == 75
    for line in lines:
        line.decode("utf-8")  # raises when folding cut a character in two
    assert b"ORG:\xc3\x91\xc3\xba\xc3\xb1ez\\, " in result.stdout_bytes  # the comma escaped
    [card] = vobject.readComponents(result.stdout)
    assert (card.fn.value, card.org.value) == (
        name,
        ["Ñúñez, Ölçü & Çağlar", "Forschung und Entwicklung, Abteilung für Übersetzung"],
    )
    parsed = read_vcards(result.stdout_bytes, "export.vcf")
    assert [(p.name, p.company) for p in parsed.people] == [(name, company)]


@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")))
def test_fold_keeps_every_character_and_the_75_octet_limit(line: str) -> None:
    first, *rest = fold(line).split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in [first, *rest])
    assert all(part.startswith(" ") and len(part) > 1 for part in rest)
    assert first + "".join(part[1:] for part in rest) == line


def test_base64_text_values_are_decoded_in_their_charset() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:SsO8cmdlbg==\r\n"
        b"ORG;ENCODING=b;CHARSET=ISO-8859-1:TfxsbGVy\r\nTITLE;ENCODING=b:!!!x\r\n"
        b"TEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;BASE64:R3LDqWdvaXJl\r\nEND:VCARD\r\n"
    )
    parsed = read_vcards(data, "base64.vcf")
    assert [(p.name, p.company, p.role, p.phone) for p in parsed.people] == [
        ("Jürgen", "Müller", "!!!x", "+49 170 1234567"),
        ("Grégoire", None, None, None),
    ]
    assert [str(note) for note in parsed.notes] == [
        "line 5: Jürgen: TITLE is not valid base64; kept as written"
    ]
