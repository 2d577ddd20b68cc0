"""The file system side of a write: the data folder's lock and the atomic replace."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from site_builder.loading.leftovers import LOCK_NAME, TEMP_SUFFIX, leftovers, temp_prefix


@contextlib.contextmanager
def data_lock(root: Path) -> Iterator[None]:
    """Hold the lock of the data folder `root`: netdash writes one at a time; another
    process that wants to write waits here until this one is done."""
    with (root / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(root: Path) -> list[Path]:
    """Remove the temporary files of writes that did not finish (call it holding the
    lock: then no write is under way); returns them."""
    found = leftovers(root)
    for path in found:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return found


def _file_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def replace_file(path: Path, data: bytes) -> None:
    """Put `data` in `path` all at once: a temp file in the same folder, fsync, rename.

    A crash at any point leaves either the old file or the new one, never a mix; a
    leftover temp file is named `.<name>.netdash-<random>.tmp` (`loading.leftovers`):
    netdash never reads it, `check` names it, the next write removes it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)  # noqa: PTH101 - these os calls are the atomic-write protocol
        os.replace(temp, path)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # noqa: PTH108
        raise
    _sync_folder(path.parent)
