"""Python's cyclic garbage collector, set by the edges of a process only: the command
line's `main()` and the MkDocs plugin's hooks. Library functions (`load`, `compute`)
leave it as they found it.

Loading, computing and making pages create many objects and next to no garbage cycles;
with the collector on, each of its passes walks everything made so far, which costs a
large data set much of its loading time. Reference counting still frees what is dropped
while the collector is paused; cycles wait for its next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block with the collector off, then set it back as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def set_enabled(enabled: bool) -> bool:
    """Turn the collector on or off; returns whether it was on."""
    was = gc.isenabled()
    if enabled:
        gc.enable()
    else:
        gc.disable()
    return was


class Freeze:
    """What a build keeps until it ends (its data, report and pages), out of the
    collector's passes: MkDocs then renders thousands of pages, and each full pass would
    walk all of it again. Only a freeze of its own is let go: a process that froze
    objects before keeps them frozen."""

    def __init__(self) -> None:
        self.held = False

    def hold(self) -> None:
        """Freeze everything the collector tracks now, unless something is frozen."""
        if not self.held and gc.get_freeze_count() == 0:
            gc.freeze()
            self.held = True

    def release(self) -> None:
        """Unfreeze what `hold` froze."""
        if self.held:
            gc.unfreeze()
            self.held = False
