"""A person's strength over the last 12 months, as the points of an inline SVG line
(`pages/person_body.html` draws it: no script, a few hundred bytes a page)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.compute.report import RelationshipHistory

WIDTH, HEIGHT, PAD = 240, 48, 4
"""The drawing's size in pixels, and the margin that keeps the end dot whole."""


@dataclass(frozen=True, slots=True)
class Sparkline:
    """A line through the scores (0 at the bottom, 100 at the top), oldest first."""

    points: str
    """`x,y x,y ...` for an SVG polyline."""
    last_x: float
    last_y: float
    width: int
    height: int
    label: str
    change: str
    """The 90-day change, signed (`+12`, `-3`, `0`)."""


def signed(change: int) -> str:
    """`+12`, `-3` (with a minus sign) or `0`."""
    return f"+{change}" if change > 0 else f"\N{MINUS SIGN}{-change}" if change < 0 else "0"


def sparkline(history: RelationshipHistory, contact: str) -> Sparkline | None:
    """The contact's line, None for one with no history (archived)."""
    scores = history.scores.get(contact)
    if not scores:
        return None
    step = (WIDTH - 2 * PAD) / max(1, len(scores) - 1)
    spots = [
        (round(PAD + k * step, 1), round(PAD + (HEIGHT - 2 * PAD) * (1 - score / 100), 1))
        for k, score in enumerate(scores)
    ]
    first, last = history.days[0], history.days[-1]
    label = (
        f"Strength at each month's end: {scores[0]} on {first.isoformat()}, "
        f"{scores[-1]} on {last.isoformat()}"
    )
    return Sparkline(
        " ".join(f"{x:g},{y:g}" for x, y in spots),
        spots[-1][0],
        spots[-1][1],
        WIDTH,
        HEIGHT,
        label,
        signed(history.change_90_days.get(contact, 0)),
    )
