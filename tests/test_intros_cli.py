"""`netdash intros`: suggested pairs and who could introduce you, as text or JSON; one
person's with --for; an unknown contact exits 1 with "did you mean"."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from site_builder.cli import app
from tests.conftest import WriteData

MET = "met: {on: 2026-01-01}\n"
FILES = {
    "contacts/ada.yml": "name: Ada Byron\ncircle: inner\ncompany: Alpha\n"
    + MET
    + "interests: [pricing]\n",
    "contacts/bea.yml": "name: Bea Lund\ncircle: middle\ncompany: Beta\n"
    + MET
    + "interests: [Pricing strategy]\n",
    # gus: not met yet, works with bea
    "contacts/gus.yml": "name: Gus [bold]New[/bold]\ncircle: outer\ncompany: Beta\n",
    "interactions/2026.yml": """\
        - {date: 2026-03-16, with: [bea], kind: coffee}
        - {date: 2026-03-02, with: [ada], kind: call, introduced: [gus]}
        """,
}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["intros", *args, "--data", str(root), "--today", "2026-03-18"])


def test_lists_each_pair_with_why_and_who_could_introduce_you(write_data: WriteData) -> None:
    result = run(write_data(FILES))
    assert result.exit_code == 0, result.output
    assert "Ada Byron and Bea Lund" in result.stdout
    assert "both care about pricing" in result.stdout
    # markup in a name is printed as it is written, not styled
    assert "Who could introduce you to Gus [bold]New[/bold]: Bea Lund (both at Beta)" in (
        " ".join(result.stdout.split())
    )


def test_json_for_one_person_holds_pairs_introductions_and_introducers(
    write_data: WriteData,
) -> None:
    result = run(write_data(FILES), "--for", "gus", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"contact", "name", "suggestions", "made", "introducers"}
    assert (data["contact"], data["suggestions"]) == ("gus", [])
    assert data["made"] == [
        {"date": "2026-03-02", "first": "ada", "second": "gus", "follow_up": "2026-03-16"}
    ]
    assert data["introducers"] == [
        {
            "contact": "gus",
            "name": "Gus [bold]New[/bold]",
            "introducers": [
                {"contact": "bea", "name": "Bea Lund", "via": "company", "where": "Beta"}
            ],
        }
    ]


def test_for_someone_met_lists_their_pairs(write_data: WriteData) -> None:
    data = json.loads(run(write_data(FILES), "--for", "Ada", "--json").stdout)
    assert [(s["first"], s["second"], s["score"]) for s in data["suggestions"]] == [
        ("ada", "bea", 2)
    ]
    assert data["suggestions"][0]["reasons"] == ["both care about pricing"]


def test_an_unknown_contact_exits_1_with_did_you_mean(write_data: WriteData) -> None:
    result = run(write_data(FILES), "--for", "Bea Lunt")
    assert result.exit_code == 1
    assert "unknown contact 'Bea Lunt'; did you mean bea (Bea Lund)?" in result.stderr
    assert result.stdout == ""


def test_the_report_json_holds_the_introductions(write_data: WriteData) -> None:
    root = write_data(FILES)
    result = CliRunner().invoke(
        app, ["report", "--json", "--data", str(root), "--today", "2026-03-18"]
    )
    assert result.exit_code == 0, result.output
    intros = json.loads(result.stdout)["introductions"]
    assert set(intros) == {"suggestions", "made", "introducers"}
    assert intros["suggestions"][0]["reasons"] == ["both care about pricing"]
    assert [(m["first"], m["second"]) for m in intros["made"]] == [("ada", "gus")]
