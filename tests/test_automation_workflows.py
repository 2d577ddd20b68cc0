"""The workflows, the issue form and the pre-commit hooks shipped in `.github/` and the root.

Structure is checked here with a YAML reader; `zizmor` and `actionlint` run too when they
are installed (`pip install zizmor`; actionlint is a separate binary).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from site_builder.automation.diff import MARKER
from site_builder.automation.log_form import CHOICES, LABELS, LOG_LABEL, OUTCOMES, REQUIRED

ROOT = Path(__file__).parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "log-interaction.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def read(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def steps(workflow: Any) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_four_workflows_are_there() -> None:
    assert [p.name for p in WORKFLOWS] == ["check.yml", "deploy.yml", "digest.yml", "log.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_the_version_beside_it(path: Path) -> None:
    uses = [step["uses"] for step in steps(read(path)) if "uses" in step]
    assert uses and all(PINNED.match(use) for use in uses), uses
    for line in path.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_no_expression_inside_a_script(path: Path) -> None:
    workflow = read(path)
    assert workflow["permissions"] == {"contents": "read"}
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), step
        if "uses" in step and step["uses"].startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_deploy_runs_on_push_every_morning_and_by_hand_in_the_owners_time_zone() -> None:
    workflow = read(ROOT / ".github" / "workflows" / "deploy.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "schedule" in workflow["on"] and "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "--today" not in text and "NETDASH_TODAY" not in text and "TZ:" not in text
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_log_workflow_acts_only_on_the_owners_labelled_issues() -> None:
    workflow = read(ROOT / ".github" / "workflows" / "log.yml")
    condition = workflow["jobs"]["log"]["if"]
    assert f"'{LOG_LABEL}'" in condition and "github.repository_owner" in condition
    assert "github.event.issue.body" not in (ROOT / ".github" / "workflows" / "log.yml").read_text()


def test_the_issue_form_matches_what_the_parser_reads() -> None:
    form = read(FORM)
    assert LOG_LABEL in form["labels"]
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    assert tuple(field["attributes"]["label"] for field in fields) == LABELS
    required = tuple(
        field["attributes"]["label"]
        for field in fields
        if field.get("validations", {}).get("required")
    )
    assert required == REQUIRED
    for field in fields:
        label = field["attributes"]["label"]
        if field["type"] == "dropdown":
            assert tuple(field["attributes"]["options"]) == CHOICES[label]
        if field["type"] == "checkboxes":
            options = tuple(option["label"] for option in field["attributes"]["options"])
            assert label == OUTCOMES and options == CHOICES[OUTCOMES]


def test_pre_commit_hooks_run_netdash() -> None:
    config = read(ROOT / ".pre-commit-config.yaml")
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert entries == ["netdash check", "netdash schema --check", "ruff format", "ruff check"]
    manifest = read(ROOT / ".pre-commit-hooks.yaml")
    assert [hook["id"] for hook in manifest] == ["netdash-check", "netdash-schema"]


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        ["zizmor", "--offline", "--no-progress", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(["actionlint"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_comment_says_what_a_pull_request_changes_with_least_privilege() -> None:
    path = ROOT / ".github" / "workflows" / "check.yml"
    workflow, text = read(path), path.read_text(encoding="utf-8")
    assert "pull_request_target" not in workflow["on"]
    jobs = workflow["jobs"]
    # Only the comment job may write, and only to pull requests; it runs none of the
    # pull request's code: no checkout, no install, no netdash.
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert [name for name, job in jobs.items() if "permissions" in job] == ["comment"]
    comment_steps = jobs["comment"]["steps"]
    assert not any("uses" in step for step in comment_steps)
    for step in comment_steps:
        assert not re.search(r"^\s*(netdash|python|pip)\b", step["run"], re.MULTILINE), step
    # The diff job computes it from the merge commit and its base, with a read-only token.
    assert jobs["comment"]["needs"] == "diff"
    diff_run = " ".join(step.get("run", "") for step in jobs["diff"]["steps"])
    assert "netdash diff HEAD^1 HEAD" in diff_run
    # The one comment is found by the marker `netdash diff` writes first.
    assert f'startswith("{MARKER}")' in comment_steps[0]["run"]
    # The pull request's own text never reaches a shell, not even through env.
    for field in ("title", "body", "head.ref", "head.label", "user.login"):
        assert f"github.event.pull_request.{field}" not in text, field
