"""One colour per circle, status, value and quadrant, shared by the charts and the CSS.

The stylesheet's colour variables are generated from these tables, so a badge and the
chart bar of the same thing always match.
"""

from __future__ import annotations

from collections.abc import Mapping

CIRCLE: Mapping[str, str] = {"inner": "#7048e8", "middle": "#1c7ed6", "outer": "#0ca678"}
TOUCH: Mapping[str, str] = {
    "overdue": "#e03131",
    "due": "#f76707",
    "soon": "#f59f00",
    "scheduled": "#1c7ed6",
    "new": "#7048e8",
    "ok": "#2f9e44",
}
AGENDA: Mapping[str, str] = {
    "confirm": "#f76707",
    "meeting": "#1c7ed6",
    "event_step": "#0ca678",
    "follow_up": "#e03131",
    "key_date": "#d6336c",
    "touch": "#f59f00",
    "reconnect": "#7048e8",
    "reach_out": "#7048e8",
    "give": "#2f9e44",
    "intro_follow_up": "#1c7ed6",
}
VALUE: Mapping[str, str] = {
    "give": "#2f9e44",
    "share": "#1c7ed6",
    "ask": "#f76707",
    "social": "#868e96",
}
QUADRANT: Mapping[str, str] = {
    "golden": "#f59f00",
    "aspirational": "#7048e8",
    "peer": "#1c7ed6",
    "avoid": "#868e96",
}
TARGET: Mapping[str, str] = {
    "done": "#2f9e44",
    "on_track": "#1c7ed6",
    "behind": "#f76707",
    "upcoming": "#868e96",
    "missed": "#e03131",
}
STEP: Mapping[str, str] = {
    "done": "#2f9e44",
    "late": "#f59f00",
    "open": "#1c7ed6",
    "missed": "#e03131",
}
FIT: Mapping[str, str] = {"under": "#f76707", "within": "#2f9e44", "over": "#e03131"}
SEVERITY: Mapping[str, str] = {"error": "#e03131", "warning": "#f59f00"}
NEUTRAL = "#868e96"
ACCENT = "#1c7ed6"
TARGET_LINE = "#e03131"
SERIES: tuple[str, ...] = (
    "#1c7ed6",
    "#2f9e44",
    "#f76707",
    "#7048e8",
    "#0ca678",
    "#e03131",
    "#f59f00",
    "#d6336c",
)

_GROUPS: Mapping[str, Mapping[str, str]] = {
    "circle": CIRCLE,
    "touch": TOUCH,
    "agenda": AGENDA,
    "value": VALUE,
    "quadrant": QUADRANT,
    "target": TARGET,
    "step": STEP,
    "fit": FIT,
    "severity": SEVERITY,
}


def css_class(group: str, name: str) -> str:
    """The CSS modifier that colours one thing: `circle-inner`, `touch-overdue`."""
    return f"{group}-{name.replace('_', '-')}"


def stylesheet() -> str:
    """CSS rules giving each `.nd-<group>-<name>` its colour in `--nd-color`."""
    rules = [
        f".nd-{css_class(group, name)}{{--nd-color:{colour}}}"
        for group, colours in _GROUPS.items()
        for name, colour in colours.items()
    ]
    return "\n".join(rules) + "\n"
