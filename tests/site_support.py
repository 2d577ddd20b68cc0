"""Helpers for the site tests: a small project (mkdocs.yml + data) built into a folder, and
a data set full of hostile text."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from site_builder.site.context import GeneratedPage
from site_builder.site.runner import build_site

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
SITE_URL = "https://netdash.test/"

HOSTILE_NAME = '<script>alert("name")</script> Eve'
HOSTILE_COMPANY = '"><img src=x onerror=alert(1)>'
HOSTILE_ROLE = "{{ config }} {% raw %}"
HOSTILE_HELP = "[x](javascript:alert(1)) **bold** _em_ <b>bold</b>"
HOSTILE_SUMMARY = "javascript:alert(2) <a href=javascript:alert(2)>click</a>"
HOSTILE_EVENT = "<svg onload=alert(3)> Meetup"
HOSTILE_PROMISE = "<iframe src=javascript:alert(4)></iframe> send it"
HOSTILE_JOURNAL = "{% raw %}{{ 7*7 }}{% endraw %} went fine"
HOSTILE_INDUSTRY = "<b>Bold</b> & Co"
HOSTILE_OWNER = '<script>alert("owner")</script>'
HOSTILE_LINK = 'https://example.com/?q="><script>alert(5)</script>'
HOSTILE_COMMUNITY = "<img src=y onerror=alert(8)> Guild & {{ co }}"
HOSTILE_ACTIVITY = "<script>alert(9)</script> **posted** [x](javascript:alert(9))"
HOSTILE_DECISION = "<img src=x onerror=alert(8)> keep **her** {{ 6*7 }}"
HOSTILE_IMPROVE = "<script>alert(9)</script> follow up [now](javascript:alert(9))"
HOSTILE_TEXTS = (
    HOSTILE_NAME,
    HOSTILE_COMPANY,
    HOSTILE_ROLE,
    HOSTILE_HELP,
    HOSTILE_SUMMARY,
    HOSTILE_EVENT,
    HOSTILE_PROMISE,
    HOSTILE_JOURNAL,
    HOSTILE_INDUSTRY,
    HOSTILE_COMMUNITY,
    HOSTILE_ACTIVITY,
    HOSTILE_DECISION,
    HOSTILE_IMPROVE,
)
PRIVATE_VALUES = (
    "ada.private@example.org",
    "+44 20 7946 0991",
    "Partner Charles Babbage",
    "competitive sailing",
    "Prefers mornings, secretly",
    "ada-mail@example.org",
)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON is YAML)."""
    import json

    return json.dumps(text)


