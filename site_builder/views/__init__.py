"""Terminal views: what a command prints, built from the computed report."""
