"""The edges of the pipeline: the clock and the garbage collector's policy."""
