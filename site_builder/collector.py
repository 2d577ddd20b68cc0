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

    What the block made is meant to last (a data set, a report), so it is then frozen
    (`gc.freeze`): moved out of the collector's way, rather than walked by the pass that
    re-enabling the collector would start at once. A build unfreezes it when it ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
