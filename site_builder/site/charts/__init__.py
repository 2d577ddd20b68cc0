"""Chart builders: one function per figure, each returning the chart's HTML."""
