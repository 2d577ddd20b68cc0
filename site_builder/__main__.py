"""`python -m site_builder` runs the netdash command line."""

from site_builder.cli import main

main()
