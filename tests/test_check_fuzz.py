"""`netdash check` on mutated demo files: it exits 0 or 1, prints no traceback, and every
problem it lists is placed inside its file.

Hypothesis mutates one demo file of `data/` at a time (bytes flipped, lines and
characters inserted or deleted, keys duplicated, values swapped, hostile scalars put in)
in a copy of the folder, then runs the check in-process, and a few times as a real
process. The runs are derandomized, so CI sees the same cases every time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from site_builder.cli import app

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "data"
THIS_CHECKOUT = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
}
"""The environment of a `netdash` process that runs the code under test."""
DEMO_FILES = sorted(path.relative_to(DEMO).as_posix() for path in DEMO.rglob("*.yml"))
HOSTILE_VALUES = [
    "9" * 5000,
    "0x" + "f" * 300,
    "-0b" + "1" * 200,
    '!!int "three"',
    "0x_",
    "!!binary aGk=",
    "!!timestamp 2026-01-01",
    "!!set {a, b}",
    "!custom x",
    "!!bool yes",
    "!!float abc",
    "true",
    '"3"',
    "1e400",
    ".nan",
    "-.inf",
    "2026-02-30",
    "\x1b[31mred\x1b[0m",
    "a\x00b",
    "a\x0cb",
    "a\rb",
    '"\\e[2J\\u2028\\x85"',
    "[" * 100 + "]" * 100,
    "[" * 5000 + "]" * 5000,
    "- " * 3000 + "x",
    "x" * 100_000,
    "&anchor x",
    "*anchor",
    "{",
    "'unclosed",
    "\t",
    "~",
    "",
]
KEY_LINE = re.compile(rb"^(\s*(?:- )?[\w-]+:)[ \t]*(.*)$")

Mutation = tuple[str, int, object]
"""(name, position, argument): which function of `MUTATIONS` to apply, where, with what."""


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def flip_byte(data: bytes, at: int, mask: object) -> bytes:
    assert isinstance(mask, int)
    if not data:
        return bytes([mask])
    i = at % len(data)
    return data[:i] + bytes([data[i] ^ mask]) + data[i + 1 :]


def insert_text(data: bytes, at: int, text: object) -> bytes:
    assert isinstance(text, bytes)
    i = at % (len(data) + 1)
    return data[:i] + text + data[i:]


def delete_span(data: bytes, at: int, length: object) -> bytes:
    assert isinstance(length, int)
    i = at % (len(data) + 1)
    return data[:i] + data[i + length :]


def insert_line(data: bytes, at: int, line: object) -> bytes:
    assert isinstance(line, bytes)
    lines = _lines(data)
    lines.insert(at % (len(lines) + 1), line)
    return b"\n".join(lines)


def delete_line(data: bytes, at: int, _: object) -> bytes:
    lines = _lines(data)
    del lines[at % len(lines)]
    return b"\n".join(lines)


def _key_lines(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line)]


def duplicate_key(data: bytes, at: int, _: object) -> bytes:
    lines = _lines(data)
    if keyed := _key_lines(lines):
        i = keyed[at % len(keyed)]
        lines.insert(i + 1, lines[i].replace(b"- ", b"  ", 1))
    return b"\n".join(lines)


def swap_values(data: bytes, at: int, other: object) -> bytes:
    assert isinstance(other, int)
    lines = _lines(data)
    if keyed := _key_lines(lines):
        i, j = keyed[at % len(keyed)], keyed[other % len(keyed)]
        first, second = KEY_LINE.match(lines[i]), KEY_LINE.match(lines[j])
        assert first and second
        lines[i], lines[j] = first[1] + b" " + second[2], second[1] + b" " + first[2]
    return b"\n".join(lines)


def hostile_value(data: bytes, at: int, value: object) -> bytes:
    assert isinstance(value, str)
    lines = _lines(data)
    if keyed := _key_lines(lines):
        i = keyed[at % len(keyed)]
        match = KEY_LINE.match(lines[i])
        assert match
        lines[i] = match[1] + b" " + value.encode("utf-8")
    return b"\n".join(lines)


def nest_deeply(data: bytes, at: int, depth: object) -> bytes:
    assert isinstance(depth, int)
    nested = "".join("  " * level + f"k{level}:\n" for level in range(depth))
    return insert_line(data, at, nested.encode())


MUTATIONS: dict[str, Callable[[bytes, int, object], bytes]] = {
    function.__name__: function
    for function in (
        flip_byte,
        insert_text,
        delete_span,
        insert_line,
        delete_line,
        duplicate_key,
        swap_values,
        hostile_value,
        nest_deeply,
    )
}


def _mutation(name: str, argument: st.SearchStrategy[object]) -> st.SearchStrategy[Mutation]:
    return st.tuples(st.just(name), st.integers(min_value=0, max_value=2**20), argument)


hostile_values = st.sampled_from(HOSTILE_VALUES)
mutations = st.one_of(
    _mutation("flip_byte", st.integers(1, 255)),
    _mutation("insert_text", st.binary(min_size=1, max_size=8)),
    _mutation("insert_text", st.text(min_size=1, max_size=8).map(str.encode)),
    _mutation("delete_span", st.integers(1, 40)),
    _mutation("insert_line", hostile_values.map(str.encode)),
    _mutation("insert_line", st.text(max_size=30).map(str.encode)),
    _mutation("delete_line", st.none()),
    _mutation("duplicate_key", st.none()),
    _mutation("swap_values", st.integers(min_value=0, max_value=2**20)),
    _mutation("hostile_value", hostile_values),
    _mutation("nest_deeply", st.integers(2, 200)),
)
cases = st.tuples(st.sampled_from(DEMO_FILES), st.lists(mutations, min_size=1, max_size=4))


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DEMO, root)
    return root


def _mutated(root: Path, name: str, steps: list[Mutation]) -> Iterator[Path]:
    """Write the mutated file into the copy; put the demo file back afterwards."""
    data = (DEMO / name).read_bytes()
    for mutation, at, argument in steps:
        data = MUTATIONS[mutation](data, at, argument)
    (root / name).write_bytes(data)
    try:
        yield root / name
    finally:
        shutil.copyfile(DEMO / name, root / name)


def _line_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)


def assert_placed_inside_their_files(output: str) -> None:
    """Every problem points at a line of its file (or just past its end)."""
    for problem in json.loads(output):
        path = Path(problem["path"])
        assert problem["column"] >= 1, problem
        if path.is_file():
            assert 1 <= problem["line"] <= _line_count(path) + 1, problem
        else:
            assert problem["line"] == 1, problem


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases)
def test_check_survives_mutated_demo_files(
    case: tuple[str, list[Mutation]], demo_copy: Path
) -> None:
    name, steps = case
    for _ in _mutated(demo_copy, name, steps):
        result = CliRunner().invoke(app, ["check", "--data", str(demo_copy), "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        event(f"exit code {result.exit_code}")
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        assert_placed_inside_their_files(result.stdout)


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases)
def test_check_survives_mutated_demo_files_as_a_process(
    case: tuple[str, list[Mutation]], demo_copy: Path
) -> None:
    name, steps = case
    for _ in _mutated(demo_copy, name, steps):
        command = ["check", "--data", str(demo_copy), "--format", "json"]
        result = subprocess.run(
            [sys.executable, "-m", "site_builder", *command],
            capture_output=True,
            timeout=120,
            env=THIS_CHECKOUT,
            check=False,
        )
        assert result.returncode in (0, 1), result.stderr
        assert b"Traceback" not in result.stderr
        assert_placed_inside_their_files(result.stdout.decode("utf-8"))
