"""People: the directory, sortable by any column and filtered by circle, tag or text
(`pages/people.html`; the table and the archive are `parts/people_*.html`, put in place
after MkDocs has rendered the page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.compute.report import Person
from site_builder.models import Contact
from site_builder.models.types import CIRCLES
from site_builder.site import templating
from site_builder.site.context import PEOPLE, GeneratedPage, Later, Site, person_uri
from site_builder.site.pages.common import circle_badge, person_link, touch_badge
from site_builder.site.pages.person_history import signed
from site_builder.site.views import Badge, Bar, Kpi, When, filled, number, unaccented, when

SOURCE = PEOPLE
TABLE_ID = "nd-people"
HEADERS = (
    "Name",
    "Circle",
    "Company and role",
    "Tags",
    "Last touch",
    "Next touch",
    "Strength",
    "90-day change",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One person in the directory, with the keys the filters match on."""

    name: str
    href: str
    circle: Badge
    company: str
    role: str
    tags: tuple[str, ...]
    last_touch: When | None
    status: Badge | None
    next_touch: When | None
    next_sort: str
    score: int
    bar: Bar
    change: str
    """The strength's change over 90 days, signed; empty for an archived person."""
    change_sort: int
    circle_key: str
    tag_key: str
    text_key: str


def _row(site: Site, person: Person) -> Row:
    contact = site.dataset.contacts[person.contact]
    point = person.touchpoint
    due = (point.scheduled or point.due) if point else None
    score = person.strength.score
    change = site.report.relationship_history.change_90_days.get(person.contact)
    return Row(
        person.name,
        site.href(SOURCE, person_uri(person.contact)),
        circle_badge(person.circle),
        contact.company or "",
        contact.role or "",
        tuple(contact.tags),
        when(person.last_touch, site.today),
        touch_badge(point.status) if point else None,
        when(due, site.today),
        due.isoformat() if due else "",
        score,
        filled(score / 100, "progress", f"strength {score}"),
        signed(change) if change is not None else "",
        change or 0,
        person.circle,
        "|".join(contact.tags).lower(),
        _text_key(contact),
    )


def _text_key(contact: Contact) -> str:
    """What the text filter matches: name, company and role, also without accents."""
    text = " ".join(filter(None, (contact.name, contact.company, contact.role))).lower()
    plain = unaccented(text)
    return text if plain == text else f"{text} {plain}"


def directory(site: Site, people: Sequence[Person], table_id: str) -> str:
    """The sortable table of people (kept out of the search index: each person's own page
    is indexed instead)."""
    rows = [_row(site, person) for person in people]
    return templating.render(
        "parts/people_directory.html", headers=HEADERS, rows=rows, table_id=table_id
    )


def archive_list(site: Site, archived: Sequence[Person]) -> str:
    """Archived people, linked to their pages."""
    links = [person_link(site, SOURCE, p.contact, p.name) for p in archived]
    return templating.render("parts/people_archive.html", people=links)


def _tags(site: Site) -> list[tuple[str, str]]:
    """Every tag of an active person, as the filter's (value, label) options."""
    tags = {t for c in site.dataset.contacts.values() if not c.archived for t in c.tags}
    return [(tag.lower(), tag) for tag in sorted(tags, key=str.casefold)]


def render(site: Site) -> GeneratedPage:
    """The People page."""
    active = [p for p in site.report.people if not p.archived]
    archived = [p for p in site.report.people if p.archived]
    later = Later()
    kpis = [Kpi(number(len(active)), "active people")] + [
        Kpi(number(s.count), f"{s.circle} circle", f"circle-{s.circle}")
        for s in site.report.circles
    ]
    markdown = templating.render(
        "pages/people.html",
        kpis=kpis,
        table_id=TABLE_ID,
        circles=[(circle.lower(), circle) for circle in CIRCLES],
        tags=_tags(site),
        total=f"{len(active):,}",
        directory=later(lambda: directory(site, active, TABLE_ID)),
        archived=f"{len(archived):,}" if archived else "",
        archive=later(lambda: archive_list(site, archived)) if archived else "",
    )
    return GeneratedPage(SOURCE, markdown, wide=True, deferred=later.parts)
