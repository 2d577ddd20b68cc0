"""How soon the charts of a built site are drawn, in headless Chromium.

Serves the site with http.server on 127.0.0.1 and opens each page that has charts. A
script injected before the page's own records the moment every chart container
(`.nd-chart[data-chart]`, the elements netdash.js draws into) in view holds Plotly's SVG
(charts in a closed tab are drawn when it opens), counted from the start of navigation;
the page's load event is recorded too. Two cases:

- cold: a fresh browser context for each load, so an empty cache: Plotly's script is
  fetched, compiled and run every time. A first visit.
- warm: a browser profile on disk, as the owner's browser has, loads the page a few
  times, each in a new tab, and the later loads count: the browser has Plotly's script in
  its cache and its compiled code too. The owner's daily visit.

Requests for Plotly's script are counted on every load.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHART_SELECTOR = ".nd-chart[data-chart]"
WATCH_CHARTS = """(() => {
  const drawn = () => {
    const charts = [...document.querySelectorAll('SELECTOR')]
      .filter(el => el.getClientRects().length > 0);  /* a closed tab's are drawn on opening */
    return charts.length > 0 && charts.every(el => el.querySelector('svg.main-svg'));
  };
  const observer = new MutationObserver(() => {
    if (window.__ndChartsDrawn === undefined && drawn()) {
      window.__ndChartsDrawn = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();""".replace("SELECTOR", CHART_SELECTOR)
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {drawn: window.__ndChartsDrawn, load: nav.loadEventEnd,
          dom: nav.domContentLoadedEventEnd, charts: document.querySelectorAll('SELECTOR').length};
}""".replace("SELECTOR", CHART_SELECTOR)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A tab closed before its download ended: nothing to report."""


@contextmanager
def served(site: Path, port: int = 0) -> Iterator[str]:
    """The site served on 127.0.0.1 (at `port`, or any free one); yields its URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium() -> str | None:
    """The browser to drive, or None when there is none."""
    path = os.environ.get("NETDASH_CHROMIUM") or shutil.which("chromium") or CHROMIUM
    return path if Path(path).exists() else None


def chart_pages(site: Path) -> list[str]:
    """The site paths of the pages with charts (person pages have none)."""
    found = []
    for page in sorted(site.glob("**/index.html")):
        relative = page.parent.relative_to(site).as_posix()
        if relative.startswith("people/") or "nd-chart" not in page.read_text("utf-8"):
            continue
        found.append("" if relative == "." else f"{relative}/")
    return found


def measure_browser(site: Path, url: str, loads: int) -> dict[str, object]:
    """Per chart page: median milliseconds from navigation start to every chart drawn
    and to the load event, cold and warm, over `loads` loads each; and the most
    requests for Plotly's script one load made."""
    from playwright.sync_api import sync_playwright

    path = chromium()
    if path is None:
        raise RuntimeError("no Chromium (apt-get install chromium)")
    pages: dict[str, dict[str, float]] = {}
    plotly_most = 0
    with sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        browser = driver.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        warm_browser = driver.chromium.launch_persistent_context(
            profile, executable_path=path, headless=True, args=CHROMIUM_ARGS, viewport=VIEWPORT
        )
        warm_browser.add_init_script(WATCH_CHARTS)
        try:
            for target in chart_pages(site):
                cold = [_load(_fresh(browser), url + target, own=True) for _ in range(loads)]
                warm = [_load(warm_browser, url + target) for _ in range(WARM_UP + loads)]
                warm = warm[WARM_UP:]
                plotly_most = max([plotly_most, *(n for _, n in cold + warm)])
                pages[target or "/"] = {
                    "charts": cold[0][0]["charts"],
                    "drawn_ms": statistics.median(t["drawn"] for t, _ in cold),
                    "load_event_ms": statistics.median(t["load"] for t, _ in cold),
                    "warm_drawn_ms": statistics.median(t["drawn"] for t, _ in warm),
                }
        finally:
            warm_browser.close()
            browser.close()
    return {
        "pages": pages,
        "slowest_page": max(pages, key=lambda p: pages[p]["drawn_ms"]),
        "drawn_ms_max": max(p["drawn_ms"] for p in pages.values()),
        "warm_drawn_ms_max": max(p["warm_drawn_ms"] for p in pages.values()),
        "home_drawn_ms": pages["/"]["drawn_ms"],
        "plotly_requests_most_in_a_load": plotly_most,
        "loads": loads,
    }


VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
WARM_UP = 2
"""Loads before the warm ones count: Chromium keeps a script's compiled code once it has
seen the script twice."""


def _fresh(browser: Any) -> Any:
    """A new context: an empty cache."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(WATCH_CHARTS)
    return context


def _load(context: Any, url: str, own: bool = False) -> tuple[dict[str, float], int]:
    """One load in a new tab of `context` (closed after, when `own`): timings and the
    requests for Plotly's script."""
    try:
        page = context.new_page()
        plotly: list[str] = []
        page.on("request", lambda r: plotly.append(r.url) if "plotly" in r.url else None)
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__ndChartsDrawn !== undefined", timeout=60_000)
        timings: dict[str, float] = page.evaluate(TIMINGS)
        page.close()
        return timings, len(plotly)
    finally:
        if own:
            context.close()
