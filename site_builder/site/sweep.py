"""Under `mkdocs serve`, the last build's files go aside before MkDocs empties the site
folder, and are deleted in the background: MkDocs removes the folder's contents before
each rebuild, and removing a directory per person is a good part of what an edit waits
for. The site made is the same; only the deleting moves off the rebuild's path."""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path


class Sweeper:
    """Moves a folder's contents aside and deletes them in a thread of its own."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def clear(self, folder: Path) -> None:
        """Leave `folder` empty at once (its contents deleted in the background)."""
        if not folder.is_dir():
            return
        entries = list(folder.iterdir())
        if not entries:
            return
        aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
        for entry in entries:
            entry.rename(aside / entry.name)
        thread = threading.Thread(
            target=shutil.rmtree, args=(aside,), kwargs={"ignore_errors": True}, daemon=True
        )
        thread.start()
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]

    def wait(self) -> None:
        """Wait until everything moved aside is deleted."""
        for thread in self.threads:
            thread.join()
        self.threads = []
