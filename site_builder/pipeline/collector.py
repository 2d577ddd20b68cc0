"""Python's cyclic garbage collector, paused while netdash makes many objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block without the cyclic garbage collector. Loading, computing and making
    pages create many objects and next to no garbage cycles; with the collector on, each
    of its passes walks everything made so far, which costs a large data set more than
    half of its loading time and makes the time grow faster than the data. Reference
    counting still frees what the block drops; cycles wait for the next pass.

    What the block made is meant to last (a data set, a report), and re-enabling the
    collector would start a pass over all of it at once; so everything the collector then
    tracks, the block's objects and any others, is frozen (`gc.freeze`): out of its passes
    until unfrozen. A build unfreezes it when it ends (the plugin's `on_post_build`); a
    command line process ends first."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
