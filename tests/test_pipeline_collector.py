"""The garbage collector is set at the edges only: loading and computing leave it as they
found it; the command line and the plugin's hooks set it back when they are done."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import pytest

from site_builder.cli import main
from site_builder.compute import compute
from site_builder.loading.loader import load
from site_builder.pipeline.collector import Freeze, paused_gc
from site_builder.site.plugin import NetdashPlugin
from tests.conftest import WriteData

FILES = {
    "contacts/ada.yml": "name: Ada\ncircle: inner\n",
    "contacts/bob.yml": "name: Bob\ncircle: outer\n",
    "interactions/2026.yml": "- {date: 2026-02-01, with: [ada, bob], kind: coffee}\n",
}


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def collector_state(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The collector on or off, as a caller may have set it; put back after the test."""
    was = gc.isenabled()
    if request.param:
        gc.enable()
    else:
        gc.disable()
    yield request.param
    if was:
        gc.enable()
    else:
        gc.disable()


def _state() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


def test_load_leaves_the_collector_as_it_found_it(
    write_data: WriteData, collector_state: bool
) -> None:
    before = _state()
    result = load(write_data(FILES))
    assert result.ok and len(result.dataset.contacts) == 2
    assert _state() == before == (collector_state, 0)


def test_compute_leaves_the_collector_as_it_found_it(
    write_data: WriteData, collector_state: bool
) -> None:
    dataset = load(write_data(FILES)).dataset
    before = _state()
    report = compute(dataset, dt.date(2026, 3, 1))
    assert len(report.touchpoints) == 2
    assert _state() == before == (collector_state, 0)


def test_paused_sets_the_collector_back(collector_state: bool) -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled() is collector_state
    with pytest.raises(KeyError), paused_gc():
        raise KeyError("the block failed")
    assert gc.isenabled() is collector_state


def test_a_freeze_lets_go_of_its_own_objects_only() -> None:
    freeze = Freeze()
    freeze.hold()
    assert gc.get_freeze_count() > 0
    freeze.release()
    assert gc.get_freeze_count() == 0
    gc.freeze()  # frozen by someone else: kept frozen
    try:
        frozen = gc.get_freeze_count()
        freeze.hold()
        freeze.release()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_command_line_sets_the_collector_back(
    write_data: WriteData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["netdash", "check", "--data", str(write_data(FILES))])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0
    assert _state() == (True, 0)


def test_a_server_runs_the_collector_until_it_stops(collector_state: bool) -> None:
    plugin = NetdashPlugin()
    plugin.on_startup(command="serve", dirty=False)
    assert gc.isenabled()
    plugin.on_shutdown()
    assert gc.isenabled() is collector_state
    plugin.on_startup(command="build", dirty=False)
    assert gc.isenabled() is collector_state
    plugin.on_shutdown()
    assert gc.isenabled() is collector_state
