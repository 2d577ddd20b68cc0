"""Read the body of an issue submitted through a GitHub issue form.

GitHub renders a form as Markdown: each field becomes a `### Label` heading followed by
the answer, `_No response_` when left empty, and `- [X] option` lines for checkboxes.
The body is whatever the submitter typed, so it is read as data: only headings that are
labels of the form split it, and a label that appears twice is refused rather than
guessed at (a text field could otherwise smuggle in a second `### Date`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*#*[ \t]*$")
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.*?)\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n(.*)\n\1\s*$", re.DOTALL)


class FormError(ValueError):
    """The body is not a rendering of the expected form."""


@dataclass(frozen=True)
class FormAnswers:
    """The answer under each label: stripped text, or None when left empty."""

    answers: dict[str, str | None]

    def text(self, label: str) -> str | None:
        """The answer to `label`; None when empty, `_No response_` or missing."""
        return self.answers.get(label)

    def checked(self, label: str) -> list[str]:
        """The ticked options of a checkboxes field, in form order."""
        value = self.answers.get(label) or ""
        ticked = []
        for line in value.splitlines():
            match = _CHECKBOX.match(line)
            if match and match.group(1) in "xX":
                ticked.append(match.group(2))
        return ticked


def normalise(body: str) -> str:
    """Unix newlines, no byte-order mark, no NUL or other control characters but tab."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return "".join(ch for ch in body if ch in "\n\t" or (ch >= " " and ch != "\x7f"))


def _clean(value: str) -> str | None:
    value = value.strip("\n").rstrip()
    fenced = _FENCE.match(value.strip())
    if fenced:  # a textarea with `render:` comes back inside a code fence
        value = fenced.group(2)
    value = value.strip()
    return None if value in ("", NO_RESPONSE) else value


def parse_form(body: str, labels: Sequence[str]) -> FormAnswers:
    """Split `body` at the `### <label>` headings of `labels`.

    Raises FormError when none of the labels is there (not a form of this kind) or when a
    label heading appears more than once.
    """
    wanted = {label.casefold(): label for label in labels}
    answers: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in normalise(body).split("\n"):
        match = _HEADING.match(line)
        label = wanted.get(match.group(1).casefold()) if match else None
        if label is None:
            if current is not None:
                current.append(line)
            continue
        if label in answers:
            raise FormError(
                f"the heading `### {label}` appears more than once; "
                "keep it out of the text you type into the fields"
            )
        current = answers[label] = []
    if not answers:
        raise FormError("this issue was not written with the form: none of its headings is there")
    return FormAnswers({label: _clean("\n".join(lines)) for label, lines in answers.items()})
