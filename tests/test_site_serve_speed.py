"""What makes an edit show quickly under `netdash serve`, each checked for doing what it
says: Markdown pages converted once, the theme's files listed once, the last build's
files deleted off the rebuild's path. (That a served rebuild is the very site a fresh
build makes is `test_site_serve_cache`'s.)"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from site_builder.site.sweep import Sweeper
from site_builder.site.theme_files import Listings, listed_once
from tests.site_support import REPO, built_files, hostile_files, project, write_files
from tests.test_site_serve_cache import serving


def test_a_page_whose_markdown_did_not_change_is_not_converted_again(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config_file = project(tmp_path, data)
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nSee [the people](people/index.md).\n")
    with serving(config_file) as (rebuild, plugin, _records):
        first = rebuild()
        assert plugin.cache.markdown.reused == set()
        (data / "contacts" / "ada.yml").write_text(
            (data / "contacts" / "ada.yml").read_text().replace("Analytical", "Difference")
        )
        second = rebuild()
        # Home, This week... and the notes read the same Markdown as before; the pages
        # made as HTML (a person's) never go through Markdown.
        assert {"notes.md", "index.md", "week.md"} <= plugin.cache.markdown.reused
        assert "people/ada/index.md" not in plugin.cache.markdown.reused
        (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nChanged.\n")
        third = rebuild()
        assert "notes.md" not in plugin.cache.markdown.reused
    assert second["notes/index.html"] == first["notes/index.html"]
    assert b'href="../people/"' in second["notes/index.html"]
    assert b"Changed." in third["notes/index.html"]


def test_the_theme_files_are_listed_once_and_the_same(tmp_path: Path) -> None:
    kept: Listings = {}
    plain = load_config(str(REPO / "mkdocs.yml"))
    served = load_config(str(REPO / "mkdocs.yml"))
    listed_once(served.theme, kept)

    def wanted(name: str) -> bool:
        return name.endswith(".css")

    expected = plain.theme.get_env().list_templates(filter_func=wanted)
    assert served.theme.get_env().list_templates(filter_func=wanted) == expected
    assert [len(names) for names in kept.values()] == [len(expected)] and expected
    # The next build's theme asks the kept list, whatever is on disk.
    again = load_config(str(REPO / "mkdocs.yml"))
    listed_once(again.theme, kept)
    next(iter(kept.values())).append("assets/stylesheets/added.css")
    assert again.theme.get_env().list_templates(filter_func=wanted)[-1].endswith("added.css")


def test_the_sweeper_empties_the_folder_at_once_and_leaves_nothing_beside(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    write_files(site, {f"people/p{n}/index.html": "<p>x</p>" for n in range(50)})
    (site / "index.html").write_text("home")
    sweeper = Sweeper()
    sweeper.clear(site)
    assert list(site.iterdir()) == []
    sweeper.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    sweeper.clear(site)  # an empty folder: nothing to do
    sweeper.clear(tmp_path / "missing")
    assert sweeper.threads == [] and built_files(site) == {}
