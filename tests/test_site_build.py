"""Whole builds through MkDocs: escaping, privacy, determinism, failures and the command."""

from __future__ import annotations

import dataclasses
import gzip
import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from typer.testing import CliRunner

import site_builder.cli  # noqa: F401 - registers the commands
from site_builder.cli.app import app
from site_builder.pipeline.clock import ENV_TODAY
from site_builder.site.pages import person
from tests.site_support import (
    HOSTILE_NAME,
    PRIVATE_VALUES,
    TODAY,
    build,
    built_files,
    hostile_files,
    project,
    unset_until_teardown,
    write_files,
)

MARKUP = (
    "<script>alert",
    "<img src=x",
    "<svg onload",
    "<iframe src=javascript",
    "<marquee",
    "<style>body",
    "<b>bold</b>",
    "<i>tag</i>",
    "<u>at the</u>",
)
FETCHING_TAGS = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>")
ABSOLUTE = re.compile(r"""\b(?:src|href|data)=["']?(?:https?:)?//""")


def _external_fetches(html: str) -> list[str]:
    """Tags that make the browser fetch from another host (canonical links fetch nothing)."""
    return [
        tag
        for tag in FETCHING_TAGS.findall(html)
        if ABSOLUTE.search(tag) and 'rel="canonical"' not in tag
    ]


class Collect(logging.Handler):
    """Keeps the error records logged."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("hostile")
    data = write_files(folder / "data", hostile_files())
    return built_files(build(folder, data))


def _text(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


def test_site_has_every_page_and_file(hostile_site: dict[str, bytes]) -> None:
    for name in (
        "index.html",
        "touchpoints/index.html",
        "people/index.html",
        "people/eve/index.html",
        "circles/index.html",
        "matrix/index.html",
        "events/index.html",
        "roadmap/index.html",
        "metrics/index.html",
        "journal/index.html",
        "health/index.html",
        "touchpoints.ics",
        "robots.txt",
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "assets/netdash/netdash.js",
        "assets/netdash/netdash.css",
        "assets/netdash/plotly-basic.min.js",
    ):
        assert name in hostile_site, name
    assert _text(hostile_site, "touchpoints.ics").startswith("BEGIN:VCALENDAR")


def test_no_markup_from_the_data_survives(hostile_site: dict[str, bytes]) -> None:
    for name, content in hostile_site.items():
        if not name.endswith((".html", ".json", ".xml")):
            continue
        text = content.decode("utf-8")
        for fragment in MARKUP:
            assert fragment not in text, f"{fragment!r} in {name}"
        assert not re.search(
            r"""<[a-z][^<>]*\s(?:href|src)=["']?\s*javascript:""", text, re.IGNORECASE
        ), name


def test_markdown_and_jinja_in_the_data_show_literally(hostile_site: dict[str, bytes]) -> None:
    person = _text(hostile_site, "people/eve/index.html")
    assert (
        "<title>&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Eve - netdash</title>"
        in person
    )
    assert "{{ config }} {% raw %}" in person  # neither rendered nor dropped
    assert "[x](javascript:alert(1)) **bold** _em_ &lt;b&gt;bold&lt;/b&gt;" in person
    assert "<strong>bold</strong>" not in person and "<em>em</em>" not in person
    journal = _text(hostile_site, "journal/index.html")
    assert "{% raw %}{{ 7*7 }}{% endraw %} went fine" in journal and ">49<" not in journal


def test_the_search_index_has_one_entry_per_person_and_escapes(
    hostile_site: dict[str, bytes],
) -> None:
    index = json.loads(hostile_site["search/search_index.json"])
    people = [d for d in index["docs"] if re.fullmatch(r"people/[a-z0-9-]+/", d["location"])]
    locations = [d["location"] for d in people]
    assert sorted(locations) == ["people/ada/", "people/bob/", "people/eve/"]
    eve = next(d for d in people if d["location"] == "people/eve/")
    assert eve["title"] == "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Eve"
    assert "Timeline" not in json.dumps(people)


def test_nothing_is_loaded_from_another_host(hostile_site: dict[str, bytes]) -> None:
    for name, content in hostile_site.items():
        if name.endswith(".html"):
            text = content.decode("utf-8")
            assert _external_fetches(text) == [], name
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, name
    script = _text(hostile_site, "assets/netdash/netdash.js")
    assert 'new URL("plotly-basic.min.js", here)' in script


