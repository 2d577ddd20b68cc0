"""The workspace: one data folder, loaded once, and its report for one day.

Every command, the site plugin and the digest read the data through a `Workspace`, as
every report of fava reads one ledger: it loads the folder when first asked, resolves
today through the clock (pinned, else `$NETDASH_TODAY`, else now in the owner's time zone)
and computes the report once. `reload()` reads the folder again for `netdash serve`; a
workspace that keeps its files rereads only the files that changed.

It sets nothing process-wide (the garbage collector, the environment): the edges do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.loading.loader import FileCache, LoadResult, load
from site_builder.pipeline import clock

if TYPE_CHECKING:
    from site_builder.compute import Report
    from site_builder.diagnostics.problems import Problem
    from site_builder.models import Dataset


class Workspace:
    """A data folder and a day: the data set, its problems and the report for today."""

    def __init__(
        self, data_dir: Path, pinned: dt.date | None = None, *, keep_files: bool = False
    ) -> None:
        """`pinned` fixes today (`--today`); `keep_files` keeps each file as loaded, so
        that `reload()` rereads only the files that changed."""
        self.data_dir = data_dir
        self.pinned = pinned
        self._files = FileCache() if keep_files else None
        self._loaded: LoadResult | None = None
        self._today: dt.date | None = None
        self._report: Report | None = None

    @property
    def loaded(self) -> LoadResult:
        """The data set and every problem, loaded on first use."""
        if self._loaded is None:
            self._loaded = load(self.data_dir, self._files)
        return self._loaded

    @property
    def dataset(self) -> Dataset:
        """The data set, built from whatever is valid."""
        return self.loaded.dataset

    @property
    def problems(self) -> list[Problem]:
        """Every problem found, errors and warnings, in file order."""
        return self.loaded.problems

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return [problem for problem in self.problems if problem.is_error]

    @property
    def ok(self) -> bool:
        """True when the data has no error (warnings allowed)."""
        return self.loaded.ok

    @property
    def today(self) -> dt.date:
        """The day the report is for: pinned, else `$NETDASH_TODAY`, else the settings'
        `today:` (a demo's), else today in the owner's time zone. Raises `ClockError` when
        `$NETDASH_TODAY` is not a date."""
        if self._today is None:
            settings = self.dataset.settings
            self._today = clock.today(self.pinned, settings.timezone, data_day=settings.today)
        return self._today

    @property
    def report(self) -> Report:
        """Everything computed from the data set for today; computed once."""
        if self._report is None:
            from site_builder.compute import compute

            self._report = compute(self.dataset, self.today)
        return self._report

    def reload(self) -> bool:
        """Read the folder and the clock again; True when a data file or the day changed
        since the last load (the report is then computed afresh when next asked). When
        no file changed, the data set loaded before is kept, the one the report is of."""
        day = self._today
        loaded = load(self.data_dir, self._files)
        same_files = (
            self._loaded is not None and self._files is not None and not self._files.changed
        )
        if not same_files:
            self._loaded, self._report = loaded, None
        self._today = None
        if self.today != day:
            self._report = None
        return not same_files or self.today != day
