"""The page bodies' templates: each compiles in netdash's own environment, none turns
escaping off, and the theme's environment renders none of them."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from jinja2 import Environment
from jinja2.bccache import Bucket

from site_builder.site import templating
from site_builder.site.templating import environment

BODY_FOLDERS = ("pages/", "parts/", "macros/")
ESCAPE_HATCHES = re.compile(r"\|\s*safe\b|autoescape\s+false|Markup|\|\s*e\b|\|\s*escape\b")


def _body_templates() -> list[str]:
    return [name for name in environment().list_templates() if name.startswith(BODY_FOLDERS)]


def test_the_page_bodies_have_templates_in_each_folder() -> None:
    names = _body_templates()
    for folder in BODY_FOLDERS:
        assert any(name.startswith(folder) for name in names), folder
    assert "pages/person.html" in names and "macros/common.html" in names


@pytest.mark.parametrize("name", _body_templates())
def test_every_template_compiles_and_leaves_escaping_on(name: str) -> None:
    env = environment()
    template = env.get_template(name)
    assert template.environment is env and env.autoescape is True
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    assert not ESCAPE_HATCHES.search(source), name


def test_the_theme_environment_is_not_the_page_bodies_environment() -> None:
    """MkDocs' theme renders with autoescape off; the page bodies never render there."""
    theme = Environment()
    assert theme.autoescape is False and environment().autoescape is True
    assert environment() is not theme


def test_compiled_templates_are_kept_only_in_a_folder_jinja_deems_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    assert templating._kept_compiled() is not None
    assert oct((tmp_path / f"_jinja2-cache-{os.getuid()}").stat().st_mode & 0o777) == "0o700"
    other = tmp_path / "other"
    other.mkdir()
    (other / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(other))
    assert templating._kept_compiled() is None


def test_a_compiled_template_that_cannot_be_kept_is_no_error(tmp_path: Path) -> None:
    kept = templating._KeptCompiled(str(tmp_path / "gone"))
    bucket = Bucket(environment(), "key", "checksum")
    bucket.code = compile("1", "<template>", "exec")
    kept.dump_bytecode(bucket)
    assert not (tmp_path / "gone").exists()
