"""A fresh private dashboard: the files `netdash init` writes into a new repository.

The files live under `files/` as package data. A path part written `dot-name` becomes
`.name` (package data leaves hidden files out), and a file ending in `.in` is a template
whose `$owner`, `$timezone` and `$roadmap_start` are filled in. The JSON Schemas of the
data files and `requirements.txt` (the netdash the workflows install) are made here.
"""

from site_builder.scaffold.answers import Answers, InitError, answers, checked_settings
from site_builder.scaffold.tree import dashboard_files, write_new

__all__ = ["Answers", "InitError", "answers", "checked_settings", "dashboard_files", "write_new"]
