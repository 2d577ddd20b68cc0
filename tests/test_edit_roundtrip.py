"""Edits keep files as people wrote them: the diff is exactly the intended lines."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.editing.actions import (
    LogEntry,
    archive_change,
    done_change,
    log_change,
    snooze_change,
)
from site_builder.editing.append import append_item
from site_builder.editing.textedit import set_value
from site_builder.editing.writer import Change, apply, diff
from site_builder.loading import yaml_fast
from site_builder.loading.loader import load

CONTACTS = {
    "contacts/ada-lovelace.yml": "name: Ada Lovelace\ncircle: inner\n",
    "contacts/grace-hopper.yml": "name: Grace Hopper\ncircle: middle\n",
}

# Interaction files written the way people write them by hand.
STYLES = {
    "comments": (
        "# yaml-language-server: $schema=../../schemas/interactions.schema.json\n"
        "# Coffee and calls, 2026.\n"
        "\n"
        "# January\n"
        "- date: 2026-01-05   # first week back\n"
        "  with: [ada-lovelace]  # she paid\n"
        "  kind: coffee\n"
        "  summary: 'Quoted, with a comma'\n"
        "\n"
        "- date: 2026-01-20\n"
        "  with: [grace-hopper]\n"
        "  kind: call\n"
        "  # a comment inside an item\n"
        '  summary: "Double quoted: with a colon"\n'
        "\n"
        "# more to come\n"
    ),
    "flow_items": (
        "- {date: 2026-01-05, with: [ada-lovelace], kind: coffee}\n"
        "- {date: 2026-01-06, with: [grace-hopper], kind: call, summary: plain words}\n"
    ),
    "long_lines": (
        "- date: 2026-01-05\n"
        "  with: [ada-lovelace]\n"
        "  kind: coffee\n"
        "  summary: " + "A very long summary that goes on and on about compilers " * 6 + "\n"
        "  follow_ups:\n"
        "    - {do: Send the paper, due: 2026-01-09}\n"
    ),
    "four_space_indent": (
        "  -   date: 2026-01-05\n"
        "      with:\n"
        "          - ada-lovelace\n"
        "      kind: coffee\n"
        "      follow_ups:\n"
        "          -   do: Send the paper\n"
        "              due: 2026-01-09\n"
    ),
    "indentless_lists": (
        "- date: 2026-01-05\n"
        "  with:\n"
        "  - ada-lovelace\n"
        "  kind: coffee\n"
        "  follow_ups:\n"
        "  - do: Send the paper\n"
        "    due: 2026-01-09\n"
    ),
    "windows_line_endings": (
        "# Windows\r\n"
        "- date: 2026-01-05\r\n"
        "  with: [ada-lovelace]\r\n"
        "  kind: coffee   # beside\r\n"
        "  follow_ups:\r\n"
        "    - {do: Send the paper, due: 2026-01-09}\r\n"
    ),
    "no_final_newline": (
        "- date: 2026-01-05\n"
        "  with: [ada-lovelace]\n"
        "  kind: coffee\n"
        "  follow_ups:\n"
        "    - {do: Send the paper, due: 2026-01-09}"
    ),
    "empty_list": "# yaml-language-server: $schema=../../schemas/interactions.schema.json\n[]\n",
}

TODAY = dt.date(2026, 2, 10)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in {"settings.yml": "owner: Test Owner\n", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def _only_inserted(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails when any line of `before` changed."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert all(op[0] == "insert" for op in ops), ops
    return [line for op in ops for line in new[op[3] : op[4]]]


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    """(old line, new line) pairs for lines replaced one for one."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            assert i2 - i1 == j2 - j1 == 1
            pairs.append((before.splitlines()[i1], after.splitlines()[j1]))
        else:
            assert tag == "equal"
    return pairs


@pytest.mark.parametrize("style", sorted(STYLES))
def test_log_adds_exactly_the_new_lines(tmp_path: Path, style: str) -> None:
    root = tmp_path / "data"
    original = STYLES[style]
    _write(root, {**CONTACTS, "interactions/2026.yml": original})
    context = load(root).dataset
    entry = LogEntry(
        ["ada", "grace"],
        "coffee",
        dt.date(2026, 2, 1),
        value="give",
        summary="Talk: the new IR, and what's next",
        follow_up="Intro to Bob",
        due=dt.date(2026, 2, 5),
    )
    apply(context, [log_change(context, entry)])
    path = root / "interactions" / "2026.yml"
    after = path.read_bytes().decode("utf-8")
    if style == "empty_list":
        assert after.startswith(original.split("[]")[0])
    else:
        added = _only_inserted(original, after)
        assert after.startswith(original)
        assert any("Intro to Bob" in line for line in added)
    if style == "comments":
        assert added == [
            "",
            "- date: 2026-02-01",
            "  with: [ada-lovelace, grace-hopper]",
            "  kind: coffee",
            "  value: give",
            '  summary: "Talk: the new IR, and what\'s next"',
            "  follow_ups:",
            "    - {do: Intro to Bob, due: 2026-02-05}",
        ]
    assert after.endswith("\n") == original.endswith("\n")
    assert ("\r\n" in after) == ("\r\n" in original)
    assert after.count("\r\n") == after.count("\n") or "\r\n" not in original
    result = load(root)
    assert result.ok, result.problems
    last = result.dataset.interactions[-1]
    assert last.with_ == ["ada-lovelace", "grace-hopper"]
    assert last.summary == "Talk: the new IR, and what's next"
    assert [f.do for f in last.follow_ups] == ["Intro to Bob"]


