"""People: the directory, sortable by any column and filtered by circle, tag or text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from site_builder.compute.report import Person
from site_builder.models.types import CIRCLES
from site_builder.site.context import PEOPLE, GeneratedPage, Later, Site
from site_builder.site.html import (
    EMPTY,
    Html,
    attrs,
    bar,
    block,
    esc,
    join,
    number,
    raw,
    tag,
)
from site_builder.site.pages.common import (
    circle_badge,
    kpi,
    kpis,
    page,
    person_link,
    section,
    tags,
    touch_badge,
    when,
)

SOURCE = PEOPLE
TABLE_ID = "nd-people"
HEADERS = ("Name", "Circle", "Company and role", "Tags", "Last touch", "Next touch", "Strength")


def _select(field: str, label: str, options: Iterable[str]) -> Html:
    choices = raw('<option value="">all</option>') + join(
        tag("option", esc(option), value=option.lower()) for option in options
    )
    return tag("label", esc(label) + tag("select", choices, data_filter=field))


def filters(site: Site, table_id: str, total: int) -> Html:
    """The filter form above the directory: free text, circle and tag."""
    all_tags = sorted(
        {t for c in site.dataset.contacts.values() if not c.archived for t in c.tags},
        key=str.casefold,
    )
    box = f'<input type="search" data-filter="text"{attrs(placeholder="Type to filter")}>'
    search = tag("label", esc("Name, company or role") + raw(box))
    count = raw(
        f'<p class="nd-muted nd-small"><span data-filter-count>{total:,}</span> '
        f"of {total:,} shown</p>"
    )
    return tag(
        "form",
        search + _select("circle", "Circle", CIRCLES) + _select("tag", "Tag", all_tags) + count,
        class_="nd-filters",
        data_filters=table_id,
        role="search",
    )


def _row(site: Site, person: Person) -> Html:
    contact = site.dataset.contacts[person.contact]
    point = person.touchpoint
    text = " ".join(filter(None, (contact.name, contact.company, contact.role))).lower()
    role = tag("span", esc(contact.role), class_="nd-rel nd-muted") if contact.role else EMPTY
    due = (point.scheduled or point.due) if point else None
    score = person.strength.score
    cells: list[tuple[Html, str | int | None]] = [
        (person_link(site, SOURCE, person.contact, person.name), None),
        (circle_badge(person.circle), None),
        (esc(contact.company or "") + role, None),
        (tags(contact.tags), None),
        (when(person.last_touch, site.today), None),
        (
            touch_badge(point.status) + raw(" ") + when(due, site.today) if point else EMPTY,
            due.isoformat() if due else "",
        ),
        (esc(score) + bar(score / 100, "progress", f"strength {score}"), score),
    ]
    body = "".join(f"<td{attrs(data_sort=key)}>{cell}</td>" for cell, key in cells)
    row_attrs = attrs(
        data_circle=person.circle, data_tag="|".join(contact.tags).lower(), data_text=text
    )
    return Html(f"<tr{row_attrs}>{body}</tr>")


def directory(site: Site, people: Sequence[Person], table_id: str) -> Html:
    """The sortable table of people (kept out of the search index: each person's own page
    is indexed instead)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in HEADERS)
    rows = "".join(_row(site, person) for person in people)
    return raw(
        f'<div class="md-typeset__scrollwrap nd-table" data-search-exclude>'
        f'<div class="md-typeset__table">'
        f'<table id="{table_id}" data-sortable><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div></div>"
    )


def render(site: Site) -> GeneratedPage:
    """The People page."""
    active = [p for p in site.report.people if not p.archived]
    archived = [p for p in site.report.people if p.archived]
    later = Later()
    parts = [
        kpis(
            [kpi(number(len(active)), "active people")]
            + [
                kpi(number(s.count), f"{s.circle} circle", f"circle-{s.circle}")
                for s in site.report.circles
            ]
        ),
        block(filters(site, TABLE_ID, len(active))),
        later(partial(directory, site, active, TABLE_ID)),
    ]
    if archived:
        parts.append(
            section(
                f"Archived ({len(archived):,})", "Kept for their history; they get no touchpoint."
            )
        )
        parts.append(later(partial(archive_list, site, archived)))
    return GeneratedPage(SOURCE, page("People", *parts), wide=True, deferred=later.parts)


def archive_list(site: Site, archived: Sequence[Person]) -> Html:
    """Archived people, linked to their pages."""
    names = join(tag("li", person_link(site, SOURCE, p.contact, p.name)) for p in archived)
    return tag("ul", names, class_="nd-columns")
