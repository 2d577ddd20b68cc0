"""The week's agenda is one list: Home's "This week", `netdash plan`, `netdash due`, the
weekly digest and the calendar feed show the same items, built from the demo data."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import vobject
from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site.runner import ENV_DATA
from tests.site_support import REPO, unset_until_teardown

DAY = "2026-11-23"
DATA = str(REPO / "data")


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--data", DATA, "--today", DAY])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("agenda") / "site"
    with pytest.MonkeyPatch.context() as env:
        unset_until_teardown(env, ENV_TODAY, ENV_DATA)
        _run("build", "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(folder))
    return folder


def test_the_five_views_show_one_list(site: Path) -> None:
    plan = json.loads(_run("plan", "--json"))
    keys = [item["key"] for item in plan["items"]]
    contacts = [item["contact"] for item in plan["items"]]
    assert len(keys) == len(set(keys)) >= 10

    assert json.loads(_run("due", "--json"))["agenda"] == plan

    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"This week ({len(keys)})" in home
    assert re.findall(r'<li class="nd-agenda__item" id="move-([^"]+)"', home) == keys
    linked = re.findall(
        r'id="move-[^"]+"><div><span[^>]*>[^<]*</span> <a href="people/([^/]+)/"', home
    )
    assert linked == contacts
    week = (site / "week" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li class="nd-agenda__item" id="move-([^"]+)"', week) == keys

    digest = _run("digest")
    assert f"## This week ({len(keys)})" in digest
    rows = digest.split("## This week", 1)[1].split("\n## ", 1)[0]
    names = [
        line.split(" | ")[1]
        for line in rows.splitlines()
        if line.startswith("| ") and "---" not in line
    ][1:]
    assert names == [item["name"] for item in plan["items"]]

    feed = vobject.readOne((site / "touchpoints.ics").read_text(encoding="utf-8"))
    start, end = (dt.date.fromisoformat(plan["week"][k]) for k in ("start", "end"))
    this_week = {
        e.uid.value.removesuffix("@netdash") for e in feed.vevent_list if e.dtstart.value <= end
    }
    assert this_week == set(keys)
    assert all(start <= e.dtstart.value for e in feed.vevent_list)


def test_every_draft_on_home_is_the_plans(site: Path) -> None:
    plan = json.loads(_run("plan", "--json"))
    home = (site / "index.html").read_text(encoding="utf-8")
    for item in plan["items"]:
        shown = re.search(rf'<pre id="move-{re.escape(item["key"])}-draft">(.*?)</pre>', home, re.S)
        assert shown is not None, item["key"]
        text = shown.group(1).replace("&#10;", "\n").replace("&#39;", "'").replace("&#34;", '"')
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        assert text == item["draft"]
        assert "[" not in item["draft"] and "{" not in item["draft"]


def test_the_demo_week_shows_every_kind_of_move() -> None:
    from typing import get_args

    from site_builder.compute.report import AgendaKind

    plan = json.loads(_run("plan", "--json"))
    assert {item["kind"] for item in plan["items"]} == set(get_args(AgendaKind))
    assert plan["later"] > 0


def test_home_shows_the_first_moves_and_links_to_the_whole_week(tmp_path: Path) -> None:
    from site_builder.site.pages.home import HOME_MOVES
    from tests.site_support import build, write_files

    people = HOME_MOVES + 5
    files = {"settings.yml": "owner: Sam\n"}
    for n in range(people):  # a birthday each, on the day: dated moves all
        files[f"contacts/p{n:02}.yml"] = (
            f"name: P{n:02}\ncircle: outer\ndates: {{birthday: 11-20}}\n"
        )
    data = write_files(tmp_path / "data", files)
    site = build(tmp_path / "project", data, today=dt.date(2026, 11, 20))
    home = (site / "index.html").read_text(encoding="utf-8")
    week = (site / "week" / "index.html").read_text(encoding="utf-8")
    assert f"This week ({people})" in home
    assert home.count('class="nd-agenda__item"') == HOME_MOVES
    assert f'<a href="week/">All {people} moves of the week →</a>' in home
    assert week.count('class="nd-agenda__item"') == people
    assert "moves of the week →" not in week
