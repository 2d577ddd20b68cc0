"""How long a data edit takes to show under `netdash serve`.

Runs `netdash serve` (MkDocs' live-reload server with the netdash plugin) on 127.0.0.1 at a
free port, edits a contact's YAML file and times until the person's page, fetched over
HTTP, shows the edit. The server holds requests while it rebuilds, so the time covers
noticing the change (MkDocs polls every half second), the rebuild and the page itself:
what the owner waits for in the browser.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL = 0.02
STARTUP_TIMEOUT = 300.0
EDIT_TIMEOUT = 120.0


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=EDIT_TIMEOUT) as response:  # noqa: S310 - local
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` holds `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def _edited(original: str, marker: str) -> str:
    lines = [line for line in original.splitlines() if not line.startswith("role:")]
    return "\n".join([*lines, f"role: {marker}"]) + "\n"


def measure_serve(root: Path, data: Path, today: str, edits: int) -> dict[str, object]:
    """Median and every latency of `edits` edits of one contact file, in seconds."""
    contact = sorted((data / "contacts").glob("*.yml"))[0]
    original = contact.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}people/{contact.stem}/"
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [
        sys.executable,
        "-m",
        "site_builder",
        "serve",
        "--data",
        str(data),
        "--today",
        today,
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    latencies = []
    try:
        started = time.perf_counter()
        wait_for(page, "</html>", STARTUP_TIMEOUT)
        first_build = time.perf_counter() - started
        for edit in range(edits):
            marker = f"Edited role {edit}"
            contact.write_text(_edited(original, marker), encoding="utf-8")
            latencies.append(wait_for(page, marker, EDIT_TIMEOUT))
    finally:
        contact.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return {
        "seconds": statistics.median(latencies),
        "runs": latencies,
        "first_build_seconds": first_build,
    }
