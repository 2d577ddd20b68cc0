"""`netdash init`: a fresh dashboard that checks and builds, and never overwrites a file."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from site_builder.cli.app import app
from site_builder.loading.loader import load
from site_builder.scaffold.answers import requirement_for, system_timezone

ROOT = Path(__file__).parent.parent


def init(folder: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["init", str(folder), "--today", "2026-03-15", *args])


def test_a_new_dashboard_checks_and_builds_with_a_home_page(tmp_path: Path) -> None:
    folder = tmp_path / "network"
    made = init(folder, "--owner", "Grace Hopper", "--timezone", "America/New_York")
    assert made.exit_code == 0, made.output
    assert "wrote 28 files" in made.stderr

    check = CliRunner().invoke(app, ["check", "--data", str(folder / "data")])
    assert check.exit_code == 0, check.output
    assert check.stdout == ""  # no warning either: the .gitkeep files are not reported
    assert "0 contacts, 0 interactions: no problems" in check.stderr

    config = str(folder / "mkdocs.yml")
    build = CliRunner().invoke(app, ["build", "--strict", "--config-file", config])
    assert build.exit_code == 0, build.output
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Grace Hopper&#x27;s network" in home  # Home, made from the data
    assert (folder / "site" / "touchpoints.ics").is_file()


def test_settings_and_goals_are_filled_in_and_valid(tmp_path: Path) -> None:
    assert init(tmp_path, "--owner", "  Grace: Hopper ", "--timezone", "Asia/Tokyo").exit_code == 0
    dataset = load(tmp_path / "data").dataset
    settings = dataset.settings
    assert (settings.owner, settings.timezone) == ("Grace: Hopper", "Asia/Tokyo")
    assert settings.roadmap_start == dt.date(2026, 3, 1)
    assert [phase.months for phase in dataset.goals.roadmap] == ["1-3", "4-6", "7-9", "10-12"]
    assert {habit.every for habit in dataset.goals.habits} == {"week", "month", "quarter"}
    metrics = {target.metric for phase in dataset.goals.roadmap for target in phase.targets}
    assert {"new_contacts", "communities_joined", "board_filled", "referrals"} <= metrics
    assert (tmp_path / "data" / "contacts" / ".gitkeep").is_file()
    assert (tmp_path / "data" / "interactions" / ".gitkeep").is_file()


def test_the_time_zone_defaults_to_the_systems(tmp_path: Path) -> None:
    made = init(tmp_path, "--owner", "Grace Hopper")
    assert made.exit_code == 0, made.output
    zone = system_timezone() or "Europe/London"
    assert load(tmp_path / "data").dataset.settings.timezone == zone
    assert f"time zone: {zone}" in made.stderr


def test_it_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.yml").write_text("owner: Someone Else\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    made = init(tmp_path, "--owner", "Grace Hopper")
    assert made.exit_code == 1
    assert "already exist; not overwriting them: nothing was written" in made.stderr
    assert ".gitignore" in made.stderr and "settings.yml" in made.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == [".gitignore", "data", "settings.yml"]
    assert (tmp_path / "data" / "settings.yml").read_text(
        encoding="utf-8"
    ) == "owner: Someone Else\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--owner", "Grace", "--timezone", "Mars/Olympus"], "--timezone: unknown time zone"),
        (["--owner", " "], "--owner: expected some text"),
    ],
)
def test_a_bad_owner_or_zone_is_refused(tmp_path: Path, args: list[str], message: str) -> None:
    made = init(tmp_path / "new", *args)
    assert made.exit_code == 1
    assert f"error: {message}" in made.stderr
    assert not (tmp_path / "new").exists()


def test_the_owner_is_required(tmp_path: Path) -> None:
    made = init(tmp_path)
    assert made.exit_code == 2
    assert "--owner" in made.output


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    made = init(tmp_path / "taken", "--owner", "Grace Hopper")
    assert made.exit_code == 1 and "is a file, not a folder" in made.stderr


WORKFLOW_CHANGES = [
    ("python -m pip install .\n", "python -m pip install -r requirements.txt\n"),
    ("cache-dependency-path: pyproject.toml", "cache-dependency-path: requirements.txt"),
    (
        "# See docs/guide/automation.md.",
        "# See the Automation guide of netdash (docs/guide/automation.md in its repository).",
    ),
]


def test_the_github_files_are_this_repositorys_installing_netdash_from_requirements(
    tmp_path: Path,
) -> None:
    assert init(tmp_path, "--owner", "Grace Hopper").exit_code == 0
    ours = sorted(p.relative_to(ROOT) for p in (ROOT / ".github").rglob("*") if p.is_file())
    theirs = sorted(
        p.relative_to(tmp_path) for p in (tmp_path / ".github").rglob("*") if p.is_file()
    )
    assert ours == theirs
    for path in ours:
        expected = (ROOT / path).read_text(encoding="utf-8")
        for before, after in WORKFLOW_CHANGES:
            expected = expected.replace(before, after)
        assert (tmp_path / path).read_text(encoding="utf-8") == expected, path
    requirement = (tmp_path / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement.startswith("netdash")


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as the default."""


_EnvLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1],  # type: ignore[arg-type]
)


def _mkdocs(path: Path) -> dict[str, Any]:
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_EnvLoader)
    return config


def test_mkdocs_yml_is_this_repositorys_without_the_guide(tmp_path: Path) -> None:
    assert init(tmp_path, "--owner", "Grace Hopper").exit_code == 0
    ours, theirs = _mkdocs(ROOT / "mkdocs.yml"), _mkdocs(tmp_path / "mkdocs.yml")
    assert theirs["nav"] == [entry for entry in ours["nav"] if "Guide" not in entry]
    assert {**theirs, "nav": None} == {**ours, "nav": None}


def test_zizmor_and_actionlint_find_nothing_in_the_new_workflows(tmp_path: Path) -> None:
    assert init(tmp_path, "--owner", "Grace Hopper").exit_code == 0
    workflows = sorted(str(path) for path in (tmp_path / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 4
    for command in (
        ["zizmor", "--offline", "--no-progress", ".github"],
        ["actionlint", *workflows],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_file_where_a_folder_goes_is_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data folder goes\n", encoding="utf-8")
    made = init(tmp_path, "--owner", "Grace Hopper")
    assert made.exit_code == 1
    assert f"error: {tmp_path / 'data'} already exists; not overwriting it" in made.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["data"]


def test_requirements_name_the_git_commit_netdash_came_from_else_its_version() -> None:
    from_git = {
        "url": "https://github.com/someone/netdash.git",
        "vcs_info": {"vcs": "git", "commit_id": "0123abc", "requested_revision": "v0.1.0"},
    }
    assert requirement_for("0.1.0", from_git) == (
        "netdash @ git+https://github.com/someone/netdash.git@0123abc"
    )
    editable = {"url": "file:///home/me/netdash", "dir_info": {"editable": True}}
    assert requirement_for("0.1.0", editable) == "netdash==0.1.0"
    assert requirement_for("0.2.0", {}) == "netdash==0.2.0"
