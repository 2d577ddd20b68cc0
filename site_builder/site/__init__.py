"""The website: a MkDocs plugin that turns the data and its report into pages and charts."""
