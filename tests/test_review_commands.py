"""reviews.yml under `netdash check`, and `netdash review` and `netdash move` from the
command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from site_builder.cli import app
from site_builder.loading.loader import load
from tests.conftest import WriteData

PEOPLE = {
    "contacts/rae.yml": "name: Rae\ncircle: middle   # met at the summit\n",
    "contacts/sol.yml": "name: Sol\ncircle: outer\n",
    "interactions/2026.yml": (
        "- {date: 2026-05-10, with: [rae], kind: call, initiated: them, outcomes: [referral]}\n"
    ),
    "journal.yml": "- {date: 2026-06-03, improve: Prepare <b>questions</b> first}\n",
}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(root)])


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        (
            "- quarter: 2026Q2\n  date: 2026-07-02\n  decisions:\n"
            "    - {contact: raee, action: keep}\n",
            4,
            8,
            "unknown contact 'raee' (did you mean 'rae'?)",
        ),
        (
            "- {quarter: 2026Q1, date: 2026-04-02}\n- {quarter: 2026Q1, date: 2026-04-09}\n",
            2,
            4,
            "2026Q1 is reviewed twice",
        ),
        (
            "- quarter: 2026Q1\n  date: 2026-04-02\n  decisions:\n"
            "    - {contact: rae, action: move}\n",
            4,
            7,
            "a move names the circle",
        ),
        (
            "- quarter: 2026Q1\n  date: 2026-04-02\n  decisions:\n"
            "    - {contact: rae, action: keep, circle: inner}\n",
            4,
            7,
            "`circle` belongs to promote, demote or move",
        ),
        ("- {quarter: 2026-Q5, date: 2026-04-02}\n", 1, 4, "'2026-Q5' is not a quarter"),
        (
            "- {quarter: 2026Q1, date: 2026-04-02, decisions: [{contact: rae, action: prun}]}\n",
            1,
            66,
            "did you mean 'prune'",
        ),
    ],
)
def test_check_reports_reviews_at_their_line(
    write_data: WriteData, text: str, line: int, column: int, words: str
) -> None:
    root = write_data({**PEOPLE, "reviews.yml": text})
    result = run(root, "check")
    assert result.exit_code == 1, result.output
    assert f"reviews.yml:{line}:{column}: error: " in result.stdout, result.stdout
    assert words in result.stdout


def test_move_sets_the_circle_and_keeps_the_comment(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    result = run(root, "move", "rae", "--circle", "inner")
    assert result.exit_code == 0, result.output
    text = (root / "contacts" / "rae.yml").read_text("utf-8")
    assert text == "name: Rae\ncircle: inner   # met at the summit\n"
    assert load(root).dataset.contacts["rae"].circle == "inner"


def test_move_to_the_same_circle_changes_nothing(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    path = root / "contacts" / "rae.yml"
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    result = run(root, "move", "Rae", "--circle", "middle")
    assert result.exit_code == 0, result.output
    assert "nothing to change" in result.output and "wrote" not in result.output
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp


def test_move_refuses_an_unknown_circle_or_person(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    wrong = run(root, "move", "rae", "--circle", "iner")
    assert wrong.exit_code == 1 and "did you mean 'inner'" in wrong.output
    nobody = run(root, "move", "zed", "--circle", "inner")
    assert nobody.exit_code == 1 and "error:" in nobody.output
    assert (
        (root / "contacts" / "rae.yml").read_text("utf-8").startswith("name: Rae\ncircle: middle")
    )


def test_review_as_text_and_json(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    text = run(root, "review", "--today", "2026-06-30")
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("Review of 2026Q2 (2026-04-01 to 2026-06-30), as of 2026-06-30")
    assert "Board gaps: sponsor, mentor, coach, connector, peer" in text.stdout
    assert "2026-06-03: Prepare <b>questions</b> first" in text.stdout  # literal
    assert "  Rae: referral" in text.stdout
    as_json = run(root, "review", "--quarter", "2026q2", "--json", "--today", "2026-06-30")
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["quarter"] == "2026Q2" and data["current"] is True
    assert data["opportunity_kinds"] == {"referral": 1}
    assert [s["contact"] for s in data["opportunities"]] == ["rae"]
    assert data["roadmap"] == [] and data["habits"] == []


def test_review_of_a_quarter_not_started_is_an_error(write_data: WriteData) -> None:
    root = write_data(PEOPLE)
    result = run(root, "review", "--quarter", "2026Q3", "--today", "2026-06-30")
    assert result.exit_code == 1 and "2026Q3 has not started yet" in result.output
    bad = run(root, "review", "--quarter", "soon", "--today", "2026-06-30")
    assert bad.exit_code == 1 and "written like 2026Q4" in bad.output
