"""The encrypted build (`netdash build --encrypt`): every page locked with one password,
and nothing personal in any file outside the locked content: no contact's name, email,
phone or note, in any file of the built site (the gzip'd sitemap opened too)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.cli import app
from site_builder.loading.loader import load
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site import encrypt
from site_builder.site.runner import ENV_DATA, build_site
from tests.site_support import (
    PRIVATE_VALUES,
    REPO,
    SITE_URL,
    TODAY,
    build,
    hostile_files,
    project,
    unset_until_teardown,
    write_files,
)

# Long enough that the plugin's entropy warning stays quiet under --strict.
PASSWORD = "correct horse battery staple violin meadow 42"
LOCKED = 'id="mkdocs-encrypted-content"'


def personal_values(data: Path) -> dict[str, str]:
    """Each contact's name, email, phone and notes (private or not), by the value."""
    values: dict[str, str] = {}
    for contact_id, contact in load(data).dataset.contacts.items():
        values[contact.name] = f"{contact_id}: name"
        private = contact.private
        for field in ("email", "phone", "notes"):
            value = getattr(private, field, None) if private is not None else None
            if value:
                values[str(value)] = f"{contact_id}: {field}"
    return values


def file_texts(site: Path) -> dict[str, str]:
    """Every file of a built site as text, gzip'd files opened, by relative path."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if path.suffix == ".gz":
                content = gzip.decompress(content)
            texts[path.relative_to(site).as_posix()] = content.decode("utf-8", "replace")
    return texts


def found(texts: dict[str, str], values: dict[str, str]) -> dict[str, list[str]]:
    """Which personal values each file holds (compared without case)."""
    hits: dict[str, list[str]] = {}
    for name, text in texts.items():
        folded = text.casefold()
        for value, what in values.items():
            if value.casefold() in folded:
                hits.setdefault(name, []).append(what)
    return hits


@pytest.fixture(scope="module")
def demo_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo built plain and encrypted."""
    folder = tmp_path_factory.mktemp("encrypted-demo")
    with pytest.MonkeyPatch.context() as env:
        unset_until_teardown(env, ENV_DATA)
        env.setenv(ENV_TODAY, TODAY.isoformat())
        config = REPO / "mkdocs.yml"
        build_site(config, strict=True, site_dir=folder / "plain", site_url=SITE_URL)
        build_site(
            config, strict=True, site_dir=folder / "locked", site_url=SITE_URL, password=PASSWORD
        )
    return folder / "plain", folder / "locked"


def test_no_file_of_the_encrypted_demo_holds_a_name_email_phone_or_note(
    demo_sites: tuple[Path, Path],
) -> None:
    plain, locked = demo_sites
    values = personal_values(REPO / "data")
    assert len(values) > 150  # 80 names, and the emails, phones and notes of the demo
    # The check can fail: the plain build shows names on many pages and in the feed.
    plain_hits = found(file_texts(plain), values)
    assert {"index.html", "touchpoints.ics", "search/search_index.json"} <= set(plain_hits)
    assert found(file_texts(locked), values) == {}


def test_every_page_of_the_encrypted_demo_is_locked(demo_sites: tuple[Path, Path]) -> None:
    _, locked = demo_sites
    pages = sorted(locked.rglob("index.html"))
    assert len(pages) > 90  # 80 people, the generated pages, the guide
    unlocked = [p.relative_to(locked).as_posix() for p in pages if LOCKED not in p.read_text()]
    assert unlocked == []
    assert (locked / "assets" / "javascripts" / "decrypt-contents.js").is_file()


def test_the_encrypted_demo_leaves_out_the_feed_titles_index_and_person_addresses(
    demo_sites: tuple[Path, Path],
) -> None:
    plain, locked = demo_sites
    assert (plain / "touchpoints.ics").is_file() and not (locked / "touchpoints.ics").exists()
    assert "touchpoints.ics" in (plain / "touchpoints" / "index.html").read_text()
    assert "touchpoints.ics" not in (locked / "touchpoints" / "index.html").read_text()
    person = (locked / "people" / "abena-owusu" / "index.html").read_text()
    assert "<title>Person - netdash</title>" in person
    assert json.loads((locked / "search" / "search_index.json").read_text())["docs"] == []
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        plain_map, locked_map = file_texts(plain)[name], file_texts(locked)[name]
        assert "people/abena-owusu/" in plain_map
        assert "people/abena-owusu/" not in locked_map
        assert f"{SITE_URL}people/</loc>" in locked_map and f"{SITE_URL}week/</loc>" in locked_map
    assert (locked / "sitemap.xml.gz").read_bytes() == encrypt.gzipped(
        (locked / "sitemap.xml").read_text()
    )


