"""Shared test helpers: small data folders written inside the test."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

WriteData = Callable[..., Path]

MINIMAL_SETTINGS = "owner: Test Owner\n"


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """Write a data folder from `relative path -> YAML text` (dedented); returns its root.

    `settings.yml` gets a minimal valid default unless given.
    """

    def write(files: dict[str, str | bytes] | None = None, **kw_files: str) -> Path:
        root = tmp_path / "data"
        root.mkdir(exist_ok=True)
        everything: dict[str, str | bytes] = {"settings.yml": MINIMAL_SETTINGS}
        everything.update(files or {})
        everything.update(
            {name.replace("__", "/") + ".yml": text for name, text in kw_files.items()}
        )
        for name, content in everything.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return write
