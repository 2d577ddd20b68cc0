"""The plotly.js bundle the site ships: unchanged, and the version the chart specs are
validated against (the `plotly` Python package of the test dependencies)."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

from site_builder.site.static import plotly_path

VENDOR = plotly_path().parent


def _version(script: str) -> str:
    found = re.search(r"\* plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)", script[:400])
    assert found, script[:400]
    return found.group(1)


def test_the_bundle_is_the_one_its_readme_names() -> None:
    readme = (VENDOR / "README.md").read_text("utf-8")
    bundle = plotly_path().read_bytes()
    assert f"sha256 `{hashlib.sha256(bundle).hexdigest()}`" in readme
    version = _version(bundle.decode("utf-8"))
    assert f"`plotly.js-basic-dist-min` {version}" in readme
    assert bundle.decode("utf-8")[:200].count("(basic - minified)") == 1
    assert (VENDOR / "plotly.js.LICENSE").read_text("utf-8").startswith("MIT License")


def test_the_bundle_matches_the_plotly_the_charts_are_checked_with() -> None:
    """Same major and minor version: the chart attributes plotly.js knows."""
    full = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    shipped = _version(plotly_path().read_text("utf-8"))
    assert shipped.split(".")[:2] == _version(full.read_text("utf-8")).split(".")[:2]
