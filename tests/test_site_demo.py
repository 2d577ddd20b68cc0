"""The demo data builds with --strict and no warning, and no private detail gets out."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers the commands
from site_builder.cli.app import app
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site.runner import ENV_DATA
from tests.site_support import REPO, built_files, unset_until_teardown

DEMO_TODAY = dt.date(2026, 11, 23)
HOME_LIMIT = 150 * 1024


def private_values(data: Path) -> list[str]:
    """Every `private:` value of every contact, and the address of each mailto: link."""
    values: list[str] = []
    for path in sorted((data / "contacts").glob("*.yml")):
        contact = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for value in (contact.get("private") or {}).values():
            values.extend(str(v) for v in (value if isinstance(value, list) else [value]) if v)
        values.extend(
            url.removeprefix("mailto:")
            for url in (contact.get("links") or {}).values()
            if str(url).startswith("mailto:")
        )
    return values


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("demo") / "site"
    with pytest.MonkeyPatch.context() as env:  # none of the caller's day or data
        unset_until_teardown(env, ENV_TODAY, ENV_DATA)
        result = CliRunner().invoke(
            app,
            [
                "build",
                "--today",
                DEMO_TODAY.isoformat(),
                "--strict",
                "--config-file",
                str(REPO / "mkdocs.yml"),
                "--site-dir",
                str(site),
                "--data",
                str(REPO / "data"),
            ],
        )
    assert result.exit_code == 0, result.output
    return site, result.output


def test_demo_builds_strict_without_warnings(demo: tuple[Path, str]) -> None:
    site, output = demo
    assert "WARNING" not in output and "Error" not in output, output
    assert (site / "index.html").is_file() and (site / "touchpoints.ics").is_file()


def test_demo_has_private_details_to_keep() -> None:
    assert len(private_values(REPO / "data")) >= 10  # or the next test proves nothing


def test_no_private_detail_of_the_demo_reaches_any_built_file(demo: tuple[Path, str]) -> None:
    site, _ = demo
    files = built_files(site)
    files["sitemap.xml.gz (unzipped)"] = gzip.decompress(files["sitemap.xml.gz"])
    leaks = [
        (value, name)
        for value in private_values(REPO / "data")
        for name, content in files.items()
        if value.encode("utf-8") in content
    ]
    assert leaks == []


def test_home_page_stays_small(demo: tuple[Path, str]) -> None:
    site, _ = demo
    assert (site / "index.html").stat().st_size <= HOME_LIMIT
