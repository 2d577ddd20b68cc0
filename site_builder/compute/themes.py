"""The journal's "to improve" notes grouped by theme, by a rule one can check by hand.

Notes that share a word are grouped under it: the word shared by the most notes first
(ties in alphabetical order), then the next among the notes left, until no two notes left
share a word; those stay apart, as "other". Words are runs of letters (a hyphen joins
two), at least `MIN_LETTERS` long, common words aside; two words that differ only a
little (`follow-up`, `follow-ups`) count as one, by rapidfuzz's ratio.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

MIN_LETTERS = 4
SAME_WORD = 85
"""rapidfuzz's ratio (0-100) from which two words count as one."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_COMMON_WORDS = """
    about after again also always before being could didn does doesn done down each even
    every first from going have haven into just last like made make more most much need
    next only other over same should some still than that their them then there these they
    thing this those time very want went were what when where which while will with would
    your
"""
COMMON = frozenset(_COMMON_WORDS.split())
"""Words too common to make a theme."""


def words(text: str) -> set[str]:
    """The words of a note that can make a theme."""
    found = (word.casefold() for word in _WORD.findall(text))
    return {word for word in found if len(word) >= MIN_LETTERS and word not in COMMON}


def _canonical(vocabulary: list[str]) -> dict[str, str]:
    """Each word to the first word (alphabetically) it counts as."""
    chosen: dict[str, str] = {}
    kept: list[str] = []
    for word in sorted(vocabulary):
        same = next((k for k in kept if fuzz.ratio(word, k) >= SAME_WORD), None)
        if same is None:
            kept.append(word)
        chosen[word] = same or word
    return chosen


def group(notes: Sequence[str]) -> list[tuple[str | None, list[int]]]:
    """Themes as (word, positions of its notes in `notes`), largest first; the notes that
    share no word with another last, under None."""
    note_words = [words(note) for note in notes]
    canonical = _canonical(sorted(set().union(*note_words)))
    holders: dict[str, set[int]] = {}
    for position, found in enumerate(note_words):
        for word in found:
            holders.setdefault(canonical[word], set()).add(position)
    left = set(range(len(notes)))
    themes: list[tuple[str | None, list[int]]] = []
    while True:
        sizes = {word: len(held & left) for word, held in holders.items()}
        best = min(sizes, key=lambda word: (-sizes[word], word), default=None)
        if best is None or sizes[best] < 2:
            break
        members = sorted(holders[best] & left)
        themes.append((best, members))
        left -= set(members)
    if left:
        themes.append((None, sorted(left)))
    return themes
