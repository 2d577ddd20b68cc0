"""The palette's badges read at WCAG AA: every text/background pair is 4.5:1 or more,
computed with WCAG 2's formula, and the stylesheet gives each badge that pair."""

from __future__ import annotations

import re

import pytest

from site_builder.site import palette


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),  # (1 + 0.05) / (0 + 0.05)
        ("#ffffff", "#ffffff", 1.0),
        # #777777: channel 0x77/255 = 0.46667 -> ((0.46667 + 0.055) / 1.055) ** 2.4 = 0.18447;
        # (1.05) / (0.18447 + 0.05) = 4.478, the grey that just misses AA on white.
        ("#777777", "#ffffff", 4.478),
        # Pure red: luminance 0.2126 -> (1.05) / (0.2626) = 3.998.
        ("#ff0000", "#ffffff", 3.998),
    ],
)
def test_the_contrast_ratio_follows_the_wcag_formula(
    first: str, second: str, expected: float
) -> None:
    assert palette.contrast(first, second) == pytest.approx(expected, abs=0.001)
    assert palette.contrast(second, first) == pytest.approx(expected, abs=0.001)


def test_every_badge_reads_at_aa_with_its_ink() -> None:
    colours = palette.badge_colours()
    assert len(colours) > 30  # every group's every status, and the neutral badge
    failing = {
        name: round(palette.contrast(colour, palette.ink(colour)), 2)
        for name, colour in colours.items()
        if palette.contrast(colour, palette.ink(colour)) < 4.5
    }
    assert failing == {}


def test_the_old_amber_with_white_text_would_fail_and_gets_dark_ink() -> None:
    # #f59f00 with white text was 2.13:1; with the near-black ink it is 7.23:1.
    assert palette.contrast("#f59f00", palette.WHITE) == pytest.approx(2.13, abs=0.01)
    assert palette.ink(palette.AMBER) == palette.DARK
    assert palette.contrast(palette.AMBER, palette.DARK) == pytest.approx(7.23, abs=0.01)
    assert palette.ink(palette.RED) == palette.WHITE


def test_the_stylesheet_gives_each_badge_its_colour_and_ink() -> None:
    css = palette.stylesheet()
    rules = dict(re.findall(r"^\.nd-([a-z-]+)\{([^}]*)\}", css, re.MULTILINE))
    for name, colour in palette.badge_colours().items():
        if name == "neutral":
            assert f"--nd-neutral:{colour};--nd-neutral-ink:{palette.ink(colour)}" in css
            continue
        assert rules[name] == f"--nd-color:{colour};--nd-ink:{palette.ink(colour)}", name


def test_the_badge_style_reads_its_ink_and_is_at_least_11px() -> None:
    from importlib import resources

    css = (resources.files("site_builder.site") / "assets" / "netdash.css").read_text("utf-8")
    badge = re.search(r"\.md-typeset \.nd-badge \{([^}]*)\}", css)
    assert badge is not None
    body = badge.group(1)
    assert "color: var(--nd-ink, var(--nd-neutral-ink));" in body
    # Material's root font is 20 px or more (125%), so 0.6rem is 12 px at the least.
    assert "font-size: max(0.72em, 0.6rem)" in body


@pytest.mark.parametrize("scheme", sorted(palette.PAGE))
def test_every_colour_as_text_reads_at_aa_on_the_page(scheme: str) -> None:
    background = palette.PAGE[scheme]
    for name, colour in palette.badge_colours().items():
        text = palette.text_colour(colour, scheme)
        assert palette.contrast(text, background) >= 4.5, (name, scheme, text)


def test_a_colour_as_text_moves_the_least_step_that_reads() -> None:
    # Amber on white: 35% of the way to black, each channel times 0.65 and rounded:
    # f5 = 245 -> 159.25 -> 9f, 9f = 159 -> 103.35 -> 67, 00 -> 00.
    assert palette.text_colour(palette.AMBER, "default") == "#9f6700"
    one_step_less = "#ac6f00"  # 30%: 245 * 0.7 = 171.5 -> ac, 159 * 0.7 = 111.3 -> 6f
    assert palette.contrast(one_step_less, palette.PAGE["default"]) < 4.5
    # Amber reads on the dark page as it is; violet is lightened there.
    assert palette.text_colour(palette.AMBER, "slate") == palette.AMBER
    assert palette.text_colour(palette.VIOLET, "default") == palette.VIOLET
    assert palette.text_colour(palette.VIOLET, "slate") != palette.VIOLET


def test_the_stylesheet_gives_each_scheme_its_text_colours() -> None:
    css = palette.stylesheet()
    assert '[data-md-color-scheme="default"] .nd-touch-soon{--nd-text:#9f6700}' in css
    assert f'[data-md-color-scheme="slate"] .nd-touch-soon{{--nd-text:{palette.AMBER}}}' in css
