"""Hostile files and arguments: each is an error at its line, never a crash or a hang."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.cli import app, main
from site_builder.diagnostics.formats import as_github, as_json, as_text
from site_builder.diagnostics.problems import Problem
from site_builder.loading.loader import load
from site_builder.loading.positions import Locator
from tests.conftest import WriteData

ADA = "name: Ada\ncircle: inner\n"
ROOT = Path(__file__).parent.parent
NETDASH = [sys.executable, "-m", "site_builder"]
THIS_CHECKOUT = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
}
"""The environment of a `netdash` process that runs the code under test."""
NOT_UTF8_NAME = os.fsdecode(b"caf\xe9.yml")


def _problems(root: Path) -> list[tuple[str, int, int, str]]:
    return [
        (p.path.relative_to(root).as_posix(), p.line, p.column, p.message)
        for p in load(root).problems
    ]


@pytest.mark.parametrize(
    ("value", "column", "words"),
    [
        ("9" * 5000, 15, "number too large: 99999999999999999999... (5000 digits)"),
        ("0x" + "f" * 40, 15, "number too large"),
        ('!!int "three"', 15, "'three' is not a whole number (!!int)"),
        ("!!bool yes", 15, "'yes' is not true or false (!!bool)"),
        ("!!binary aGk=", 15, "the tag !!binary is not read here"),
        ("!!timestamp 2026-01-01", 15, "the tag !!timestamp is not read here"),
        ("!custom 3", 15, "the tag !custom is not read here"),
    ],
    ids=["5000 digits", "hex", "int tag", "bool tag", "binary", "timestamp", "custom tag"],
)
def test_values_netdash_cannot_hold_are_errors_at_their_line(
    value: str, column: int, words: str, write_data: WriteData
) -> None:
    root = write_data({"contacts/ada.yml": f"{ADA}cadence_days: {value}\n"})
    [(path, line, col, message)] = _problems(root)
    assert (path, line, col) == ("contacts/ada.yml", 3, column)
    assert words in message


@pytest.mark.parametrize("start", ["", "---\n"], ids=["fast parser", "reference parser"])
def test_a_hex_prefix_without_digits_is_text(start: str, write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": f"{start}{ADA}influence: 0x_\n"})
    assert [message for _, _, _, message in _problems(root)] == [
        "influence: expected a whole number, got '0x_'"
    ]


def test_types_are_strict(write_data: WriteData) -> None:
    root = write_data(
        {
            "contacts/ada.yml": f"{ADA}influence: true\naccessibility: '3'\n"
            "trust: {credibility: 3.5, reliability: 2, intimacy: 1, self_orientation: 1}\n"
            "archived: 'yes'\n",
        }
    )
    assert [(line, message) for _, line, _, message in _problems(root)] == [
        (3, "influence: expected a whole number, got true"),
        (4, "accessibility: expected a whole number, got '3'"),
        (5, "trust.credibility: expected a whole number, got 3.5"),
        (6, "archived: expected true or false, got 'yes'"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        (b"name: A\x1bB\ncircle: inner\n", 1, 8, "control character (U+001B escape)"),
        (b"name: Ada\ncircle: inner\nrole: a\x0cb\n", 3, 8, "(U+000C form feed)"),
        (b"name: Ada\ncircle: inner\nrole: a\x7fb\n", 3, 8, "(U+007F delete)"),
        (b"name: Ada\ncircle: inner\nrole: \xc2\x9b\n", 3, 7, "(U+009B)"),
        (b"name: Ada\rcircle: inner\n", 1, 10, "carriage return (CR) that ends no line"),
    ],
)
def test_control_characters_are_refused_at_their_line(
    text: bytes, line: int, column: int, words: str, write_data: WriteData
) -> None:
    root = write_data({"contacts/ada.yml": text})
    [(_, at_line, at_column, message)] = _problems(root)
    assert (at_line, at_column) == (line, column)
    assert words in message


def test_tabs_and_crlf_line_ends_are_text(write_data: WriteData) -> None:
    root = write_data({"contacts/ada.yml": b"name: Ada\r\ncircle: inner\r\nrole: a\tb\r\n"})
    result = load(root)
    assert result.problems == []
    assert result.dataset.contacts["ada"].role == "a\tb"


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "- " * 100_000 + "x\n",
        "[\n" * 100_000,
        "a: " + "[[], " * 50_000 + "]" * 50_000 + "\n",
    ],
    ids=["flow", "compact", "flow-lines", "flow-with-closers"],
)
def test_deep_nesting_is_refused_before_a_parser_recurses(text: str, write_data: WriteData) -> None:
    root = write_data({"events.yml": text})
    [(path, line, _, message)] = _problems(root)
    assert path == "events.yml"
    assert line >= 1
    assert message.endswith("nested more than 64 levels deep")


def test_many_problems_in_one_mapping_are_placed_in_n_log_n() -> None:
    def place(count: int) -> float:
        text = "name: Ada\n" + "".join(f"k{i}: {i}\n" for i in range(count))
        locator = Locator(text)
        gc.disable()  # the collector's passes grow with whatever else the process holds
        try:
            start = time.perf_counter()
            positions = [locator.locate((f"k{i}",)) for i in range(count)]
            elapsed = time.perf_counter() - start
        finally:
            gc.enable()
        assert positions[-1] == (count + 1, 1)
        return elapsed

    place(500)  # warm up
    small, large = min(place(2_000) for _ in range(2)), min(place(16_000) for _ in range(2))
    assert large / small < 24  # 8 times the problems; a quadratic placing costs 64 times


def test_many_problems_in_one_record_are_placed_fast(write_data: WriteData) -> None:
    keys = "".join(f"  k{i}: {i}\n" for i in range(10_000))
    root = write_data(
        {
            "contacts/ada.yml": ADA,
            "interactions/2026.yml": f"- date: 2026-01-01\n  with: [{', '.join(['ada'] * 10_000)}]\n"
            f"  kind: call\n{keys}",
        }
    )
    start = time.perf_counter()
    problems = load(root).problems
    assert time.perf_counter() - start < 15
    assert len(problems) == 10_001
    assert problems[-1].line == 10_003


def test_special_files_are_refused_without_reading(write_data: WriteData, tmp_path: Path) -> None:
    root = write_data({"contacts/ada.yml": ADA})
    os.mkfifo(root / "events.yml")
    (root / "contacts" / "zero.yml").symlink_to("/dev/zero")
    result = subprocess.run(
        [*NETDASH, "check", "--data", str(root)],
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
        env=THIS_CHECKOUT,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        "data/contacts/zero.yml:1:1: error: is a device, not a file; a YAML file belongs here",
        "data/events.yml:1:1: error: is a named pipe (FIFO), not a file; a YAML file belongs here",
    ]


def test_a_file_longer_than_it_claims_is_read_no_further(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_data({"contacts/ada.yml": ADA + "role: " + "x" * 100 + "\n"})
    monkeypatch.setattr("site_builder.loading.reader.MAX_FILE_BYTES", 64)
    [(_, line, column, message)] = _problems(root)
    assert (line, column) == (1, 1)
    assert message.startswith("is 0.0 MiB") or message.startswith("is more than")


def _hostile_output_problems(root: Path) -> list[Problem]:
    return [
        Problem(root / NOT_UTF8_NAME, "file name 'caf\udce9' is not an id", line=1, column=1),
        Problem(root / "metrics.yml", "a\x1b[31mb\u2028c\x85: bad \udcff", line=2, column=3),
    ]


def test_text_and_github_annotations_are_printable(tmp_path: Path) -> None:
    for render in (as_text, as_github):
        output = render(_hostile_output_problems(tmp_path))
        assert all(line.isprintable() for line in output.splitlines())
        assert "caf\\xe9.yml" in output
        assert "a\\x1b[31mb\\u2028c\\x85: bad \\udcff" in output


def test_json_is_valid_utf_8(tmp_path: Path) -> None:
    output = as_json(_hostile_output_problems(tmp_path))
    output.encode("utf-8")  # no lone surrogate is left
    name, value = json.loads(output)
    assert name["path"].endswith("caf\\xe9.yml")
    assert value["message"] == "a\\x1b[31mb\\u2028c\\x85: bad \\udcff"


def test_a_file_name_that_is_not_utf_8_under_a_strict_locale(
    write_data: WriteData, tmp_path: Path
) -> None:
    root = write_data({"contacts/ada.yml": "name: Zoë\ncircle: innér\n"})
    (root / "contacts" / NOT_UTF8_NAME).write_text(ADA)
    strict = {**THIS_CHECKOUT, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    for output in ("text", "json", "github"):
        result = subprocess.run(
            [*NETDASH, "check", "--format", output],
            capture_output=True,
            timeout=60,
            cwd=tmp_path,
            env=strict,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert b"Traceback" not in result.stderr
        text = result.stdout.decode("utf-8")
        assert all(line.isprintable() for line in text.splitlines())
        shown = "data/contacts/caf\\xe9.yml"
        if output == "json":
            assert shown in [problem["path"] for problem in json.loads(text)]
        else:
            assert shown in text


def test_an_argument_that_is_not_utf_8_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["netdash", "check", "--data", os.fsdecode(b"d\xff")])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err == (
        "error: the argument d\\xff is not UTF-8 text; netdash reads UTF-8\n"
    )


def test_check_reports_hostile_values_in_every_format(
    write_data: WriteData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_data({"metrics.yml": '"a\\eb": [{date: 2026-01-01, value: 1}]\n'})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout == (
        "data/metrics.yml:1:1: error: key 'a\\x1bb' is not a series name "
        "(lowercase words joined by _)\n"
    )
