"""Introductions as `netdash intros` prints them: tables, or JSON."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from site_builder.compute.jsonify import JsonValue, to_jsonable
from site_builder.compute.report import IntroducersFor, Introduction, IntroSuggestion, Report

VIA_WORDS = {"event": "both at", "company": "both at", "community": "both in"}


@dataclass(frozen=True)
class IntrosView:
    """What `netdash intros` shows: everyone's, or one person's (`contact`)."""

    contact: str | None
    name: str | None
    suggestions: tuple[IntroSuggestion, ...]
    made: tuple[Introduction, ...]
    introducers: tuple[IntroducersFor, ...]


def intros_view(
    report: Report, contact: str | None = None, *, introducers: IntroducersFor | None = None
) -> IntrosView:
    """Every suggestion and who could introduce you to the people not met yet; or, for one
    contact, their suggestions, the introductions they were part of, and `introducers`."""
    intros = report.introductions
    if contact is None:
        return IntrosView(None, None, intros.suggestions, (), intros.introducers)
    person = report.person(contact)
    shown = (introducers,) if introducers is not None and introducers.introducers else ()
    return IntrosView(
        contact,
        person.name if person else contact,
        intros.suggested_for(contact),
        intros.made_for(contact),
        shown,
    )


def intros_json(view: IntrosView) -> JsonValue:
    """The view as plain JSON data."""
    return to_jsonable(view)


def print_intros(console: Console, view: IntrosView, names: dict[str, str]) -> None:
    """Suggested pairs, introductions made (for one person), and who could introduce you."""
    whose = f" for {escape(view.name)}" if view.name else ""
    if view.suggestions:
        table = Table(title=f"Introductions to suggest{whose}", title_justify="left")
        for column in ("Pair", "Points", "Why"):
            table.add_column(column)
        for pair in view.suggestions:
            table.add_row(
                escape(f"{pair.first_name} and {pair.second_name}"),
                str(pair.score),
                escape("; ".join(pair.reasons)),
            )
        console.print(table)
    else:
        console.print(f"No introduction to suggest{whose}.")
    if view.contact is not None:
        for made in view.made:
            first, second = names.get(made.first, made.first), names.get(made.second, made.second)
            console.print(escape(f"Introduced {first} to {second} on {made.date.isoformat()}"))
    for found in view.introducers:
        people = "; ".join(f"{i.name} ({VIA_WORDS[i.via]} {i.where})" for i in found.introducers)
        console.print(escape(f"Who could introduce you to {found.name}: {people}"))
