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
    counting still frees what the block drops; cycles wait for the next pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