def hostile_files() -> dict[str, str]:
    """A data set whose free text is full of HTML, Markdown and Jinja, plus private details."""
    q = _quote
    return {
        "settings.yml": f"owner: {q(HOSTILE_OWNER)}\nroadmap_start: 2026-01-01\n",
        "contacts/eve.yml": f"""
            name: {q(HOSTILE_NAME)}
            circle: inner
            company: {q(HOSTILE_COMPANY)}
            role: {q(HOSTILE_ROLE)}
            industry: {q(HOSTILE_INDUSTRY)}
            location: {q("[link](javascript:alert(6))")}
            influence: 5
            accessibility: 2
            tags: [{q("<i>tag</i>")}, {q("{{ tag }}")}]
            interests: [{q("**interest**")}]
            can_help_them: {q(HOSTILE_HELP)}
            can_help_me: {q("<style>body{{display:none}}</style>")}
            links: {{website: {q(HOSTILE_LINK)}}}
            met: {{on: 2026-05-14, how: {q("<u>at the</u> `meetup`")}, event: meetup-1}}
            dates: {{birthday: 1990-12-01}}
            """,
        "contacts/ada.yml": f"""
            name: Ada Lovelace
            circle: middle
            company: Analytical Engines
            industry: Software
            board_role: mentor
            influence: 4
            accessibility: 5
            interests: [{q("**interest**")}]
            trust: {{credibility: 8, reliability: 9, intimacy: 6, self_orientation: 3}}
            links: {{linkedin: "https://www.linkedin.com/in/ada", email: "mailto:{PRIVATE_VALUES[5]}"}}
            dates: {{birthday: 1985-11-30}}
            private:
              email: {PRIVATE_VALUES[0]}
              phone: "{PRIVATE_VALUES[1]}"
              family: {PRIVATE_VALUES[2]}
              hobbies: [{PRIVATE_VALUES[3]}]
              notes: {PRIVATE_VALUES[4]}
            """,
        "contacts/bob.yml": "name: Bob Archived\ncircle: outer\narchived: true\n",
        "interactions/2026.yml": f"""
            - date: 2026-05-15
              with: [eve, ada]
              kind: coffee
              value: give
              initiated: me
              reply: replied
              summary: {q(HOSTILE_SUMMARY)}
              outcomes: [referral]
              follow_ups:
                - {{do: {q(HOSTILE_PROMISE)}, due: 2026-05-20}}
            - date: 2026-10-01
              with: [ada]
              kind: call
              value: ask
              summary: Asked about engines
            - date: 2026-12-01
              with: [ada]
              kind: video
              summary: Planned catch-up
            """,
        "events.yml": f"""
            - id: meetup-1
              name: {q(HOSTILE_EVENT)}
              date: 2026-05-14
              kind: meetup
              met: [eve]
            """,
        "goals.yml": f"""
            roadmap:
              - phase: {q("**Phase** <b>one</b>")}
                months: 1-6
                targets:
                  - {{metric: new_contacts, target: 3}}
                  - {{milestone: {q("<script>alert(7)</script> milestone")}}}
            habits:
              - {{every: month, metric: interactions, target: 2}}
            """,
        "metrics.yml": "linkedin_connections:\n  - {date: 2026-01-01, value: 100}\n"
        "  - {date: 2026-06-01, value: 140}\n",
        "journal.yml": f"""
            - date: 2026-05-16
              about: {{event: meetup-1}}
              went_well: {q(HOSTILE_JOURNAL)}
              improve: {q("<marquee>be calmer</marquee>")}
              feedback_from: ada
            - date: 2026-11-02
              about: {{contact: eve}}
              improve: {q(HOSTILE_IMPROVE)}
            """,
        "reviews.yml": f"""
            - quarter: 2026Q3
              date: 2026-10-02
              decisions:
                - {{contact: eve, action: keep, note: {q(HOSTILE_DECISION)}}}
            """,
        "communities.yml": f"""
            - id: guild
              name: {q(HOSTILE_COMMUNITY)}
              kind: association
              joined: 2025-01-01
              role: committee
              url: {q(HOSTILE_LINK)}
            """,
        "interactions/community.yml": f"""
            - {{date: 2025-01-10, kind: post, community: guild, summary: {q(HOSTILE_ACTIVITY)}}}
            """,
    }


def unset_until_teardown(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Unset environment variables now, and again at teardown, so that the plugin does
    not fall back on a NETDASH_TODAY or NETDASH_DATA of the caller's environment.
    Setting first makes monkeypatch remember that each was unset."""
    for name in names:
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write `relative path -> text` (dedented) under `root`; returns `root`."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def project(folder: Path, data: Path, *, today: dt.date = TODAY, **config: Any) -> Path:
    """A MkDocs project in `folder` with the repository's mkdocs.yml (nav left out, so a
    test needs no guide pages), building from `data` for `today`; returns mkdocs.yml."""
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as stream:
        settings = yaml_load(stream)
    settings.pop("nav", None)
    settings["site_url"] = SITE_URL
    settings["docs_dir"] = "docs"
    settings["site_dir"] = "site"
    settings["plugins"] = [
        "search",
        {"netdash": {"data_dir": str(data), "today": today.isoformat()}},
    ]
    settings.update(config)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def build(folder: Path, data: Path, *, today: dt.date = TODAY, **config: Any) -> Path:
    """Build a project from `data` into `folder/site`; returns the site folder."""
    config_file = project(folder, data, today=today, **config)
    build_site(config_file, strict=True)
    return folder / "site"


def built_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by relative path."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def whole_text(page: GeneratedPage) -> str:
    """A generated page as it is served: its HTML (or Markdown) with the deferred parts in."""
    text = page.html or page.markdown
    for marker, produce in page.deferred.items():
        text = text.replace(marker, produce())
    return text


def page_text(pages: Sequence[GeneratedPage], src_uri: str) -> str:
    """The whole text of the page at `src_uri`."""
    return whole_text(next(p for p in pages if p.src_uri == src_uri))


def page_texts(pages: Sequence[GeneratedPage]) -> Iterator[tuple[str, str]]:
    """Every piece of every page: Markdown, HTML and the deferred parts."""
    for page in pages:
        yield page.src_uri, page.markdown
        if page.html is not None:
            yield page.src_uri, page.html
        for marker, produce in page.deferred.items():
            yield f"{page.src_uri} {marker}", produce()


def cells(html: str) -> str:
    """A page's table cells without their column names (`data-label`, for phones)."""
    return re.sub(r' data-label="[^"]*"', "", html)
