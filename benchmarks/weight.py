"""The weight of a built site: what a browser downloads for a page.

Reads the HTML files of a built site: the Home page's size, the largest page, how often a
page names Plotly's script (plotly-basic.min.js: the site loads it once, only on pages
with charts, so no page should name it more than once), the chart specs a page carries
and the size of the search index.
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath

from site_builder.site.static import PLOTLY

PLOTLY_NAME = PurePosixPath(PLOTLY).name.encode()
CHART = re.compile(r"""<div class="nd-chart"[^>]*?\bdata-chart=(?:'([^']*)'|"([^"]*)")""")


def chart_bytes(page: str) -> int:
    """Bytes of the chart specs (JSON) in a page's `data-chart` attributes."""
    return sum(
        len(html.unescape(single or double).encode()) for single, double in CHART.findall(page)
    )


def measure_weight(site: Path) -> dict[str, object]:
    """Sizes in bytes, and the pages that name Plotly's script more than once."""
    pages = sorted(site.rglob("*.html"))
    home = (site / "index.html").read_text(encoding="utf-8")
    largest, largest_bytes = "", 0
    plotly_most, twice = 0, []
    for path in pages:
        data = path.read_bytes()
        if len(data) > largest_bytes:
            largest, largest_bytes = path.relative_to(site).as_posix(), len(data)
        named = data.count(PLOTLY_NAME)
        plotly_most = max(plotly_most, named)
        if named > 1:
            twice.append(path.relative_to(site).as_posix())
    index = site / "search" / "search_index.json"
    return {
        "pages": len(pages),
        "home_html_bytes": len(home.encode()),
        "home_chart_json_bytes": chart_bytes(home),
        "home_charts": len(CHART.findall(home)),
        "largest_page": largest,
        "largest_page_bytes": largest_bytes,
        "plotly_references_most_on_a_page": plotly_most,
        "pages_naming_plotly_twice": twice,
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }
