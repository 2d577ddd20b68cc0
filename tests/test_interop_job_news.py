"""A LinkedIn re-import that finds a new company or role writes it, with a news entry
dated the import day; how a company is written is no news."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.interop.job_news import company_key, is_news
from site_builder.loading.loader import load
from tests.conftest import WriteData

ADA = (
    "# Ada, met at PyCon 2024\n"
    "name: Ada Lovelace\n"
    "circle: inner   # monthly\n"
    "company: Analytical Engines\n"
    "role: Senior Engineer\n"
    "links: {linkedin: 'https://www.linkedin.com/in/ada'}\n"
)
GRACE = (
    "name: Grace Hopper\n"
    "circle: middle\n"
    "company: ACME, Inc.\n"
    "role: Engineer   # since 2024\n"
    "links: {linkedin: 'https://www.linkedin.com/in/grace'}\n"
    "news:\n"
    "  - date: 2026-03-01\n"
    "    kind: award\n"
    "    text: Best talk at PyCon\n"
)
KAT = (
    "name: Katherine Johnson\n"
    "circle: outer\n"
    "company: NASA\n"
    "role: Research Mathematician\n"
    "links: {linkedin: 'https://www.linkedin.com/in/kat'}\n"
)
CSV = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada,,Babbage & Co,Principal Engineer,12 Mar 2024\n"
    "Grace,Hopper,https://www.linkedin.com/in/grace,,Acme,Engineering Manager,07 Feb 2022\n"
    'Katherine,Johnson,https://www.linkedin.com/in/kat,,"NASA, Inc.",research mathematician,\n'
)


def run(root: Path, csv: Path, *args: str) -> Result:
    return CliRunner().invoke(
        app,
        ["import", "linkedin", str(csv), "--data", str(root), *args],
        env={"NETDASH_TODAY": "2026-11-23"},
    )


def files(write_data: WriteData, tmp_path: Path) -> tuple[Path, Path]:
    root = write_data(
        {"contacts/ada.yml": ADA, "contacts/grace.yml": GRACE, "contacts/kat.yml": KAT}
    )
    csv = tmp_path / "Connections.csv"
    csv.write_text(CSV, encoding="utf-8")
    return root, csv


def test_a_new_company_is_written_with_a_new_job_entry(
    write_data: WriteData, tmp_path: Path
) -> None:
    root, csv = files(write_data, tmp_path)
    result = run(root, csv)
    assert result.exit_code == 0, result.output
    ada = (root / "contacts" / "ada.yml").read_text("utf-8")
    assert ada == (
        "# Ada, met at PyCon 2024\n"
        "name: Ada Lovelace\n"
        "circle: inner   # monthly\n"
        "company: Babbage & Co\n"
        "role: Principal Engineer\n"
        "links: {linkedin: 'https://www.linkedin.com/in/ada'}\n"
        "met:\n"
        "  on: 2024-03-12\n"
        "news:\n"
        "  - {date: 2026-11-23, kind: new_job, text: Now Principal Engineer at Babbage & Co "
        "(was Senior Engineer at Analytical Engines)}\n"  # in the file's flow style
    )
    assert (
        "updated: ada (Ada Lovelace): company, role, met.on; news: new_job, Now Principal "
        "Engineer at Babbage & Co (was Senior Engineer at Analytical Engines)"
    ) in result.output


def test_a_new_role_at_the_same_company_is_a_promotion_added_to_the_news(
    write_data: WriteData, tmp_path: Path
) -> None:
    root, csv = files(write_data, tmp_path)
    assert run(root, csv).exit_code == 0
    grace = (root / "contacts" / "grace.yml").read_text("utf-8")
    # the company stays as written (Acme is ACME, Inc.), the role is replaced in place
    assert grace == GRACE.replace("role: Engineer ", "role: Engineering Manager ") + (
        "  - date: 2026-11-23\n"
        "    kind: promotion\n"
        "    text: Now Engineering Manager at ACME, Inc. (was Engineer at ACME, Inc.)\n"
        "met:\n"
        "  on: 2022-02-07\n"
    )
    contacts = load(root).dataset.contacts
    assert [(n.kind, str(n.date)) for n in contacts["grace"].news] == [
        ("award", "2026-03-01"),
        ("promotion", "2026-11-23"),
    ]


def test_the_same_job_written_otherwise_is_no_news_and_a_rerun_changes_nothing(
    write_data: WriteData, tmp_path: Path
) -> None:
    root, csv = files(write_data, tmp_path)
    assert run(root, csv).exit_code == 0
    assert (root / "contacts" / "kat.yml").read_text("utf-8") == KAT
    before = {p.name: p.read_bytes() for p in (root / "contacts").iterdir()}
    again = run(root, csv)
    assert again.exit_code == 0 and "0 new, 0 updated, 3 unchanged" in again.output
    assert {p.name: p.read_bytes() for p in (root / "contacts").iterdir()} == before


def test_a_vcard_import_keeps_the_job_it_knows(write_data: WriteData, tmp_path: Path) -> None:
    root = write_data({"contacts/ada.yml": ADA})
    card = tmp_path / "ada.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
        "ORG:Babbage & Co\r\nTITLE:Principal Engineer\r\n"
        "URL:https://www.linkedin.com/in/ada\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        ["import", "vcard", str(card), "--data", str(root)],
        env={"NETDASH_TODAY": "2026-11-23"},
    )
    assert result.exit_code == 0, result.output
    assert (root / "contacts" / "ada.yml").read_text("utf-8") == ADA
    assert "kept: ada: company stays 'Analytical Engines'" in result.output


def test_company_names_compare_without_legal_suffix_case_or_punctuation() -> None:
    assert company_key("ACME, Inc.") == company_key("Acme") == "acme"
    assert company_key("Café Ölçü GmbH") == "cafe olcu"
    assert company_key("Ltd") == "ltd"  # a name that is only a suffix stays itself
    assert not is_news("company", "Analytical Engines", "Analytical Engines, Ltd")
    assert is_news("company", "Analytical Engines", "Babbage & Co")
    assert not is_news("role", "Head of Data", "head of data")
    assert is_news("role", "Head of Data", "VP Data")