def test_only_pages_with_charts_name_plotly_once(hostile_site: dict[str, bytes]) -> None:
    preload = '<link rel="preload" href="../assets/netdash/plotly-basic.min.js" as="script">'
    with_charts = []
    for name, content in hostile_site.items():
        if name.endswith(".html"):
            text = content.decode("utf-8")
            if 'class="nd-chart"' in text:
                with_charts.append(name)
                wanted = preload.replace("../", "") if "/" not in name else preload
                assert text.count("plotly") == 1 and wanted in text.split("</head>")[0], name
            else:
                assert "plotly" not in text, name  # netdash.js loads it where charts are
    assert "index.html" in with_charts and "metrics/index.html" in with_charts


def test_pages_ask_search_engines_to_stay_out(hostile_site: dict[str, bytes]) -> None:
    assert '<meta name="robots" content="noindex, nofollow">' in _text(hostile_site, "index.html")
    assert _text(hostile_site, "robots.txt") == "User-agent: *\nDisallow: /\n"


def test_data_is_not_copied_and_urls_carry_only_ids(hostile_site: dict[str, bytes]) -> None:
    assert not [name for name in hostile_site if name.endswith((".yml", ".yaml"))]
    sitemap = _text(hostile_site, "sitemap.xml")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert any(loc.endswith("people/eve/") for loc in locations)
    assert "Eve" not in sitemap and "Lovelace" not in sitemap


def test_private_details_reach_no_file_by_default(hostile_site: dict[str, bytes]) -> None:
    sitemap = gzip.decompress(hostile_site["sitemap.xml.gz"])
    for name, content in [*hostile_site.items(), ("sitemap.xml.gz (unzipped)", sitemap)]:
        for value in PRIVATE_VALUES:
            assert value.encode() not in content, f"{value!r} in {name}"


def test_published_private_details_stay_out_of_the_search_index(tmp_path: Path) -> None:
    files = hostile_files()
    files["settings.yml"] += "publish: {private_details: true}\n"
    site = built_files(build(tmp_path, write_files(tmp_path / "data", files)))
    page = site["people/ada/index.html"].decode()
    for value in PRIVATE_VALUES:
        assert value in page, value
        assert value.encode() not in site["search/search_index.json"], value
        assert value.encode() not in site["sitemap.xml"], value


def test_same_data_and_day_give_identical_files(tmp_path: Path) -> None:
    sites = []
    for name in ("one", "two"):
        folder = tmp_path / name
        sites.append(built_files(build(folder, write_files(folder / "data", hostile_files()))))
    assert sites[0].keys() == sites[1].keys()
    different = [name for name in sites[0] if sites[0][name] != sites[1][name]]
    assert different == []
    assert f"<lastmod>{TODAY.isoformat()}</lastmod>" in sites[0]["sitemap.xml"].decode()


def test_sitemap_gzip_is_dated_by_the_report_not_the_clock(hostile_site: dict[str, bytes]) -> None:
    gz = hostile_site["sitemap.xml.gz"]
    mtime = int.from_bytes(gz[4:8], "little")
    assert mtime == int(
        __import__("datetime")
        .datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=__import__("datetime").UTC)
        .timestamp()
    )


def test_a_data_error_fails_the_build_once_with_every_place(tmp_path: Path) -> None:
    data = write_files(
        tmp_path / "data",
        {
            "settings.yml": "owner: Me\n",
            "contacts/ada.yml": "name: Ada\ncircle: innner\n",
            "contacts/bob.yml": "name: Bob\ncircle: outer\ncompnay: X\n",
        },
    )
    handler = Collect()
    logger = logging.getLogger("mkdocs")  # its own handler: `netdash build` stops propagation
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            build(tmp_path, data)
    finally:
        logger.removeHandler(handler)
    errors = handler.records
    assert len(errors) == 1
    message = errors[0].getMessage()
    assert "has 2 errors;" in message
    assert re.search(r"contacts/ada\.yml:2:\d+: error: .*innner", message)
    assert re.search(r"contacts/bob\.yml:3:1: error: .*compnay", message)


