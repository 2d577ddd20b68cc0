"""The shape of the network: circles, the personal board, the matrix, diversity."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

from site_builder.compute.index import Index
from site_builder.compute.people import HIGH, SCORES, contact_quadrant, quadrant_bounds
from site_builder.compute.report import (
    BoardCoverage,
    BoardSeat,
    CircleFit,
    CircleSize,
    Dimension,
    DiversityDimension,
    MatrixCell,
    NetworkMatrix,
    Quadrant,
)
from site_builder.models import Contact
from site_builder.models.settings import Band
from site_builder.models.types import BOARD_ROLES, CIRCLES

QUADRANTS: tuple[Quadrant, ...] = ("golden", "aspirational", "peer", "avoid")
DIMENSIONS: tuple[Dimension, ...] = ("industry", "location", "seniority", "company")


def _active(index: Index) -> Iterator[tuple[str, Contact]]:
    """Active contacts with their ids, one at a time (no list of pairs is kept)."""
    return ((cid, index.contacts[cid]) for cid in index.active)


def fit(count: int, band: Band) -> CircleFit:
    """under the band's minimum, over its maximum, or within."""
    if count < band.min:
        return "under"
    return "over" if band.max is not None and count > band.max else "within"


def circle_sizes(index: Index) -> tuple[CircleSize, ...]:
    """Active contacts per circle against the target bands of settings.yml."""
    counts = Counter(contact.circle for _, contact in _active(index))
    targets = index.dataset.settings.circle_targets
    cadences = index.dataset.settings.cadence_days
    sizes = []
    for circle in CIRCLES:
        band: Band = getattr(targets, circle)
        count = counts[circle]
        sizes.append(
            CircleSize(
                circle,
                count,
                band.min,
                band.max,
                fit(count, band),
                cadence_days=int(getattr(cadences, circle)),
            )
        )
    return tuple(sizes)


def board(index: Index) -> BoardCoverage:
    """Who holds each of the five roles of the personal board (active contacts, by name)."""
    holders = sorted(
        ((c.name.casefold(), cid, c) for cid, c in _active(index) if c.board_role is not None),
        key=lambda item: (item[0], item[1]),
    )
    seats = []
    for role in BOARD_ROLES:
        members = [(cid, c.name) for _, cid, c in holders if c.board_role == role]
        seats.append(
            BoardSeat(
                role,
                tuple(cid for cid, _ in members),
                tuple(name for _, name in members),
                bool(members),
            )
        )
    filled = sum(seat.filled for seat in seats)
    return BoardCoverage(tuple(seats), filled, filled / len(BOARD_ROLES))


def matrix(index: Index) -> NetworkMatrix:
    """Active contacts by influence x accessibility; unrated ones are only counted."""
    cells = []
    for cid, contact in _active(index):
        place = contact_quadrant(contact)
        if place is not None and contact.influence and contact.accessibility:
            cells.append(
                MatrixCell(cid, contact.name, contact.influence, contact.accessibility, place)
            )
    cells.sort(
        key=lambda c: (
            QUADRANTS.index(c.quadrant),
            -c.influence,
            -c.accessibility,
            c.name.casefold(),
            c.contact,
        )
    )
    counts = Counter(cell.quadrant for cell in cells)
    return NetworkMatrix(
        tuple(cells),
        {q: counts[q] for q in QUADRANTS},
        len(index.active) - len(cells),
        scores=SCORES,
        high=HIGH,
        bounds=quadrant_bounds(),
    )


def evenness(counts: Sequence[int]) -> float:
    """Pielou's evenness: Shannon entropy over its maximum, ln(k); 0 for fewer than 2 groups."""
    total = sum(counts)
    groups = [n for n in counts if n > 0]
    if len(groups) < 2:
        return 0.0
    entropy = -sum(n / total * math.log(n / total) for n in groups)
    return round(min(1.0, entropy / math.log(len(groups))), 4)


def dimension(index: Index, name: Dimension) -> DiversityDimension:
    """How active contacts spread over one attribute (blank values are unknown)."""
    values = [getattr(contact, name) for _, contact in _active(index)]
    known = Counter(str(v).strip() for v in values if v is not None and str(v).strip())
    ordered = tuple(sorted(known.items(), key=lambda item: (-item[1], item[0].casefold(), item[0])))
    return DiversityDimension(
        dimension=name,
        counts=ordered,
        unknown=len(values) - sum(known.values()),
        distinct=len(known),
        evenness=evenness([n for _, n in ordered]),
    )


def diversity(index: Index) -> tuple[DiversityDimension, ...]:
    """Industry, location, seniority and company."""
    return tuple(dimension(index, name) for name in DIMENSIONS)
