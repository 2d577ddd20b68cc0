"""One page per person: profile, CRM fields, how we can help each other, the timeline,
the next touchpoint and the strength score.

Kept cheap, since there is one per contact. Only the top of the page (name, headline,
badges, tags and the "how we can help" notes, `pages/person.html`) goes into the search
index, as one entry; the rest (`pages/person_body.html`) is put in place after MkDocs has
rendered the page (`Later`). Private details appear only when `publish.private_details`
is on, and then outside the search index. The values each template lays out are built
in `person_views`.
"""

from __future__ import annotations

from site_builder.compute.report import Person
from site_builder.site import templating
from site_builder.site.context import GeneratedPage, Later, Site, person_uri
from site_builder.site.pages import person_views


def body(site: Site, person: Person) -> str:
    """The rest of the page: cards, profile, private details (when published) and the
    timeline; kept out of the search index. Under `netdash serve`, the last build's
    when it was laid out from the same values (`Site.kept`)."""
    view = person_views.body(site, person)
    kept = site.kept.bodies if site.kept is not None else None
    if kept is not None:
        last = kept.get(person.contact)
        if last is not None and last[0] == view:
            return last[1]
    html = templating.render("pages/person_body.html", page=view)
    if kept is not None:
        kept[person.contact] = (view, html)
    return html


def render(site: Site, person: Person) -> GeneratedPage:
    """The page of one person."""
    contact = site.dataset.contacts[person.contact]
    title = templating.title_html(contact.name)
    later = Later()
    html = templating.render(
        "pages/person.html",
        title=title,
        page=person_views.summary(contact, person),
        body=later(lambda: body(site, person)),
    )
    return GeneratedPage(
        person_uri(person.contact),
        "",
        title=str(title),
        in_nav=False,
        wide=True,
        deferred=later.parts,
        html=html,
        template="netdash/person.html",
    )
