"""Likely duplicate people: the `netdash check` warning and `netdash check --dedupe`."""

from __future__ import annotations

import time
from pathlib import Path

from typer.testing import CliRunner

from site_builder.cli.app import app
from site_builder.dedupe.duplicates import duplicate_groups
from site_builder.dedupe.identity import linkedin_key, name_key
from site_builder.loading.checks import likely_duplicates
from site_builder.loading.loader import load
from site_builder.models import Contact, Dataset, Settings
from tests.conftest import WriteData


def test_keys() -> None:
    assert name_key("Dr. Ada  Lovelace, PhD") == name_key("lovelace, ada") == "ada lovelace"
    assert name_key("Zoë Ñúñez") == name_key("zoe nunez")
    assert name_key("🚀") == ""
    for url in (
        "https://www.linkedin.com/in/Ada-L/",
        "http://linkedin.com/in/ada-l?trk=x",
        "uk.linkedin.com/in/ada-l",
        "https://www.linkedin.com/in/ada-l/details/skills/",
    ):
        assert linkedin_key(url) == "in/ada-l"
    assert linkedin_key("https://example.com/in/ada-l") is None


def test_check_warns_about_likely_duplicates(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
            "contacts/ada-king.yml": "name: Augusta Ada King\ncircle: outer\n"
            "links: {linkedin: 'https://www.linkedin.com/in/ada'}\n",
            "contacts/countess.yml": "name: The Countess\ncircle: outer\n"
            "links: {profile: 'https://linkedin.com/in/ada/'}\n",
            "contacts/lovelace-ada.yml": "# imported twice\nname: 'Lovelace, Ada'\ncircle: outer\n",
            "contacts/john-smith.yml": "name: John Smith\ncircle: outer\n"
            "links: {linkedin: 'https://www.linkedin.com/in/js-1'}\n",
            "contacts/john-smith-2.yml": "name: John Smith\ncircle: outer\n"
            "links: {linkedin: 'https://www.linkedin.com/in/js-2'}\n",
            "contacts/grace.yml": "name: Grace Hopper\ncircle: outer\n"
            "private: {email: G@navy.example}\n",
            "contacts/amazing-grace.yml": "name: Amazing Grace\ncircle: outer\n"
            "private: {email: g@navy.example}\n",
        }
    )
    result = load(root)
    assert result.ok  # warnings only
    warnings = sorted((p.path.name, p.line, p.message) for p in result.problems)
    assert warnings == [
        (
            "countess.yml",
            1,
            "likely the same person as 'ada-king' (same LinkedIn profile); "
            "see netdash check --dedupe",
        ),
        (
            "grace.yml",
            1,
            "likely the same person as 'amazing-grace' (same email); see netdash check --dedupe",
        ),
        (
            "lovelace-ada.yml",
            2,
            "likely the same person as 'ada-lovelace' (same name); see netdash check --dedupe",
        ),
    ]
    report = CliRunner().invoke(app, ["check", "--dedupe", "--data", str(root)])
    assert report.exit_code == 0
    assert "3 groups of likely duplicates" in report.stdout
    assert (
        "  ada-king (Augusta Ada King), countess (The Countess): same LinkedIn profile"
        in report.stdout
    )
    assert "john-smith" not in report.stdout  # one name, two LinkedIn profiles: two people


def test_no_duplicates_says_so(write_data: WriteData) -> None:
    root = write_data({"contacts/a.yml": "name: A\ncircle: inner\n"})
    report = CliRunner().invoke(app, ["check", "--dedupe", "--data", str(root)])
    assert "no likely duplicates" in report.stdout


def test_near_linear_on_many_contacts() -> None:
    """10,000 contacts, 2,000 of them named John Smith: blocking keeps it fast."""
    contacts = {
        f"person-{i}": Contact(name=f"Person Number{i}", circle="outer") for i in range(8000)
    }
    contacts.update(
        {f"john-smith-{i}": Contact(name="John Smith", circle="outer") for i in range(2000)}
    )
    started = time.perf_counter()
    groups = duplicate_groups(contacts)
    elapsed = time.perf_counter() - started
    assert [len(group.contact_ids) for group in groups] == [2000]
    assert elapsed < 5, elapsed  # all pairs would be 50 million comparisons
    started = time.perf_counter()
    assert len(likely_duplicates_of(contacts)) == 1999
    assert time.perf_counter() - started < 5


def likely_duplicates_of(contacts: dict[str, Contact]) -> list[object]:
    dataset = Dataset(settings=Settings(owner="x"), contacts=contacts, root=Path("data"))
    return list(likely_duplicates(dataset))
