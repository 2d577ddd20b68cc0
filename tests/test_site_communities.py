"""The Communities page and the news on person pages, without MkDocs: what they say, and
that data stays text."""

from __future__ import annotations

import json
from pathlib import Path

from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.site.context import Site, person_uri
from site_builder.site.generate import generate
from tests.site_support import (
    HOSTILE_ACTIVITY,
    HOSTILE_COMMUNITY,
    TODAY,
    cells,
    hostile_files,
    whole_text,
    write_files,
)

HOSTILE_NEWS = "<script>alert(11)</script> joined **Acme** {{ 7*7 }}"
MALLORY = f"""
    name: Mallory Quinn
    circle: middle
    met: {{on: 2026-01-05, community: guild}}
    news:
      - {{date: 2026-11-20, kind: new_job, text: {json.dumps(HOSTILE_NEWS)}}}
      - {{date: 2025-02-01, kind: award, text: Speaker of the year}}
    """
RUNNERS = """
    - {date: 2026-10-04, with: [mallory], kind: coffee, value: social, community: runners}
    - {date: 2026-11-08, kind: volunteering, value: give, community: runners, summary: Marshal}
    - {date: 2026-09-13, kind: volunteering, value: give, community: runners, summary: Marshal}
    """


def _pages(tmp_path: Path) -> dict[str, str]:
    files = hostile_files()
    files["contacts/mallory.yml"] = MALLORY
    files["communities.yml"] = files["communities.yml"].rstrip(" ") + (
        "            - {name: Hackney Runners, id: runners, kind: non-work, joined: 2024-04-13}\n"
        "            - {name: Old Cohort, kind: learning, joined: 2025-01-01, left: 2025-03-01}\n"
    )
    files["interactions/runners.yml"] = RUNNERS
    result = load(write_files(tmp_path / "data", files))
    assert result.ok, result.problems
    site = Site(result.dataset, compute(result.dataset, TODAY))
    return {page.src_uri: whole_text(page) for page in generate(site)}


def test_the_communities_page_lists_each_community(tmp_path: Path) -> None:
    page = cells(_pages(tmp_path)["communities.md"])
    rows = page.split('<table id="nd-communities"')[1].split("</table>")[0].split("<tr>")[2:]
    # current first, by name (the hostile guild's name starts with "<"), then the one left
    assert [row.split("</a>")[0].rsplit(">", 1)[1] for row in rows] == [
        "&lt;img src=y onerror=alert(8)&gt; Guild &amp; {{ co }}",
        "Hackney Runners",
        "Old Cohort",
    ]
    runners = rows[1]
    # September, October and November: three months in a row; 3 activities; 1 person met
    assert '<td data-sort="3">3 months in a row</td><td>3</td><td>0</td>' in runners
    assert '<td data-sort="0">none</td><td>1</td><td>1</td>' in rows[0]
    assert '<h2 id="runners">Hackney Runners</h2>' in page
    assert 'with <a href="../people/mallory/">Mallory Quinn</a>' in page
    assert "<strong>volunteering</strong>" in page
    assert '<span class="nd-kpi__value">2</span><span class="nd-kpi__label">communities now' in (
        page
    )


def test_community_text_stays_text(tmp_path: Path) -> None:
    page = _pages(tmp_path)["communities.md"]
    assert "<img" not in page and "<script" not in page
    assert "&lt;script&gt;alert(9)&lt;/script&gt; **posted** [x](javascript:alert(9))" in page
    assert HOSTILE_ACTIVITY not in page and HOSTILE_COMMUNITY not in page
    assert 'href="https://example.com/?q=&#34;&gt;&lt;script&gt;' in page
    assert 'href="javascript' not in page


def test_a_person_page_shows_news_latest_first_and_the_community_met_in(tmp_path: Path) -> None:
    page = _pages(tmp_path)[person_uri("mallory")]
    news = page.split("<h2>News</h2>")[1].split("<h2>Timeline</h2>")[0]
    assert news.index("2026-11-20") < news.index("2025-02-01")
    assert "<strong>new job</strong>" in news and "<strong>award</strong>" in news
    assert "&lt;script&gt;alert(11)&lt;/script&gt; joined **Acme** {{ 7*7 }}" in news
    assert "<script>alert(11)" not in page
    assert '<a href="../../communities/#guild">&lt;img src=y onerror=alert(8)&gt;' in page
