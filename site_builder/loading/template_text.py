"""Mistakes inside the texts of `data/templates.yml` that the schema cannot see: a
placeholder netdash does not know, a brace or a guillemet left without its pair.

Each problem points at the mistake itself (line and column inside the text), so that an
editor jumps to the misspelt `{compnay}` rather than to the start of the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from site_builder.diagnostics.problems import Problem
from site_builder.loading.messages import field_path, suggest
from site_builder.loading.positions import compose_or_none, find_index, line_column
from site_builder.models.templates import MARKER, PLACEHOLDER, PLACEHOLDERS, MessageTemplate

_CHECKED_FIELDS = ("subject", "body")


def mistakes(text: str) -> Iterator[tuple[str, str]]:
    """(the text at fault, what is wrong) for each mistake in one template text."""
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            guess = suggest(name, PLACEHOLDERS)
            hint = f" (did you mean {{{guess}}}?)" if guess else ""
            yield match.group(0), f"unknown placeholder {match.group(0)}{hint}"
    for brace in "{}":
        if brace in PLACEHOLDER.sub("", text):
            yield brace, f"a lone {brace!r}: a placeholder is written {{name}}"
    for guillemet in "‹›":
        if guillemet in MARKER.sub("", text):
            yield guillemet, f"a lone {guillemet!r}: a part to write yourself is written ‹what›"


def template_problems(
    path: Path, text: str, templates: Mapping[str, MessageTemplate]
) -> list[Problem]:
    """The mistakes of every template's subject and body, each placed where it is written."""
    found = [
        ((template_id, field), snippet, message)
        for template_id, template in templates.items()
        for field in _CHECKED_FIELDS
        for snippet, message in dict.fromkeys(mistakes(getattr(template, field) or ""))
    ]
    if not found:
        return []
    document = compose_or_none(text)
    problems = []
    for loc, snippet, message in found:
        start = find_index(document, loc)
        index = text.find(snippet, start)
        line, column = line_column(text, index if index >= 0 else start)
        problems.append(Problem(path, f"{field_path(loc)}: {message}", line=line, column=column))
    return problems
