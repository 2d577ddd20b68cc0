"""The position walker: problems at their lines and columns, whatever characters the file
holds; lines counted at `\\n` only."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from site_builder.cli import app
from site_builder.loading.loader import load
from site_builder.loading.positions import Locator, compose, item_starts
from tests.conftest import WriteData

# Characters YAML 1.2 reads as text, where YAML 1.1 (libyaml) breaks a line or stops.
CHARACTERS = {
    "U+2028 line separator": "\u2028",
    "U+2029 paragraph separator": "\u2029",
    "U+0085 next line": "\x85",
    "U+FFFE noncharacter": "\ufffe",
    "U+0001 control": "\x01",
    "U+000C form feed": "\x0c",
    "U+001B escape": "\x1b",
    "U+007F delete": "\x7f",
    "U+009B control": "\x9b",
}


def _places(root: Path) -> dict[str, set[tuple[int, int]]]:
    found: dict[str, set[tuple[int, int]]] = {}
    for problem in load(root).problems:
        found.setdefault(problem.path.name, set()).add((problem.line, problem.column))
    return found


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=list(CHARACTERS))
def test_a_character_anywhere_leaves_problems_at_their_lines(
    char: str, write_data: WriteData
) -> None:
    contact = f"name: Ada L\nrole: chief{char}engineer  # {char}\ncircle: innr\ncompnay: X\n"
    record = f"- date: 2026-01-02\n  with: [ada]\n  kind: call\n  summary: a{char}b  # {char}\n  value: gift\n"
    root = write_data({"contacts/ada.yml": contact, "interactions/2026.yml": record})
    places = _places(root)
    # Either the mistakes are placed, or the reader refuses the character where it stands.
    assert places["ada.yml"] in ({(3, 1), (4, 1)}, {(2, 12)})
    assert places["2026.yml"] in ({(5, 3)}, {(4, 13)})


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=list(CHARACTERS))
def test_a_file_holding_such_a_character_is_edited_when_check_accepts_it(
    char: str, write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_data({"contacts/ada.yml": f"# {char}\nname: 'Ada {char}'\ncircle: inner\n"})
    monkeypatch.chdir(root.parent)
    accepted = load(root).ok
    result = CliRunner().invoke(app, ["archive", "ada"])
    assert (result.exit_code, "Traceback" in result.output) == (0 if accepted else 1, False)
    text = (root / "contacts" / "ada.yml").read_text("utf-8")
    assert text.endswith("circle: inner\narchived: true\n") == accepted
    if not accepted:
        assert "data/contacts/ada.yml:1:3: " in result.output
    assert load(root).ok == accepted


def test_columns_count_characters_and_a_byte_order_mark() -> None:
    assert Locator("name: 😀😀\ncircle: x\n").locate(("circle",)) == (2, 1)
    assert Locator("tags: [😀, x]\n").locate(("tags", 1)) == (1, 11)
    assert Locator("\ufeffname: x\ncircle: y\n").locate(("name",)) == (1, 2)
    assert Locator("\ufeffname: x\ncircle: y\n").locate(("circle",)) == (2, 1)


def test_a_missing_key_points_at_its_parent_and_a_repeated_key_at_the_first() -> None:
    text = "- date: 2026-01-02\n  met: {on: 2026-01-01}\n- date: 2026-01-03\n  x: 1\n  x: 2\n"
    locator = Locator(text)
    assert locator.locate((0, "met", "how")) == (2, 3)
    assert locator.locate((1, "x")) == (4, 3)
    assert locator.locate((7, "date")) == (1, 1)  # no such record: the document


def test_records_are_found_by_their_lines() -> None:
    text = "# header\n\n- a: 1\n-\tb: 2\n- c: |\n    - not an item\n---x\n"
    assert item_starts(text) == [10, 17, 24]
    assert item_starts("a: 1\n- b\n") is None
    assert item_starts("---\n- a\n") is None


def test_the_tree_indexes_the_text_it_was_given() -> None:
    text = "a: 'x\u2028y'\nb: [1, 2]\n"
    tree = compose(text)
    assert tree is not None
    [(_, first), (key, _)] = tree.value
    assert text[first.start_mark.index : first.end_mark.index] == "'x\u2028y'"
    assert (key.start_mark.index, key.start_mark.line, key.start_mark.column) == (9, 1, 0)
