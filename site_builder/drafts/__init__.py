"""Message drafts: built-in templates (yours in `data/templates.yml` win), filled for one
contact from the data, with `‹markers›` for what only you can write. Pure: no I/O, no clock."""

from site_builder.drafts.catalog import BUILT_IN, Template, template, templates
from site_builder.drafts.errors import DraftError
from site_builder.drafts.fill import Draft, draft

__all__ = [
    "BUILT_IN",
    "Draft",
    "DraftError",
    "Template",
    "draft",
    "template",
    "templates",
]
