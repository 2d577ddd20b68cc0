"""The page renderers, without MkDocs: what each page says, and that data is escaped."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.site.context import GeneratedPage, Site, person_uri
from site_builder.site.generate import generate
from site_builder.site.pages import metrics, touchpoints
from tests.site_support import (
    HOSTILE_NAME,
    HOSTILE_TEXTS,
    PRIVATE_VALUES,
    TODAY,
    hostile_files,
    write_files,
)
from tests.site_support import cells as _cells
from tests.site_support import page_text as _page
from tests.site_support import page_texts as _texts


def _site(tmp_path: Path, *, private: bool = False, changes: dict[str, str] | None = None) -> Site:
    files = hostile_files()
    if private:
        files["settings.yml"] += "publish: {private_details: true}\n"
    files.update(changes or {})
    result = load(write_files(tmp_path / "data", files))
    assert result.ok, result.problems
    return Site(result.dataset, compute(result.dataset, TODAY), tuple(result.problems))


@pytest.fixture
def pages(tmp_path: Path) -> list[GeneratedPage]:
    return generate(_site(tmp_path))


def test_every_page_is_made(pages: list[GeneratedPage]) -> None:
    uris = {page.src_uri for page in pages}
    assert {
        "index.md",
        "touchpoints.md",
        "people/index.md",
        "circles.md",
        "matrix.md",
        "events.md",
        "roadmap.md",
        "metrics.md",
        "journal.md",
        "health.md",
        "intros.md",
        "review.md",
        "review/2026-q3.md",
    } <= uris
    assert {person_uri(c) for c in ("ada", "eve", "bob")} <= uris
    assert all(
        not p.in_nav
        for p in pages
        if p.src_uri.startswith("people/") and p.src_uri != "people/index.md"
    )
    assert not next(p for p in pages if p.src_uri == "review/2026-q3.md").in_nav


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_never_reaches_a_page_unescaped(pages: list[GeneratedPage], text: str) -> None:
    markup = [
        t for t in (text, "<script", "<img", "<svg", "<iframe", "<marquee", "<style") if "<" in t
    ]
    for where, content in _texts(pages):
        ours = content.replace('<svg class="nd-spark" ', "")  # a person's strength line
        for fragment in markup:
            assert fragment not in ours, f"{fragment!r} unescaped in {where}"


def test_hostile_text_is_shown_escaped(pages: list[GeneratedPage]) -> None:
    person = _page(pages, person_uri("eve"))
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Eve" in person
    assert "{{ config }} {% raw %}" in person
    assert "[x](javascript:alert(1)) **bold** _em_ &lt;b&gt;bold&lt;/b&gt;" in person
    assert 'href="javascript' not in person.lower()


def test_data_reaches_markdown_only_inside_raw_html_blocks(pages: list[GeneratedPage]) -> None:
    """Markdown would turn `**x**` or `[x](y)` into markup; every data-bearing line must sit
    in an HTML block, which starts with a tag."""
    for page in pages:
        for line in page.markdown.splitlines():
            if "javascript" in line or "**bold**" in line or "{{" in line:
                assert line.startswith("<"), f"{page.src_uri}: {line[:80]}"


def test_person_page_has_profile_timeline_and_scores(pages: list[GeneratedPage]) -> None:
    page = next(p for p in pages if p.src_uri == person_uri("ada"))
    assert page.title == "Ada Lovelace" and page.markdown == "" and page.html
    body = _page(pages, person_uri("ada"))
    for text in (
        "Next touchpoint",
        "Relationship strength",
        "Give and take",
        "Profile",
        "Timeline",
        "Asked about engines",
        "(scheduled)",
        "board: mentor",
        "how it is scored",
        "Trust",
    ):
        assert text in body, text


def test_only_the_summary_of_a_person_is_indexed(pages: list[GeneratedPage]) -> None:
    page = next(p for p in pages if p.src_uri == person_uri("ada"))
    assert page.html is not None
    assert "Timeline" not in page.html and "Asked about engines" not in page.html
    assert all(
        produce().startswith("<div data-search-exclude>") for produce in page.deferred.values()
    )


def test_private_details_are_absent_by_default(pages: list[GeneratedPage]) -> None:
    for where, content in _texts(pages):
        for value in PRIVATE_VALUES:
            assert value not in content, f"{value!r} in {where}"
    person = _page(pages, person_uri("ada"))
    assert "30 November" in person and "1985" not in person  # a birth year is private


def test_private_details_are_published_on_request_outside_the_index(tmp_path: Path) -> None:
    pages = generate(_site(tmp_path, private=True))
    page = next(p for p in pages if p.src_uri == person_uri("ada"))
    body = _page(pages, person_uri("ada"))
    for value in PRIVATE_VALUES:
        assert value in body, value
        assert value not in (page.html or ""), f"{value!r} in the indexed part"
    assert "30 November 1985" in body


def test_touchpoints_lists_overdue_first(pages: list[GeneratedPage]) -> None:
    text = _page(pages, "touchpoints.md")
    overdue = text.split("## Overdue", 1)[1].split("## ", 1)[0]
    assert "people/eve/" in overdue  # inner circle, last touched in May
    assert "people/bob/" not in text  # archived: no touchpoint
    assert "touchpoints.ics" in text


def test_people_directory_filters_and_sorts(pages: list[GeneratedPage]) -> None:
    text = _cells(_page(pages, "people/index.md"))
    assert 'data-filters="nd-people"' in text and '<table id="nd-people" data-sortable>' in text
    assert '<option value="&lt;i&gt;tag&lt;/i&gt;">&lt;i&gt;tag&lt;/i&gt;</option>' in text
    assert 'data-circle="inner"' in text
    assert "Archived (1)" in text and "Bob Archived" in text


def test_charts_are_only_where_expected(pages: list[GeneratedPage]) -> None:
    with_charts = {p.src_uri for p in pages if "data-chart=" in p.markdown}
    assert with_charts == {
        "index.md",
        "touchpoints.md",
        "circles.md",
        "matrix.md",
        "roadmap.md",
        "metrics.md",
        "review.md",
    }


def test_data_health_lists_warnings_and_missing_fields(tmp_path: Path) -> None:
    twin = f"name: {json.dumps(HOSTILE_NAME)}\ncircle: outer\n"
    site = _site(tmp_path, changes={"contacts/eve-two.yml": twin})
    text = _page(generate(site), "health.md")
    assert "Missing CRM fields" in text and "how they can help me" in text
    section = text.split("## Likely duplicate people", 1)[1].split("## ", 1)[0]
    assert "data/contacts/eve-two.yml:1:1" in section and "likely the same person" in section
    warnings = text.split("## Warnings", 1)[1].split("## ", 1)[0]
    assert "None: the data is clean." in warnings


def test_data_health_shows_the_report_freshness(tmp_path: Path) -> None:
    site = _site(tmp_path)
    text = _page(generate(site), "health.md").split("## Stale data", 1)[1]
    assert "The log looks stale" in text  # last logged on 1 October, 53 days before today
    assert "from 2026-10-01, 53 days ago" in text
    fresh = replace(site.report.freshness, stale=False)
    current = _page(
        generate(replace(site, report=replace(site.report, freshness=fresh))), "health.md"
    )
    assert "The log is current" in current and "53 days ago" in current


def test_matrix_and_burnup_come_from_the_report(pages: list[GeneratedPage]) -> None:
    matrix = _page(pages, "matrix.md")
    assert "scores (1 to 5)" in matrix and "Scores of 4 or 5 are high." in matrix
    assert '"range":[0.5,5.5]' in matrix and '"x0":3.5' in matrix
    roadmap = _page(pages, "roadmap.md")
    assert roadmap.count("Burn-up of New contacts") == 1
    assert '"x":["2026-01-01","2026-07-01","2027-01-01"],"y":[0.0,3.0,3.0]' in roadmap


def test_touchpoints_lists_on_track_people_of_the_coming_weeks_only(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        changes={  # due in 17 days and in a year
            "contacts/cy.yml": "name: Cy\ncircle: inner\nmet: {on: 2026-11-10}\n",
            "contacts/dee.yml": "name: Dee\ncircle: outer\nmet: {on: 2026-11-10}\n",
        },
    )
    text = _page(generate(site), "touchpoints.md")
    on_track = text.split("## On track", 1)[1].split("## ", 1)[0]
    ok = [p for p in site.report.touchpoints if p.status == "ok"]
    soon = [p for p in ok if p.due and (p.due - TODAY).days <= touchpoints.ON_TRACK_DAYS]
    later = [p for p in ok if p not in soon]
    assert soon and later
    for point in soon:
        assert f"people/{point.contact}/" in on_track, point.contact
    for point in later:
        assert f"people/{point.contact}/" not in on_track, point.contact
    assert f"{len(later):,} more due later" in on_track and "people/" in on_track


def test_touchpoints_lists_key_dates_of_the_coming_months_only(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        changes={  # in 7 days (Ada's birthday) and in about 8 months
            "contacts/cy.yml": "name: Cy\ncircle: inner\ndates: {birthday: 07-04}\n",
        },
    )
    text = _page(generate(site), "touchpoints.md")
    dates = text.split("## Birthdays and anniversaries", 1)[1].split("## ", 1)[0]
    near = [d for d in site.report.key_dates if d.days_until <= touchpoints.KEY_DATE_DAYS]
    far = [d for d in site.report.key_dates if d not in near]
    assert near and far
    for key in near:
        assert f'datetime="{key.date.isoformat()}"' in dates
    for key in far:
        assert f'datetime="{key.date.isoformat()}"' not in dates


def test_diversity_is_a_table_of_the_largest_groups(tmp_path: Path) -> None:
    contacts = {
        f"contacts/p{i}.yml": f"name: P{i}\ncircle: outer\nindustry: Industry {i}\n"
        for i in range(14)
    }
    site = _site(tmp_path, changes=contacts)
    text = _page(generate(site), "metrics.md")
    industries = text.split('id="__tabbed_diversity_1"', 1)[1].split("</table>", 1)[0]
    industry = next(d for d in site.report.diversity if d.dimension == "industry")
    shown = industry.counts[: metrics.DIVERSITY_TOP]
    assert len(industry.counts) > metrics.DIVERSITY_TOP
    for name, count in shown:
        cells = f'{html.escape(name, quote=False)}</td><td data-label="Contacts">{count}</td>'
        assert f'<td data-label="Industry">{cells}' in industries, name
    others = len(industry.counts) - metrics.DIVERSITY_TOP
    assert f'<td data-label="Industry">{others} others</td>' in industries
    assert 'class="nd-bar"' in industries and "nd-chart" not in industries


def test_metrics_shows_where_it_pays_off(tmp_path: Path) -> None:
    guild = "<b>Guild</b> & Friends"
    changes = {
        "communities.yml": (
            "- {id: guild, name: Guild, kind: online, joined: 2026-01-01}\n"
            f"- {{id: friends, name: {json.dumps(guild)}, kind: online, joined: 2026-01-01}}\n"
        ),
        "interactions/extra.yml": """\
        - {date: 2026-06-01, with: [ada], kind: email, initiated: me, template: check_in,
            replied_on: 2026-06-04, community: friends, outcomes: [job_lead]}
        - {date: 2026-06-02, with: [ada], kind: email, initiated: me, reply: no_reply}
        """,
    }
    text = _page(generate(_site(tmp_path, changes=changes)), "metrics.md")
    section = text.split("## Where it pays off", 1)[1].split("## Month by month", 1)[0]
    section = _cells(section)
    # Outcomes: the hostile coffee's referral and this email's job lead; meetings: the
    # coffee (with an outcome) and the call of 2026-10-01 (none): 1 of 2.
    assert "<td>job lead</td><td>1</td><td>1</td>" in section
    assert '<span class="nd-kpi__value">50%</span>' in section
    # Ada: the coffee's referral and the email's job lead; Eve: the coffee's referral.
    assert "<td>community</td><td>&lt;b&gt;Guild&lt;/b&gt; &amp; Friends</td><td>1</td>" in section
    # The coffee had `reply: replied`; the two emails: one answered after 3 days, one not.
    assert (
        "<td>email</td><td>2</td><td>1</td><td>1</td><td>0</td><td>50%</td><td>3.0</td>" in section
    )
    assert (
        "<td>check in</td><td>1</td><td>1</td><td>0</td><td>0</td><td>100%</td><td>3.0</td>"
        in section
    )
    assert "<td>no template</td><td>2</td><td>1</td><td>1</td>" in section
    assert section.count('class="nd-chart"') == 2


def test_introductions_page_pairs_introducers_and_made(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        changes={
            # not met yet, seen at the meetup where eve was met: eve could introduce them
            "contacts/cy.yml": "name: Cy Prospect\ncircle: outer\nmet: {event: meetup-1}\n",
            "interactions/2027.yml": "- {date: 2026-11-10, with: [ada], kind: intro, "
            "introduced: [eve]}\n",
        },
    )
    made = generate(site)
    page = _cells(_page(made, "intros.md"))
    eve = escape(HOSTILE_NAME)
    assert "<td>both care about **interest**</td>" not in page  # the pair was introduced
    assert "Nobody you have not met yet" not in page
    assert f'<a href="../people/cy/">Cy Prospect</a>: <a href="../people/eve/">{eve}</a>' in page
    assert "(met at &lt;svg onload=alert(3)&gt; Meetup)" in page
    assert '<td><a href="../people/ada/">Ada Lovelace</a></td><td><a href="../people/eve/">' in page
    assert '<time datetime="2026-11-24">2026-11-24</time>' in page  # follow up on day + 14
    ada = _page(made, person_uri("ada"))
    assert "<h2>Introductions</h2>" in ada and "follow up with both on 2026-11-24" in ada


def test_a_pair_is_on_the_page_and_on_both_peoples_pages(pages: list[GeneratedPage]) -> None:
    page = _cells(_page(pages, "intros.md"))
    eve = escape(HOSTILE_NAME)
    assert (  # by name: "<" sorts before "A"
        f'<tr><td><a href="../people/eve/">{eve}</a></td><td><a href="../people/ada/">'
        "Ada Lovelace</a></td><td>2</td><td>both care about **interest**</td></tr>"
    ) in page
    assert "No introduction made yet" in page
    assert "both care about **interest**" in _page(pages, person_uri("eve"))
    assert f'<a href="../eve/">{eve}</a>' in _page(pages, person_uri("ada"))


def test_review_page_of_the_current_quarter(pages: list[GeneratedPage]) -> None:
    text = _cells(_page(pages, "review.md"))
    assert "# Review 2026 Q4" in text and "2026-10-01 to 2026-12-31" in text
    deepen = text.split("## Deepen", 1)[1].split("## ", 1)[0]
    # Eve (inner): 192 days since 15 May, dormant: 0.3 x 1/12.17 -> 2; Ada (board mentor):
    # 53 days since 1 October of 180, 0.7056; 2 touches / 4.06 = 0.4932; she started none.
    # 100 x (0.3528 + 0.1479) = 50.07 -> 50.
    assert deepen.index("&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt; Eve") < deepen.index(
        "Ada Lovelace"
    )
    assert (
        "<td>2</td><td>inner circle</td>" in deepen and "<td>50</td><td>board mentor</td>" in deepen
    )
    board = text.split("## Board gaps", 1)[1].split("## ", 1)[0]
    assert "**sponsor**, **coach**, **connector**, **peer**" in board
    notes = text.split("## To improve, by theme", 1)[1].split("## ", 1)[0]
    assert "&lt;script&gt;alert(9)&lt;/script&gt; follow up [now](javascript:alert(9))" in notes
    assert "None recorded yet" in text and 'href="2026-q3/"' in text
    assert "data-chart=" in text


def test_review_page_of_a_past_quarter(pages: list[GeneratedPage]) -> None:
    text = _cells(_page(pages, "review/2026-q3.md"))
    assert "# Review 2026 Q3" in text and "## Prune?" not in text and "data-chart" not in text
    decisions = text.split("## Decisions", 1)[1]
    assert "Recorded in `reviews.yml` on 2026-10-02" in decisions
    assert "&lt;img src=x onerror=alert(8)&gt; keep **her** {{ 6*7 }}" in decisions
    assert "<td>keep</td>" in decisions and 'href="../../people/eve/"' in decisions


def test_people_show_the_change_over_90_days(pages: list[GeneratedPage]) -> None:
    text = _cells(_page(pages, "people/index.md"))
    assert "<th>90-day change</th>" in text
    # Ada today 50; on 25 August (90 days before) 102 days since 15 May of 180: 0.4333;
    # 1 touch / 4.06 = 0.2466; she started none: 100 x (0.2167 + 0.0740) = 29.07 -> 29.
    assert '<td data-sort="21">+21</td>' in text
    person = _page(pages, person_uri("ada"))
    assert '<svg class="nd-spark"' in person and "<dd>+21</dd>" in person
    assert "<polyline points=" in person
