"""One colour per circle, status, value and quadrant, shared by the charts and the CSS.

The stylesheet's colour variables are generated from these tables, so a badge and the
chart bar of the same thing always match. Each colour is dark enough (or, amber, light
enough) that a badge's text, white or near-black (`ink`), reads at WCAG AA (4.5:1) on it;
the badge is the same in light and dark mode.
"""

from __future__ import annotations

from collections.abc import Mapping

# The colours: each reads at 4.5:1 or more with its ink (`ink`, tests/test_site_palette.py).
VIOLET = "#7048e8"
BLUE = "#1971c2"
TEAL = "#087f5b"
RED = "#c92a2a"
ORANGE = "#c2410c"
AMBER = "#f59f00"
GREEN = "#15803d"
PINK = "#c2255c"
GREY = "#6c757d"
WHITE = "#ffffff"
DARK = "#212529"
# The page backgrounds text in a colour stands on: Material's light and dark (slate) schemes.
PAGE: Mapping[str, str] = {"default": "#ffffff", "slate": "#1e2129"}
AA = 4.5

CIRCLE: Mapping[str, str] = {"inner": VIOLET, "middle": BLUE, "outer": TEAL}
TOUCH: Mapping[str, str] = {
    "overdue": RED,
    "due": ORANGE,
    "soon": AMBER,
    "scheduled": BLUE,
    "new": VIOLET,
    "ok": GREEN,
}
AGENDA: Mapping[str, str] = {
    "confirm": ORANGE,
    "meeting": BLUE,
    "event_step": TEAL,
    "follow_up": RED,
    "key_date": PINK,
    "touch": AMBER,
    "reconnect": VIOLET,
    "reach_out": VIOLET,
    "give": GREEN,
    "news": TEAL,
    "intro_follow_up": BLUE,
}
VALUE: Mapping[str, str] = {
    "give": GREEN,
    "share": BLUE,
    "ask": ORANGE,
    "social": GREY,
}
QUADRANT: Mapping[str, str] = {
    "golden": AMBER,
    "aspirational": VIOLET,
    "peer": BLUE,
    "avoid": GREY,
}
TARGET: Mapping[str, str] = {
    "done": GREEN,
    "on_track": BLUE,
    "behind": ORANGE,
    "upcoming": GREY,
    "missed": RED,
}
STEP: Mapping[str, str] = {
    "done": GREEN,
    "late": AMBER,
    "open": BLUE,
    "missed": RED,
}
FIT: Mapping[str, str] = {"under": ORANGE, "within": GREEN, "over": RED}
SEVERITY: Mapping[str, str] = {"error": RED, "warning": AMBER}
NEUTRAL = GREY
ACCENT = BLUE
TARGET_LINE = RED
SERIES: tuple[str, ...] = (
    BLUE,
    GREEN,
    ORANGE,
    VIOLET,
    TEAL,
    RED,
    AMBER,
    PINK,
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


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of `#rrggbb`: 0 for black, 1 for white."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink(colour: str) -> str:
    """The text colour for a badge of `colour`: white, unless near-black reads better."""
    return WHITE if contrast(WHITE, colour) >= contrast(DARK, colour) else DARK


def _mix(colour: str, towards: str, share: float) -> str:
    """`colour` moved `share` (0 to 1) of the way to `towards`, channel by channel."""
    mixed = (
        round(int(colour[i : i + 2], 16) * (1 - share) + int(towards[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def text_colour(colour: str, scheme: str) -> str:
    """`colour` for text on the scheme's page (a number coloured by its status): itself
    when it reads at AA there, else darkened (light page) or lightened (dark page) by the
    least step of 5% that does."""
    background = PAGE[scheme]
    towards = "#000000" if luminance(background) > 0.5 else WHITE
    for step in range(21):
        candidate = _mix(colour, towards, step / 20)
        if contrast(candidate, background) >= AA:
            return candidate
    return towards


def badge_colours() -> dict[str, str]:
    """Every colour a badge can have (`circle-inner`: `#7048e8`), and the neutral one."""
    named = {
        css_class(group, name): colour
        for group, colours in _GROUPS.items()
        for name, colour in colours.items()
    }
    return {**named, "neutral": NEUTRAL}


def stylesheet() -> str:
    """CSS rules giving each `.nd-<group>-<name>` its colour in `--nd-color` and the text
    colour that reads on it in `--nd-ink`, and in `--nd-text` the colour as text on the
    page of each scheme; a badge of no group is neutral."""
    rules = [
        f".nd-{name}{{--nd-color:{colour};--nd-ink:{ink(colour)}}}"
        for name, colour in badge_colours().items()
        if name != "neutral"
    ]
    texts = [
        f'[data-md-color-scheme="{scheme}"] .nd-{name}{{--nd-text:{text_colour(colour, scheme)}}}'
        for scheme in PAGE
        for name, colour in badge_colours().items()
        if name != "neutral"
    ]
    neutral = f":root{{--nd-neutral:{NEUTRAL};--nd-neutral-ink:{ink(NEUTRAL)}}}"
    return "\n".join([neutral, *rules, *texts]) + "\n"
