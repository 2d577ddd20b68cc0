"""The page bodies' templates: each compiles in netdash's own environment, none turns
escaping off, and the theme's environment renders none of them."""

from __future__ import annotations

import re

import pytest
from jinja2 import Environment

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
