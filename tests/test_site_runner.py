"""`netdash build` and `netdash serve` give `--data` and `--today` to the plugin as its
options (never through the environment); the environment is a fallback of the plugin's."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from mkdocs.config.base import ValidationError
from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers the commands
from site_builder.cli.app import app
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site.plugin import Day
from site_builder.site.runner import ENV_DATA, build_site, plugin_options
from tests.site_support import hostile_files, project, unset_until_teardown, write_files

OTHER_DAY = dt.date(2026, 11, 24)
MATERIALS_OWN = "NO_MKDOCS_2_WARNING"
"""Set by Material for MkDocs when its templates are first imported."""


def _lastmod(site: Path) -> str:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return text.split("<lastmod>", 1)[1].split("</lastmod>", 1)[0]


def test_netdash_build_passes_data_and_day_as_options_and_leaves_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs.yml names another folder and day, and $NETDASH_DATA a third folder: the
    command line's `--data` and `--today` win, and the environment is left as it was."""
    data = write_files(tmp_path / "data", hostile_files())
    config = project(tmp_path / "project", tmp_path / "not-this-one")
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "nor-this-one"))
    unset_until_teardown(monkeypatch, ENV_TODAY)
    environment = {name: value for name, value in os.environ.items() if name != MATERIALS_OWN}
    site = tmp_path / "site"
    arguments = ["build", "--today", OTHER_DAY.isoformat(), "--data", str(data)]
    result = CliRunner().invoke(
        app, [*arguments, "--config-file", str(config), "--site-dir", str(site), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert {name: value for name, value in os.environ.items() if name != MATERIALS_OWN} == (
        environment
    )
    assert _lastmod(site) == OTHER_DAY.isoformat()
    assert (site / "people" / "ada" / "index.html").is_file()


def test_the_plugin_falls_back_on_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no `data_dir` nor `today` in mkdocs.yml, as `mkdocs build` runs it."""
    data = write_files(tmp_path / "data", hostile_files())
    config = project(tmp_path / "project", data, plugins=["search", "netdash"])
    monkeypatch.setenv(ENV_DATA, str(data))
    monkeypatch.setenv(ENV_TODAY, OTHER_DAY.isoformat())
    build_site(config, strict=True)
    site = tmp_path / "project" / "site"
    assert _lastmod(site) == OTHER_DAY.isoformat()
    assert (site / "people" / "ada" / "index.html").is_file()


def test_plugin_options_keep_the_other_plugins_and_options(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - search\n  - netdash:\n      data_dir: mine\n      x: 1\n"
    )
    data = tmp_path / "d"
    assert plugin_options(config) == {}
    # a list becomes a mapping, in the same order: MkDocs empties a list's entries
    assert plugin_options(config, today=OTHER_DAY) == {
        "plugins": {"search": {}, "netdash": {"data_dir": "mine", "x": 1, "today": "2026-11-24"}}
    }
    assert plugin_options(config, data=data)["plugins"]["netdash"]["data_dir"] == str(data)
    config.write_text("site_name: x\nplugins: [search, netdash]\n")
    assert plugin_options(config, data=data) == {
        "plugins": {"search": {}, "netdash": {"data_dir": str(data)}}
    }
    config.write_text("site_name: x\nplugins: {search: {}, netdash: {today: 2026-01-01}}\n")
    assert plugin_options(config, today=OTHER_DAY) == {
        "plugins": {"search": {}, "netdash": {"today": "2026-11-24"}}
    }
    config.write_text("site_name: x\nplugins: [search]\n")
    assert plugin_options(config, today=OTHER_DAY) == {
        "plugins": {"search": {}, "netdash": {"today": "2026-11-24"}}
    }
    config.write_text("site_name: x\nplugins: [search, search]\n")  # twice: kept a list
    assert plugin_options(config, today=OTHER_DAY) == {
        "plugins": ["search", "search", {"netdash": {"today": "2026-11-24"}}]
    }


def test_the_same_overrides_load_again_as_serve_rebuilds(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n  - netdash:\n      x: 1\n")
    (tmp_path / "docs").mkdir()
    overrides = plugin_options(config, data=tmp_path / "d", today=OTHER_DAY)
    for _ in range(2):  # `mkdocs serve` loads the configuration again at every rebuild
        loaded = load_config(str(config), **overrides)
        assert loaded.plugins["netdash"].config.today == OTHER_DAY


def test_the_day_option_takes_a_date_quoted_or_not() -> None:
    assert Day().run_validation("2026-03-02") == dt.date(2026, 3, 2)
    assert Day().run_validation(dt.date(2026, 3, 2)) == dt.date(2026, 3, 2)
    with pytest.raises(ValidationError, match="expected a date YYYY-MM-DD, got '03/02/2026'"):
        Day().run_validation("03/02/2026")
