"""`mkdocs serve` keeps what the last build made: each rebuild must still give the very
site a fresh build of the same files gives, and must take from the cache only what did
not change."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_builder.loading.loader import FileCache, load
from site_builder.site.plugin import NetdashPlugin
from site_builder.site.runner import build_site
from tests.site_support import built_files, hostile_files, project, write_files

Site = dict[str, bytes]


class Records(logging.Handler):
    """Keeps the messages logged."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def serving(config_file: Path) -> Iterator[tuple[Callable[[], Site], NetdashPlugin, Records]]:
    """Rebuild as `mkdocs serve` does: the configuration loaded again for each build, the
    plugin kept from one to the next (MkDocs keeps plugins that have `on_startup`)."""
    first = load_config(str(config_file))
    first.plugins.on_startup(command="serve", dirty=False)
    plugin = first.plugins["netdash"]
    assert isinstance(plugin, NetdashPlugin)
    records = Records()
    logger = logging.getLogger("mkdocs.plugins.netdash")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(records)

    def rebuild() -> Site:
        records.messages.clear()
        config = load_config(str(config_file))
        build(config)
        return built_files(Path(config.site_dir))

    try:
        yield rebuild, plugin, records
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
        first.plugins.on_shutdown()


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _restore(root: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(root)
    root.mkdir()
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_rebuild_gives_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config_file = project(tmp_path, data)
    states: list[tuple[dict[str, bytes], dict[str, bytes], Site]] = []

    def keep(site: Site) -> None:
        states.append((_files(data), _files(tmp_path / "docs"), site))

    with serving(config_file) as (rebuild, plugin, records):
        keep(rebuild())
        workspace = plugin.cache.workspace
        bob = workspace.dataset.contacts["bob"] if workspace else None
        _edit(data / "contacts" / "ada.yml", "company: Analytical Engines", "company: Babbage & Co")
        keep(rebuild())
        reused_after_edit = plugin.cache.pages.reused
        kept = plugin.cache.workspace
        bob_read_again = kept is None or kept.dataset.contacts["bob"] is not bob
        keep(rebuild())  # nothing changed
        unchanged_messages = list(records.messages)
        reused_unchanged = plugin.cache.pages.reused
        (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nA page of my own.\n")
        keep(rebuild())  # a new page in the nav: the sidebar of every page changes
        shared_after_nav_change = plugin.cache.pages.shared_same
        (data / "contacts" / "bob.yml").unlink()
        keep(rebuild())
    # Of the three person pages, the first whose own parts did not change is rendered
    # (it tells whether what all of them share changed), and so is Ada's, edited: only
    # the third is taken from the last build. With nothing changed, two are.
    assert (reused_after_edit, reused_unchanged) == (1, 2)
    assert bob is not None and kept is workspace
    assert not bob_read_again  # only the edited file was read again
    assert any("no data file changed" in m for m in unchanged_messages)
    assert any("2 unchanged person pages" in m for m in unchanged_messages)
    assert shared_after_nav_change is False
    for step, (data_files, docs_files, served) in enumerate(states):
        _restore(data, data_files)
        _restore(tmp_path / "docs", docs_files)
        build_site(config_file, site_dir=tmp_path / "fresh")
        fresh = built_files(tmp_path / "fresh")
        assert served.keys() == fresh.keys(), step
        assert [name for name in fresh if served[name] != fresh[name]] == [], step


def test_a_data_error_while_serving_is_reported_and_the_fix_shows(tmp_path: Path) -> None:
    data = write_files(tmp_path / "data", hostile_files())
    config_file = project(tmp_path, data)
    ada = data / "contacts" / "ada.yml"
    errors = Records(logging.ERROR)
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        with serving(config_file) as (rebuild, _, _records):
            rebuild()
            _edit(ada, "circle: middle", "circle: midle")
            shown = rebuild()
            _edit(ada, "circle: midle", "circle: inner")
            served = rebuild()
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    assert any("ada.yml:2:1: error: circle: 'midle'" in m for m in errors.messages)
    # Meanwhile every page of the nav, and the "not found" page, listed the problem.
    for page in ("index.html", "week/index.html", "404.html"):
        text = shown[page].decode()
        assert "ada.yml:2:1</code>" in text and "&#39;midle&#39;" in text, page
        assert "data-nd-problems=" in text, page
    assert "people/ada/index.html" not in shown
    build_site(config_file, site_dir=tmp_path / "fresh")
    assert served == built_files(tmp_path / "fresh")


def test_file_cache_reads_only_what_changed(tmp_path: Path) -> None:
    data = write_files(
        tmp_path / "data",
        {
            "settings.yml": "owner: Me\n",
            "contacts/ada.yml": "name: Ada\ncircle: inner\n",
            "contacts/bob.yml": "name: Bob\ncircle: outer\ncompnay: X\n",
        },
    )
    cache = FileCache()
    first = load(data, cache)
    assert cache.changed
    again = load(data, cache)
    assert not cache.changed
    assert again.problems == first.problems == load(data).problems  # placed alike
    assert again.dataset.contacts["ada"] is first.dataset.contacts["ada"]  # not read again
    ada = data / "contacts" / "ada.yml"
    status = ada.stat()
    ada.write_text("name: Eva\ncircle: inner\n")  # same size
    os.utime(ada, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the same time
    edited = load(data, cache)
    assert cache.changed and edited.dataset.contacts["ada"].name == "Eva"
    (data / "contacts" / "bob.yml").unlink()
    gone = load(data, cache)
    assert cache.changed and sorted(gone.dataset.contacts) == ["ada"] and not gone.problems
