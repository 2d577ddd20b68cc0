"""The HTML of the pages: escaping, the template environment, the macros, safe links,
charts, and URLs between pages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from jinja2 import StrictUndefined, UndefinedError
from markupsafe import Markup

from site_builder.site.charts.figure import bar, chart, figure, label_text, layout, scatter
from site_builder.site.context import url_of
from site_builder.site.templating import environment, macro, markdown_block, title_html
from site_builder.site.views import Badge, external, safe_url

MACROS = "macros/common.html"


def external_link(url: str, label: str) -> str:
    return str(macro(MACROS, "external")(external(url, label)))


def _render(source: str, **values: Any) -> str:
    """A snippet rendered in the page bodies' environment, with the macros as `m`."""
    imports = f'{{% import "{MACROS}" as m %}}'
    return environment().from_string(imports + source).render(**values)


def test_text_is_escaped_markup_and_quotes_included() -> None:
    assert title_html('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert _render("{{ x }}", x='<a href="x">\'&') == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;"


def test_control_characters_markdown_uses_as_placeholders_are_dropped() -> None:
    assert title_html("a\x02wzxhzdk:0\x03b") == "awzxhzdk:0b"
    assert _render("{{ x|block }}", x="a\x02wzxhzdk:0\x03b") == "\n\nawzxhzdk:0b\n\n"


def test_the_environment_is_netdashs_own_made_once_and_strict() -> None:
    env = environment()
    assert env is environment()  # compiled once per process
    assert env.autoescape is True and env.undefined is StrictUndefined
    assert env.trim_blocks and env.lstrip_blocks
    with pytest.raises(UndefinedError):
        _render("{{ missing }}")


def test_only_markup_made_by_the_templates_passes_unescaped() -> None:
    assert _render("{{ x }}", x=Markup("<b>trusted</b>")) == "<b>trusted</b>"
    assert _render("<b>{{ x }}</b>", x="<b>data</b>") == "<b>&lt;b&gt;data&lt;/b&gt;</b>"
    assert _render("{{ m.tags(words) }}", words=["<i>"]) == '<span class="nd-tag">&lt;i&gt;</span> '


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
        '<a href="https://example.com/?q=&#34;&gt;&lt;script&gt;" '
        'rel="noopener noreferrer nofollow">&lt;b&gt;me&lt;/b&gt;</a>'
    )


def test_attributes_are_escaped_and_named() -> None:
    badge = macro(MACROS, "badge")
    assert badge(Badge('"x"', "circle-inner", 2)) == (
        '<span class="nd-badge nd-circle-inner" data-sort="2">&#34;x&#34;</span>'
    )
    assert badge(Badge("<x>", '"><script>')) == (
        '<span class="nd-badge nd-&#34;&gt;&lt;script&gt;">&lt;x&gt;</span>'
    )


def test_block_has_no_blank_line_for_markdown_to_split_on() -> None:
    fragment = Markup("<div>\n\n<p>a</p>\n   \n</div>")
    text = markdown_block(fragment)
    assert text.startswith("\n\n<div>") and text.endswith("</div>\n\n")
    assert "\n\n" not in text.strip("\n")
    filtered = _render("{% filter block %}<p>{{ x }}</p>{% endfilter %}", x="a\n\nb")
    assert "\n\n" not in filtered.strip("\n")


def test_table_is_styled_by_material_and_carries_attributes() -> None:
    html = _render(
        '{% call m.table(["A"], sortable=true) %}<tr><td>{{ x }}</td></tr>{% endcall %}', x="<1>"
    )
    assert "<table data-sortable>" in html and '<td data-label="A">&lt;1&gt;</td>' in html


def test_each_cell_carries_its_column_name_escaped() -> None:
    html = _render(
        '{% call m.table(["Name", "<b>Due</b>"]) %}'
        '<tr><td>{{ a }}</td><td data-sort="2">{{ b }}</td><td>x</td></tr>'
        "<tr><td>{{ b }}</td></tr>{% endcall %}",
        a="<td>",
        b="2",
    )
    assert html.count('<td data-label="Name">') == 2
    assert '<td data-label="&lt;b&gt;Due&lt;/b&gt;" data-sort="2">2</td>' in html
    assert "<td>x</td>" in html  # a cell past the headers keeps no label
    assert '<td data-label="Name">&lt;td&gt;</td>' in html  # text from the data stays text


@dataclass(frozen=True)
class Pane:
    label: str
    content: str


def test_tabs_use_the_pymdownx_markup_with_unique_names() -> None:
    panes = [Pane("One", "1"), Pane("<Two>", "2")]
    html = _render('{% call(p) m.tabs("g", panes) %}{{ p.content }}{% endcall %}', panes=panes)
    assert 'id="__tabbed_g_1" name="__tabbed_g" type="radio"' in html
    assert '<label for="__tabbed_g_2">&lt;Two&gt;</label>' in html
    assert html.count('class="tabbed-block"') == 2


def test_chart_json_is_attribute_safe_and_has_no_template() -> None:
    spec = figure([bar(x=["</div><script>'&"], y=[1])], layout(240))
    html = str(macro(MACROS, "chart")(chart(spec, "a chart")))
    payload = html.split("data-chart='", 1)[1].split("'", 1)[0]
    assert "<" not in payload and "'" not in payload
    unescaped = payload.replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'")
    drawn = json.loads(unescaped.replace("&amp;", "&"))
    assert drawn["data"] == [{"type": "bar", "x": ["</div><script>'&"], "y": [1]}]
    assert drawn["layout"] == layout(240) and "template" not in drawn["layout"]
    assert html.endswith(' role="img" aria-label="a chart" style="min-height:240px"></div>')


def test_chart_refuses_numbers_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match="JSON"):
        macro(MACROS, "chart")(
            chart(figure([scatter(x=[1], y=[float("nan")])], layout()), "a chart")
        )


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
