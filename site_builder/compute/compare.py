"""What changes between two reports of the same day: who leaves or enters overdue, people
added and removed, roadmap targets and habits that move (what `netdash diff` says about
a pull request). Pure: two reports in, one record out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from site_builder.compute.report import (
    HabitProgress,
    Person,
    Report,
    TargetStatus,
    Touchpoint,
    TouchStatus,
)

Item = TypeVar("Item")


@dataclass(frozen=True)
class OverdueChange:
    """Someone who entered or left the overdue list."""

    contact: str
    name: str
    overdue_days: int
    """Days overdue on the side where they are overdue."""
    now: TouchStatus | None
    """Their status on the head side; None when they are no longer active there."""


@dataclass(frozen=True)
class PersonChange:
    """A contact added or removed."""

    contact: str
    name: str
    circle: str


@dataclass(frozen=True)
class TargetState:
    """A roadmap target on one side."""

    actual: float
    target: float
    status: TargetStatus


@dataclass(frozen=True)
class TargetChange:
    """A roadmap target whose figure or status moved (or that was added or removed)."""

    phase: str
    label: str
    before: TargetState | None
    after: TargetState | None


@dataclass(frozen=True)
class HabitState:
    """A habit's current period and streak on one side."""

    actual: float
    target: float
    met: bool
    streak: int


@dataclass(frozen=True)
class HabitChange:
    """A habit whose current period or streak moved (or that was added or removed)."""

    every: str
    label: str
    before: HabitState | None
    after: HabitState | None


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between the base and the head, for one day."""

    today: dt.date
    overdue_entered: tuple[OverdueChange, ...]
    """Overdue in the head, not in the base: most overdue first."""
    overdue_left: tuple[OverdueChange, ...]
    """Overdue in the base, not in the head: by name."""
    people_added: tuple[PersonChange, ...]
    people_removed: tuple[PersonChange, ...]
    targets: tuple[TargetChange, ...]
    habits: tuple[HabitChange, ...]

    @property
    def empty(self) -> bool:
        """True when nothing differs."""
        return not (
            self.overdue_entered
            or self.overdue_left
            or self.people_added
            or self.people_removed
            or self.targets
            or self.habits
        )


def compare(base: Report, head: Report) -> Comparison:
    """What differs from `base` to `head` (two reports computed for the same day)."""
    if base.today != head.today:
        raise ValueError(f"the reports are for {base.today} and {head.today}: not one day")
    entered, left = overdue_changes(base.touchpoints, head.touchpoints)
    added, removed = people_changes(base.people, head.people)
    return Comparison(
        today=head.today,
        overdue_entered=entered,
        overdue_left=left,
        people_added=added,
        people_removed=removed,
        targets=target_changes(base, head),
        habits=habit_changes(base.habits, head.habits),
    )


def overdue_changes(
    base: Iterable[Touchpoint], head: Iterable[Touchpoint]
) -> tuple[tuple[OverdueChange, ...], tuple[OverdueChange, ...]]:
    """Who entered the overdue list (most overdue first) and who left it (by name)."""
    before = {p.contact: p for p in base}
    after = {p.contact: p for p in head}
    entered = [
        OverdueChange(p.contact, p.name, p.overdue_days, p.status)
        for p in after.values()
        if p.status == "overdue"
        and (p.contact not in before or before[p.contact].status != "overdue")
    ]
    left = [
        OverdueChange(
            p.contact,
            p.name,
            p.overdue_days,
            after[p.contact].status if p.contact in after else None,
        )
        for p in before.values()
        if p.status == "overdue"
        and (p.contact not in after or after[p.contact].status != "overdue")
    ]
    entered.sort(key=lambda c: (-c.overdue_days, c.name.casefold()))
    left.sort(key=lambda c: c.name.casefold())
    return tuple(entered), tuple(left)


def people_changes(
    base: Iterable[Person], head: Iterable[Person]
) -> tuple[tuple[PersonChange, ...], tuple[PersonChange, ...]]:
    """Contacts only in the head (added) and only in the base (removed), by name."""
    before = {p.contact: p for p in base}
    after = {p.contact: p for p in head}

    def changes(side: Mapping[str, Person], other: Mapping[str, Person]) -> list[PersonChange]:
        found = [PersonChange(p.contact, p.name, p.circle) for p in side.values()]
        return sorted((c for c in found if c.contact not in other), key=lambda c: c.name.casefold())

    return tuple(changes(after, before)), tuple(changes(before, after))


def _keyed(
    items: Iterable[Item], key: Callable[[Item], Hashable]
) -> dict[tuple[Hashable, ...], Item]:
    """Items by key, a repeated key numbered by its occurrence (two equal targets stay two)."""
    seen: Counter[Hashable] = Counter()
    keyed: dict[tuple[Hashable, ...], Item] = {}
    for item in items:
        k = key(item)
        seen[k] += 1
        keyed[(k, seen[k])] = item
    return keyed


def target_changes(base: Report, head: Report) -> tuple[TargetChange, ...]:
    """Targets whose actual figure or status differs, in the head's order (then removed
    ones in the base's order)."""

    def states(report: Report) -> dict[tuple[Hashable, ...], tuple[str, str, TargetState]]:
        rows = (
            (phase.phase, target.label, TargetState(target.actual, target.target, target.status))
            for phase in report.roadmap
            for target in phase.targets
        )
        return _keyed(rows, lambda row: (row[0], row[1]))

    before, after = states(base), states(head)
    changes = [
        TargetChange(phase, label, before[k][2] if k in before else None, state)
        for k, (phase, label, state) in after.items()
        if k not in before or before[k][2] != state
    ]
    changes += [
        TargetChange(phase, label, state, None)
        for k, (phase, label, state) in before.items()
        if k not in after
    ]
    return tuple(changes)


def _habit_state(habit: HabitProgress) -> HabitState:
    current = habit.current
    return HabitState(current.actual, current.target, current.met, habit.streak)


def habit_changes(
    base: Iterable[HabitProgress], head: Iterable[HabitProgress]
) -> tuple[HabitChange, ...]:
    """Habits whose current period or streak differs, in the head's order (then removed
    ones)."""
    before = _keyed(base, lambda h: (h.every, h.label))
    after = _keyed(head, lambda h: (h.every, h.label))
    changes = [
        HabitChange(
            h.every,
            h.label,
            _habit_state(before[k]) if k in before else None,
            _habit_state(h),
        )
        for k, h in after.items()
        if k not in before or _habit_state(before[k]) != _habit_state(h)
    ]
    changes += [
        HabitChange(h.every, h.label, _habit_state(h), None)
        for k, h in before.items()
        if k not in after
    ]
    return tuple(changes)
