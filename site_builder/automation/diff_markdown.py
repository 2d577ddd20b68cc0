"""A `Diff` as Markdown for a pull request comment: the marker line, then one section per
kind of change. Text from the data goes through `markdown.md` or `markdown.code`, so a
name cannot add a link, a mention or markup."""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.automation.diff import MARKER, Diff, relative
from site_builder.automation.markdown import code, md
from site_builder.compute.compare import HabitState, OverdueChange, TargetState
from site_builder.plural import counted

NOTHING = "No change to who is overdue, the people, the roadmap, the habits or the problems."
STATUS_WORDS = {
    "overdue": "overdue",
    "due": "due today",
    "soon": "due soon",
    "scheduled": "scheduled",
    "new": "a prospect",
    "ok": "on track",
    "on_track": "on track",
    "behind": "behind",
    "upcoming": "upcoming",
    "missed": "missed",
    "done": "done",
}


LIST_LIMIT = 100
"""The most lines a list shows (a pull request comment holds at most 65,536 characters)."""


def _capped(lines: list[str]) -> list[str]:
    """The first `LIST_LIMIT` lines, and how many more there are."""
    if len(lines) <= LIST_LIMIT:
        return lines
    return [*lines[:LIST_LIMIT], f"- and {len(lines) - LIST_LIMIT:,} more"]


def _figure(value: float) -> str:
    return f"{value:g}"


def _overdue(change: OverdueChange, entered: bool) -> str:
    days = counted(change.overdue_days, "day")
    if entered:
        return f"- {md(change.name)}: {days} overdue"
    now = "no longer active" if change.now is None else STATUS_WORDS[change.now]
    return f"- {md(change.name)}: was {days} overdue, now {now}"


def _target(state: TargetState | None) -> str:
    if state is None:
        return "-"
    return f"{_figure(state.actual)} of {_figure(state.target)}, {STATUS_WORDS[state.status]}"


def _habit(state: HabitState | None) -> str:
    if state is None:
        return "-"
    met = "met" if state.met else "not met yet"
    return (
        f"{_figure(state.actual)} of {_figure(state.target)}, {met}, "
        f"streak {counted(state.streak, 'period')}"
    )


def _section(title: str, lines: Sequence[str]) -> list[str]:
    return [f"### {title}", "", *lines] if lines else []


def render(diff: Diff) -> str:
    """The whole comment, starting with `MARKER`."""
    c = diff.comparison
    overdue: list[str] = []
    if c.overdue_entered:
        overdue += ["Enter the overdue list:", ""]
        overdue += _capped([_overdue(x, True) for x in c.overdue_entered])
    if c.overdue_left:
        overdue += (
            ["", "Leave the overdue list:", ""] if overdue else ["Leave the overdue list:", ""]
        )
        overdue += _capped([_overdue(x, False) for x in c.overdue_left])
    people = _capped([f"- New: {md(p.name)} ({p.circle} circle)" for p in c.people_added])
    people += _capped([f"- Removed: {md(p.name)}" for p in c.people_removed])
    targets = ["| Phase | Target | Before | After |", "|---|---|---|---|"] if c.targets else []
    targets += [
        f"| {md(t.phase)} | {md(t.label)} | {_target(t.before)} | {_target(t.after)} |"
        for t in c.targets
    ]
    habits = ["| Habit | Before | After |", "|---|---|---|"] if c.habits else []
    habits += [
        f"| every {h.every}: {md(h.label)} | {_habit(h.before)} | {_habit(h.after)} |"
        for h in c.habits
    ]
    problems = _capped(
        [
            f"- {code(f'{relative(p.path, diff.head_root)}:{p.line}:{p.column}')} "
            f"{p.severity}: {md(p.message)}"
            for p in diff.new_problems
        ]
    )
    body = [
        *_section("Overdue", overdue),
        *_section("People", people),
        *_section("Roadmap targets", targets),
        *_section("Habits", habits),
        *_section("New problems", problems),
    ]
    intro = f"Computed for {c.today.isoformat()} on both sides."
    lines = [MARKER, "## What this pull request changes", "", intro, ""]
    lines += _spaced(body) if body else [NOTHING]
    return "\n".join(lines) + "\n"


def _spaced(lines: list[str]) -> list[str]:
    """A blank line before each section heading but the first."""
    out: list[str] = []
    for line in lines:
        if line.startswith("### ") and out:
            out.append("")
        out.append(line)
    return out
