"""The HTML helpers: escaping, safe links, the Html type, and URLs between pages."""

from __future__ import annotations

import json

import pytest

from site_builder.site.charts.figure import bar, chart, figure, label_text, layout, scatter
from site_builder.site.context import url_of
from site_builder.site.html import (
    Html,
    attrs,
    block,
    esc,
    external_link,
    raw,
    safe_url,
    table,
    tabs,
    tag,
)


def test_esc_escapes_markup_and_quotes() -> None:
    assert esc('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"


def test_esc_drops_control_characters_markdown_uses_as_placeholders() -> None:
    assert esc("a\x02wzxhzdk:0\x03b") == "awzxhzdk:0b"


def test_html_adds_only_html() -> None:
    assert isinstance(esc("a") + raw("<b>"), Html)
    with pytest.raises(TypeError):
        esc("a") + "<b>unescaped</b>"  # type: ignore[operator]  # the point of the test
    assert not isinstance("<b>unescaped</b>" + esc("a"), Html)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "ftp://x",
        "java\x00script:x",
    ],
)
def test_unsafe_urls_are_refused(url: str) -> None:
    assert safe_url(url) is None
    assert "href" not in external_link(url, "label")


def test_safe_links_are_escaped() -> None:
    link = external_link('https://example.com/?q="><script>', "<b>me</b>")
    assert link == (
        '<a href="https://example.com/?q=&quot;&gt;&lt;script&gt;" '
        'rel="noopener noreferrer nofollow">&lt;b&gt;me&lt;/b&gt;</a>'
    )


def test_attributes_are_escaped_and_named() -> None:
    assert attrs(class_="a", data_sort='"x"', hidden=True, title=None, open=False) == (
        ' class="a" data-sort="&quot;x&quot;" hidden'
    )
    assert tag("span", esc("<x>"), title="<t>") == '<span title="&lt;t&gt;">&lt;x&gt;</span>'


def test_block_has_no_blank_line_for_markdown_to_split_on() -> None:
    fragment = raw("<div>\n\n<p>a</p>\n   \n</div>")
    text = block(fragment)
    assert text.startswith("\n\n<div>") and text.endswith("</div>\n\n")
    assert "\n\n" not in text.strip("\n")


def test_table_is_styled_by_material_and_carries_attributes() -> None:
    html = table([esc("A")], [[esc("<1>")]], data_sortable=True)
    assert "<table data-sortable>" in html and "<td>&lt;1&gt;</td>" in html


def test_tabs_use_the_pymdownx_markup_with_unique_names() -> None:
    html = tabs("g", [("One", raw("1")), ("<Two>", raw("2"))])
    assert 'id="__tabbed_g_1" name="__tabbed_g" type="radio"' in html
    assert '<label for="__tabbed_g_2">&lt;Two&gt;</label>' in html
    assert html.count('class="tabbed-block"') == 2


def test_chart_json_is_attribute_safe_and_has_no_template() -> None:
    spec = figure([bar(x=["</div><script>'&"], y=[1])], layout(240))
    html = chart(spec, "a chart")
    payload = html.split("data-chart='", 1)[1].split("'", 1)[0]
    assert "<" not in payload and "'" not in payload
    unescaped = payload.replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'")
    drawn = json.loads(unescaped.replace("&amp;", "&"))
    assert drawn["data"] == [{"type": "bar", "x": ["</div><script>'&"], "y": [1]}]
    assert drawn["layout"] == layout(240) and "template" not in drawn["layout"]
    assert html.endswith(' role="img" aria-label="a chart" style="min-height:240px"></div>')


def test_chart_refuses_numbers_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match="JSON"):
        chart(figure([scatter(x=[1], y=[float("nan")])], layout()), "a chart")


def test_label_text_escapes_plotly_pseudo_html() -> None:
    assert label_text("<b>x</b> & <a href='javascript:'>") == (
        "&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href='javascript:'&gt;"
    )


@pytest.mark.parametrize(
    ("src", "directory", "url"),
    [
        ("index.md", True, ""),
        ("touchpoints.md", True, "touchpoints/"),
        ("people/index.md", True, "people/"),
        ("people/ada/index.md", True, "people/ada/"),
        ("people/ada/index.md", False, "people/ada/index.html"),
        ("touchpoints.ics", True, "touchpoints.ics"),
    ],
)
def test_urls_follow_mkdocs(src: str, directory: bool, url: str) -> None:
    assert url_of(src, directory) == url
