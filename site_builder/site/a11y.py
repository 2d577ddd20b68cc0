"""Accessible names for the parts of Material's page that come without one: its search is
a dialog and its loading bar a progress bar, and assistive technology announces each by
its name (axe-core's `aria-dialog-name` and `aria-progressbar-name`)."""

from __future__ import annotations

MENDS: tuple[tuple[str, str], ...] = (
    (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    ),
    (
        '<div class="md-progress" data-md-component="progress" role="progressbar">',
        '<div class="md-progress" data-md-component="progress" role="progressbar"'
        ' aria-label="Loading the page">',
    ),
)


def mend(html: str) -> str:
    """The page with each of Material's unnamed parts named (once each: there is one)."""
    for before, after in MENDS:
        html = html.replace(before, after, 1)
    return html
