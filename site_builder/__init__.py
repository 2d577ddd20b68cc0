"""netdash: a personal networking dashboard kept as code."""

__version__ = "0.1.0"
