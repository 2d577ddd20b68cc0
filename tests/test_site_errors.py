"""Errors that help: a failed build keeps the last site, `netdash serve` shows the data's
problems in the browser and comes back once they are fixed, and `build` or `serve`
outside a netdash folder says what is missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from site_builder.cli import app
from site_builder.site.runner import build_site
from tests.site_support import REPO, built_files, hostile_files, project, write_files
from tests.test_site_browser import CHROMIUM_ARGS, chromium

BROKEN = ("circle: middle", "circle: midle")
PROBLEM = "contacts/ada.yml:2:1"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_failed_build_leaves_the_last_site_as_it_was(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config_file = project(tmp_path, data)
    build_site(config_file)
    site = tmp_path / "site"
    before = built_files(site)
    assert "people/ada/index.html" in before
    _edit(data / "contacts" / "ada.yml", *BROKEN)
    with pytest.raises(Abort):
        build_site(config_file)
    assert built_files(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]
    # Fixed, the next build replaces the site (no folder is left beside it).
    _edit(data / "contacts" / "ada.yml", BROKEN[1], "circle: inner")
    build_site(config_file)
    assert built_files(site) != before and "people/ada/index.html" in built_files(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


def test_build_and_serve_outside_a_netdash_folder_say_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    for command in ("build", "serve"):
        result = runner.invoke(app, [command])
        assert result.exit_code == 1
        assert result.stderr.startswith("error: mkdocs.yml not found: this is not a netdash")
        assert "`netdash init DIR --owner NAME`" in result.stderr
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no data folder at data (pass --data DIR")
    assert "`netdash init DIR --owner NAME`" in result.stderr
    assert not (tmp_path / "site").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _until(url: str, wanted: str, timeout: float = 60) -> tuple[int, str]:
    """The page at `url` once it holds `wanted`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            status, text = _fetch(url)
        except (urllib.error.URLError, ConnectionError):
            status, text = 0, ""
        if wanted in text:
            return status, text
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {wanted!r} within {timeout} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real `netdash serve` of a small project on a free port: (address, data folder)."""
    data = write_files(tmp_path / "data", hostile_files())
    project(tmp_path, data)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/", data
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_lists_a_data_error_and_comes_back_once_it_is_fixed(
    served: tuple[str, Path],
) -> None:
    base, data = served
    person = f"{base}people/ada/"
    _until(person, "Analytical Engines")
    _edit(data / "contacts" / "ada.yml", *BROKEN)
    # The person page cannot be made: its address answers with the problem, escaped.
    status, text = _until(person, "data-nd-problems=")
    assert status == 404
    assert f"{PROBLEM}</code>" in text and "&#39;midle&#39;" in text
    status, home = _until(base, "data-nd-problems=")
    assert status == 200 and f"{PROBLEM}</code>" in home and "The data has 1 error" in home
    _edit(data / "contacts" / "ada.yml", BROKEN[1], "circle: inner")
    status, text = _until(person, "Analytical Engines")
    assert status == 200 and "data-nd-problems" not in text


@pytest.mark.browser
def test_the_problem_page_reloads_itself_once_the_data_is_fixed(
    served: tuple[str, Path],
) -> None:
    base, data = served
    person = f"{base}people/ada/"
    _until(person, "Analytical Engines")
    path = chromium()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(person, wait_until="load")
            assert page.locator("h1").first.inner_text() == "Ada Lovelace"
            _edit(data / "contacts" / "ada.yml", *BROKEN)
            # MkDocs' live reload brings the browser to the problem; nothing is typed.
            page.wait_for_selector("[data-nd-problems]", timeout=60_000)
            item = page.locator(".nd-problems__item").first.inner_text()
            assert PROBLEM in item and "'midle' is not one of inner, middle, outer" in item
            _edit(data / "contacts" / "ada.yml", BROKEN[1], "circle: inner")
            page.wait_for_selector("[data-nd-problems]", state="detached", timeout=60_000)
            page.wait_for_selector("text=Analytical Engines", timeout=60_000)
            assert page.locator("h1").first.inner_text() == "Ada Lovelace"
        finally:
            browser.close()
