"""The pipeline as its users see it: the workspace (the data loaded, the report for today),
and the edges it stands on: the clock and the garbage collector's policy."""
