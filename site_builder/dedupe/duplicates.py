"""Likely duplicate people: contacts that share an email, a LinkedIn profile or a name.

Contacts are grouped by each key (blocking), never compared all against all: the work
grows with the number of contacts, not its square. Two contacts of one name are not
flagged when their LinkedIn profiles differ (two people, one name). Inside one name
group each contact is compared with at most `_MAX_COMPARED` others, so even thousands of
`John Smith`s stay near-linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from site_builder.dedupe.identity import contact_keys, linkedin_key
from site_builder.models import Contact
from site_builder.plural import counted

_MAX_COMPARED = 50
_WORDS = {"email": "same email", "linkedin": "same LinkedIn profile", "name": "same name"}


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that are likely one person, and what they share."""

    contact_ids: tuple[str, ...]
    reasons: tuple[str, ...]


class _Groups:
    """Union-find over contact ids, remembering why ids were joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[frozenset[str], set[str]] = defaultdict(set)

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: str, second: str, reason: str) -> None:
        self.parent[self.find(second)] = self.find(first)
        self.reasons[frozenset((first, second))].add(reason)


def _linkedin(contact: Contact) -> str | None:
    return next((key for link in contact.links.values() if (key := linkedin_key(link))), None)


def _join_names(groups: _Groups, members: list[str], contacts: Mapping[str, Contact]) -> None:
    for position, contact_id in enumerate(members):
        mine = _linkedin(contacts[contact_id])
        for other in members[max(0, position - _MAX_COMPARED) : position]:
            theirs = _linkedin(contacts[other])
            if not (mine and theirs and mine != theirs):
                groups.join(other, contact_id, _WORDS["name"])


def duplicate_groups(contacts: Mapping[str, Contact]) -> list[DuplicateGroup]:
    """Groups of likely duplicates, each sorted by id; groups sorted by their first id."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for contact_id in sorted(contacts):
        for key in contact_keys(contacts[contact_id]):
            blocks[key].append(contact_id)
    groups = _Groups()
    for (kind, _), members in blocks.items():
        if len(members) < 2:
            continue
        if kind == "name":
            _join_names(groups, members, contacts)
        else:
            for other in members[1:]:
                groups.join(members[0], other, _WORDS[kind])
    by_root: dict[str, list[str]] = defaultdict(list)
    for contact_id in sorted(groups.parent):
        by_root[groups.find(contact_id)].append(contact_id)
    reasons: dict[str, set[str]] = defaultdict(set)
    for pair, why in groups.reasons.items():
        reasons[groups.find(next(iter(pair)))].update(why)
    return sorted(
        (
            DuplicateGroup(tuple(ids), tuple(sorted(reasons[root])))
            for root, ids in by_root.items()
            if len(ids) > 1
        ),
        key=lambda group: group.contact_ids,
    )


def dedupe_report(contacts: Mapping[str, Contact]) -> str:
    """`netdash check --dedupe`: each group of likely duplicates, one a line."""
    groups = duplicate_groups(contacts)
    if not groups:
        return "no likely duplicates"
    lines = [
        f"{counted(len(groups), 'group')} of likely duplicates (merge by hand, or give each a "
        "distinct LinkedIn URL when they are different people):"
    ]
    for group in groups:
        people = ", ".join(f"{cid} ({contacts[cid].name})" for cid in group.contact_ids)
        lines.append(f"  {people}: {'; '.join(group.reasons)}")
    return "\n".join(lines)
