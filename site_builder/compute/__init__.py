"""The engine: everything the site shows, computed from the data set for one day.

`compute(dataset, today)` is pure: no I/O, no clock, no rendering.
"""

from site_builder.compute.engine import compute
from site_builder.compute.report import Report

__all__ = ["Report", "compute"]
