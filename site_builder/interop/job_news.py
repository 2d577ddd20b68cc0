"""A LinkedIn re-import that finds another company or role: news, not a silent overwrite.

Another company is a `new_job`; another role at the same company is a `promotion` (a
title change is the usual news on LinkedIn, whichever way it went). Companies compare
without case, accents, punctuation or a legal suffix, so `Acme` and `ACME, Inc.` are
one company and change nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from site_builder.dedupe.identity import fold

JOB_FIELDS = ("company", "role")
"""The facts whose change is news."""
_LEGAL = frozenset(
    {"ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "gmbh", "co", "corp"}
    | {"corporation", "sa", "sas", "ag", "bv", "nv", "pty", "srl", "ab", "as", "oy"}
)
_NOT_WORD = re.compile(r"[^\w]+")


def company_key(company: str) -> str:
    """A company's name, comparable: `Acme, Inc.` -> `acme`."""
    words = _NOT_WORD.sub(" ", fold(company)).split()
    kept = [word for word in words if word not in _LEGAL]
    return " ".join(kept or words)


def is_news(field_name: str, ours: str, theirs: str) -> bool:
    """True when the export's value says the job changed (not only how it is written)."""
    if field_name == "company":
        return company_key(ours) != company_key(theirs)
    return " ".join(_NOT_WORD.sub(" ", fold(ours)).split()) != " ".join(
        _NOT_WORD.sub(" ", fold(theirs)).split()
    )


def _job(role: str | None, company: str | None) -> str:
    return " at ".join(part for part in (role, company) if part)


def job_news(was: dict[str, str], now: dict[str, str], day: dt.date) -> dict[str, str]:
    """The news entry for a job that changed from `was` to `now` (company and role)."""
    moved = "company" in was and company_key(was["company"]) != company_key(now["company"])
    before = _job(was.get("role", now.get("role")), was.get("company", now.get("company")))
    after = _job(now.get("role"), now.get("company"))
    return {
        "date": day.isoformat(),
        "kind": "new_job" if moved else "promotion",
        "text": f"Now {after} (was {before})",
    }
