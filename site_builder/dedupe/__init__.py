"""Who is who: names and handles made comparable, and contacts that look like one person."""
