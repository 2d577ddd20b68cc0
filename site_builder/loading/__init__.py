"""Reading `data/`: files found, parsed, validated into a Dataset, problems placed."""