def test_the_hostile_set_leaks_no_private_detail_or_name_when_encrypted(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config = project(tmp_path, data)
    build_site(config, strict=True, password=PASSWORD)
    texts = file_texts(tmp_path / "site")
    assert found(texts, {value: value for value in PRIVATE_VALUES}) == {}
    assert found(texts, {"Ada Lovelace": "name", "Bob Archived": "name"}) == {}
    assert "encryptcontent.cache" not in {p.name for p in tmp_path.iterdir()}  # no keys kept


def test_build_encrypt_needs_the_password_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config = project(tmp_path, data)
    monkeypatch.setenv(encrypt.ENV_PASSWORD, " ")
    args = ["build", "--encrypt", "--config-file", str(config), "--site-dir", str(tmp_path / "s")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "error: an encrypted build needs a password: set NETDASH_SITE_PASSWORD" in (
        result.output
    )
    assert not (tmp_path / "s").exists()
    monkeypatch.setenv(encrypt.ENV_PASSWORD, PASSWORD)
    result = CliRunner().invoke(app, [*args, "--strict"])
    assert result.exit_code == 0, result.output
    assert LOCKED in (tmp_path / "s" / "people" / "ada" / "index.html").read_text()


def test_the_plugin_refuses_an_encryption_that_would_leave_pages_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    netdash = {"netdash": {"data_dir": str(data), "today": TODAY.isoformat()}}
    before = project(tmp_path / "a", data, plugins=["search", {"encryptcontent": {}}, netdash])
    no_password = project(tmp_path / "b", data, plugins=["search", netdash, "encryptcontent"])
    monkeypatch.setenv(encrypt.ENV_PASSWORD, PASSWORD)
    for config, problem in (
        (before, "list encryptcontent after netdash in mkdocs.yml's plugins"),
        (no_password, "give it a global_password"),
    ):
        encrypting = ["--encrypt"] if config == before else []
        result = CliRunner().invoke(app, ["build", *encrypting, "--config-file", str(config)])
        assert result.exit_code == 1
        assert f"netdash: the encrypted build cannot lock every page: {problem}" in result.output
        assert not (config.parent / "site").exists()


def test_mkdocs_yml_may_list_the_encryption_itself(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    netdash = {"netdash": {"data_dir": str(data), "today": TODAY.isoformat()}}
    options = encrypt.plugin_options(PASSWORD)
    site = build(tmp_path, data, plugins=["search", netdash, {"encryptcontent": options}])
    assert LOCKED in (site / "people" / "ada" / "index.html").read_text()
    assert not (site / "touchpoints.ics").exists()


@pytest.mark.parametrize(
    ("url", "person"),
    [
        (f"{SITE_URL}people/ada-lovelace/", True),
        (f"{SITE_URL}people/ada-lovelace.html", True),
        (f"{SITE_URL}people/", False),
        (f"{SITE_URL}people/index.html", False),
        (f"{SITE_URL}week/", False),
        (f"{SITE_URL}guide/people/", False),
    ],
)
def test_person_addresses_are_told_apart(url: str, person: bool) -> None:
    assert encrypt.is_person_url(url, SITE_URL) is person


def test_the_public_sitemap_keeps_every_other_address() -> None:
    entry = (
        "\n    <url>\n         <loc>{}</loc>\n         <lastmod>2026-11-23</lastmod>\n    </url>"
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>'
    addresses = ["", "people/", "people/ada/", "week/", "people/bob/"]
    xml = head + "".join(entry.format(SITE_URL + a) for a in addresses) + "\n</urlset>"
    expected = head + "".join(entry.format(SITE_URL + a) for a in ("", "people/", "week/"))
    assert encrypt.public_sitemap(xml, SITE_URL) == expected + "\n</urlset>"


def test_the_gzip_copy_is_the_same_bytes_every_time() -> None:
    first, second = encrypt.gzipped("<urlset/>"), encrypt.gzipped("<urlset/>")
    assert first == second and gzip.decompress(first) == b"<urlset/>"
    assert first[4:8] == b"\0\0\0\0"  # no time in the header
