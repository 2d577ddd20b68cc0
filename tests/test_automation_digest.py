"""`netdash digest`: the weekly Markdown digest, against a golden file, for a fixed today."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers every command
from site_builder.cli.app import app
from tests.conftest import WriteData

GOLDEN = Path(__file__).parent / "golden" / "digest.md"
TODAY = "2026-12-07"  # a Monday, the day the digest workflow runs

DATA = {
    "settings.yml": """\
        owner: Alex Rivera
        timezone: Europe/London
        cadence_days: {inner: 30, middle: 90, outer: 365}
        due_soon_days: 7
        """,
    "contacts/ada-lovelace.yml": """\
        name: Ada Lovelace
        circle: inner
        met: {on: 2024-05-02}
        dates: {birthday: 1990-12-10}
        private: {email: ada@example.com, phone: "+44 20 7946 0000", notes: Secret note}
        """,
    "contacts/grace-hopper.yml": """\
        name: Grace Hopper
        circle: middle
        met: {on: 2026-01-15}
        dates: {work_anniversary: 12-18}
        """,
    "contacts/alan-turing.yml": """\
        name: Alan Turing
        circle: outer
        met: {on: 2025-12-09}
        """,
    "contacts/mary-jackson.yml": """\
        name: "Mary [Jackson](https://evil.example) <b>@mj</b> | *x*"
        circle: middle
        met: {on: 2026-11-20, event: devconf-2026}
        """,
    "contacts/katherine-johnson.yml": """\
        name: Katherine Johnson
        circle: inner
        cadence_days: 14
        """,
    "contacts/old-friend.yml": """\
        name: Old Friend
        circle: inner
        archived: true
        """,
    "events.yml": """\
        - id: devconf-2026
          name: DevConf 2026
          date: 2026-12-02
          end: 2026-12-03
          kind: conference
          met: [mary-jackson, alan-turing]
        """,
    "interactions/2026.yml": """\
        - date: 2026-11-10
          with: [ada-lovelace]
          kind: coffee
          value: give
          summary: Talked about her compiler
          follow_ups:
            - {do: Send the MLIR paper, due: 2026-11-14}
            - {do: "Intro to [Grace](https://x) | @grace", due: 2026-12-09}
            - {do: Done already, due: 2026-11-12, done: 2026-11-11}
        - date: 2026-12-04
          with: [alan-turing]
          kind: linkedin
          value: share
        - date: 2026-12-10
          with: [alan-turing]
          kind: coffee
        - date: 2026-08-01
          with: [grace-hopper]
          kind: call
          value: ask
          follow_ups:
            - {do: Read her draft}
        - date: 2026-12-01
          with: [katherine-johnson]
          kind: message
          value: give
        """,
    "goals.yml": """\
        habits:
          - {every: week, metric: interactions, target: 3}
          - {every: month, metric: gives, target: 2}
        """,
}


def _digest(root: Path, *extra: str) -> str:
    result = CliRunner().invoke(app, ["digest", "--data", str(root), "--today", TODAY, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_digest_matches_the_golden_file(write_data: WriteData) -> None:
    text = _digest(write_data(DATA), "--site-url", "https://alex.example/netdash/")
    if os.environ.get("NETDASH_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_digest_leaves_out_private_details_and_archived_people(write_data: WriteData) -> None:
    text = _digest(write_data(DATA))
    for secret in ("ada@example.com", "7946", "Secret note", "Old Friend"):
        assert secret not in text


def test_digest_gives_an_age_only_when_private_details_are_published(
    write_data: WriteData,
) -> None:
    assert "| Ada Lovelace | key date | birthday on Thu 10 Dec |" in _digest(write_data(DATA))
    published = textwrap.dedent(DATA["settings.yml"]) + "publish: {private_details: true}\n"
    text = _digest(write_data({**DATA, "settings.yml": published}))
    assert "| Ada Lovelace | key date | birthday (36) on Thu 10 Dec |" in text


def test_digest_neutralises_markup_from_the_data(write_data: WriteData) -> None:
    text = _digest(write_data(DATA))
    assert "[Jackson](" not in text and "<b>" not in text
    assert r"\@mj" in text and r"\|" in text


def test_digest_writes_to_a_file_and_ignores_a_link_that_is_not_http(
    write_data: WriteData, tmp_path: Path
) -> None:
    out = tmp_path / "digest.md"
    _digest(write_data(DATA), "--output", str(out), "--site-url", "javascript:alert(1)")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Weekly networking digest: Monday 07 December 2026")
    assert "javascript" not in text and "Open the dashboard" not in text


def test_digest_of_data_with_errors_still_comes_and_warns(write_data: WriteData) -> None:
    root = write_data({**DATA, "contacts/broken.yml": "name: Broken\ncircle: innr\n"})
    result = CliRunner().invoke(app, ["digest", "--data", str(root), "--today", TODAY])
    assert result.exit_code == 0
    assert "the data has 1 error, so" in result.stdout
    assert "broken.yml" in result.stderr


def test_digest_of_an_empty_network_says_so(write_data: WriteData) -> None:
    text = _digest(write_data({}))
    assert "Nothing to do this week." in text and "No habits set." in text