def test_netdash_build_pins_the_day_and_reports_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unset_until_teardown(monkeypatch, ENV_TODAY)
    data = write_files(tmp_path / "data", hostile_files())
    config = project(tmp_path, data)
    text = config.read_text().replace(f"today: '{TODAY.isoformat()}'", "")
    config.write_text(text.replace(f"today: {TODAY.isoformat()}", ""))
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "build",
            "--today",
            "2026-11-24",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(tmp_path / "s"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "<lastmod>2026-11-24</lastmod>" in (tmp_path / "s" / "sitemap.xml").read_text()
    (data / "contacts" / "ada.yml").write_text("name: Ada\n")
    result = runner.invoke(
        app, ["build", "--config-file", str(config), "--site-dir", str(tmp_path / "s")]
    )
    assert result.exit_code == 1
    assert "ada.yml:1:1: error:" in result.output and "circle" in result.output


def test_home_page_names_the_owner_escaped(hostile_site: dict[str, bytes]) -> None:
    home = _text(hostile_site, "index.html")
    assert "&lt;script&gt;alert(&quot;owner&quot;)&lt;/script&gt;&#x27;s network" in home
    assert HOSTILE_NAME not in home


def test_person_pages_render_as_material_would_without_the_shared_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hostile_site: dict[str, bytes]
) -> None:
    """The person template renders the parts all person pages share once (sidebars,
    header with each page's own title put in, footer, configuration, scripts); with
    Material's own main.html, the pages must be the very same."""
    render = person.render
    monkeypatch.setattr(
        person, "render", lambda site, who: dataclasses.replace(render(site, who), template=None)
    )
    plain = built_files(build(tmp_path, write_files(tmp_path / "data", hostile_files())))
    pages = [name for name in plain if re.fullmatch(r"people/[a-z0-9-]+/index\.html", name)]
    assert len(pages) == 3
    assert all(plain[name] == hostile_site[name] for name in pages)


def test_a_hand_written_page_at_a_generated_path_becomes_its_intro(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "touchpoints.md").write_text("Call **Mum** on Sundays.\n")
    site = build(tmp_path, write_files(tmp_path / "data", hostile_files()))
    page = (site / "touchpoints" / "index.html").read_text()
    assert "Call <strong>Mum</strong> on Sundays." in page  # the owner's own Markdown
    assert page.index("Mum") < page.index("Calendar feed")


def test_the_calendar_feed_is_what_icalendar_itself_writes() -> None:
    """`ics.to_ical` writes the lines of many events once; it must give icalendar's own
    bytes, folding included (long lines, multi-byte characters at the fold)."""
    import datetime as dt

    from site_builder.interop import ics

    entries = [
        ics.Entry(
            f"touchpoint-p{n}@netdash",
            dt.date(2026, 11, 23 + n % 3),
            f"Touch base: Zoë Łukasiewicz-Ñúñez {n} " + "é" * (n % 40),
            "outer circle, every 365 days\nDue: 2026-06-20 (155 days overdue)\n"
            + "Notes: "
            + "naïve café; " * (n % 9),
        )
        for n in range(60)
    ]
    feed = ics.component("Zoë Owner", dt.date(2026, 11, 23), entries)
    assert ics.to_ical(feed) == feed.to_ical()
    assert ics.feed("Zoë Owner", dt.date(2026, 11, 23), entries) == feed.to_ical()


def test_builds_leave_the_garbage_collector_as_they_found_it(tmp_path: Path) -> None:
    """The plugin freezes what a build made while MkDocs renders; frozen objects must not
    outlive the build, failed or not."""
    import gc

    build(tmp_path / "ok", write_files(tmp_path / "ok" / "data", hostile_files()))
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    bad = write_files(
        tmp_path / "bad" / "data",
        {"settings.yml": "owner: Me\n", "contacts/ada.yml": "name: Ada\n"},
    )
    with pytest.raises(Abort):
        build(tmp_path / "bad", bad)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


class Debug(logging.Handler):
    """Keeps the plugin's debug messages."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _frame_messages(folder: Path, data: Path, **config: Any) -> list[str]:
    handler, logger = Debug(), logging.getLogger("mkdocs.plugins.netdash")
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        build(folder, data, **config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [m for m in handler.messages if "frame" in m]


def test_person_pages_are_filled_in_one_frame(tmp_path: Path) -> None:
    """Of three person pages, the first makes the frame, the second checks it (rendered in
    full), the third is filled in; the pages equal Material's own (test above)."""
    data = write_files(tmp_path / "data", hostile_files())
    assert _frame_messages(tmp_path, data) == [
        "netdash: the person pages' frame was used; 1 pages filled in"
    ]


def test_the_frame_is_refused_when_the_theme_shows_more_of_a_page(tmp_path: Path) -> None:
    """A theme override that shows the page's address in its content: the second person
    page does not come out of the frame as rendered, so every page is rendered in full."""
    from mkdocs.utils.yaml import yaml_load

    from tests.site_support import REPO

    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "comments.html").write_text('<p class="here">{{ page.url }}</p>\n')
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as stream:
        theme = {**yaml_load(stream)["theme"], "custom_dir": str(tmp_path / "overrides")}
    data = write_files(tmp_path / "data", hostile_files())
    messages = _frame_messages(tmp_path, data, theme=theme)
    assert messages == ["netdash: the person pages' frame was refused; 0 pages filled in"]
    for who in ("ada", "bob", "eve"):
        page = (tmp_path / "site" / "people" / who / "index.html").read_text()
        assert f'<p class="here">people/{who}/</p>' in page