def test_log_new_year_file_gets_the_schema_line(write_data: object, tmp_path: Path) -> None:
    root = tmp_path / "data"
    _write(root, CONTACTS)
    context = load(root).dataset
    apply(context, [log_change(context, LogEntry(["ada-lovelace"], "call", dt.date(2027, 1, 3)))])
    text = (root / "interactions" / "2027.yml").read_text("utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../schemas/interactions.schema.json\n"
        "- date: 2027-01-03\n  with: [ada-lovelace]\n  kind: call\n"
    )


CONTACT_STYLES = {
    "plain": "name: Ada Lovelace\ncircle: inner\n",
    "comments_and_quotes": (
        "# Ada, met at PyCon\n"
        "name: 'Ada Lovelace'   # full name\n"
        "circle: inner\n"
        "\n"
        "private:\n"
        '    email: "ada@example.com"\n'
        "    hobbies: [sailing, chess]\n"
        "# the end\n"
    ),
    "flow_top": "{name: Ada Lovelace, circle: inner, tags: [python]}\n",
    "windows": (
        "name: Ada Lovelace\r\ncircle: inner\r\nsnooze_until: 2026-03-01   # after her holiday\r\n"
    ),
    "no_final_newline": "name: Ada Lovelace\ncircle: inner\narchived: false",
}


@pytest.mark.parametrize("style", sorted(CONTACT_STYLES))
def test_snooze_and_archive_touch_one_line_each(tmp_path: Path, style: str) -> None:
    root = tmp_path / "data"
    original = CONTACT_STYLES[style]
    _write(root, {"contacts/ada-lovelace.yml": original})
    path = root / "contacts" / "ada-lovelace.yml"
    context = load(root).dataset
    apply(context, [snooze_change(context, "ada", dt.date(2026, 12, 1))])
    snoozed = path.read_bytes().decode("utf-8")
    context = load(root).dataset
    apply(context, [archive_change(context, "Ada Lovelace")])
    archived = path.read_bytes().decode("utf-8")
    steps = ((original, snoozed, "snooze_until"), (snoozed, archived, "archived"))
    for before, after, key in steps:
        if style == "flow_top":
            assert len(_changed(before, after)) == 1
        elif key in before:
            [(old, new)] = _changed(before, after)
            assert old.split(":")[0] == new.split(":")[0]
        else:
            assert len(_only_inserted(before, after)) == 1
    if style == "windows":
        assert snoozed == (
            "name: Ada Lovelace\r\ncircle: inner\r\n"
            "snooze_until: 2026-12-01   # after her holiday\r\n"
        )
        assert archived == snoozed + "archived: true\r\n"
    document = yaml_fast.parse(archived)
    assert document["snooze_until"] == "2026-12-01"
    assert document["archived"] is True
    assert load(root).ok


def test_done_marks_the_follow_up_in_place(tmp_path: Path) -> None:
    root = tmp_path / "data"
    original = STYLES["four_space_indent"]
    _write(root, {**CONTACTS, "interactions/2026.yml": original})
    context = load(root).dataset
    apply(context, [done_change(context, "ada", "paper", TODAY)])
    after = (root / "interactions" / "2026.yml").read_text("utf-8")
    assert _only_inserted(original, after) == ["              done: 2026-02-10"]
    assert load(root).ok


def test_done_in_a_flow_follow_up_keeps_the_comment_beside(tmp_path: Path) -> None:
    root = tmp_path / "data"
    original = STYLES["windows_line_endings"]
    _write(root, {**CONTACTS, "interactions/2026.yml": original})
    context = load(root).dataset
    apply(context, [done_change(context, "ada-lovelace", "send the paper", TODAY)])
    after = (root / "interactions" / "2026.yml").read_bytes().decode("utf-8")
    assert _changed(original, after) == [
        (
            "    - {do: Send the paper, due: 2026-01-09}",
            "    - {do: Send the paper, due: 2026-01-09, done: 2026-02-10}",
        )
    ]
    assert after.count("\r\n") == original.count("\r\n")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_back_unchanged(text: str) -> None:
    item = {"date": "2026-02-01", "with": ["ada-lovelace"], "kind": "call", "summary": text}
    logged = append_item(STYLES["comments"], item, "2026.yml")
    assert logged.startswith(STYLES["comments"])
    assert yaml_fast.parse(logged)[-1]["summary"] == text
    noted = set_value(CONTACT_STYLES["comments_and_quotes"], ("private", "notes"), text, "ada.yml")
    assert yaml_fast.parse(noted)["private"]["notes"] == text
    assert len(_only_inserted(CONTACT_STYLES["comments_and_quotes"], noted)) == 1


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("".join(f"line {n}\n" for n in range(100)), "".join(f"line {n}\n" for n in range(101))),
        ("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n"),
        ("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\ne\nf\ng\nh\ni"),
        ("a\nb\n", "z\na\nb\n"),
        ("", "a\n"),
    ],
)
def test_a_diff_is_the_unified_diff_of_the_whole_texts(before: str, after: str) -> None:
    change = Change(Path("x.yml"), before, after)
    whole = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), "a/x.yml", "b/x.yml"
    )
    expected = "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in whole
    )
    assert diff(change) == expected
