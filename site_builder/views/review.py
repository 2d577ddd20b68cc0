"""`netdash review`: a quarter's review as lines of text, or as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from site_builder.compute.jsonify import dumps, to_jsonable
from site_builder.compute.report import QuarterReview, Report, ReviewCandidate
from site_builder.plural import counted


def _who(candidate: ReviewCandidate) -> str:
    return f"  {candidate.name} ({candidate.circle}, strength {candidate.strength}): " + ", ".join(
        candidate.reasons
    )


def _candidates(review: QuarterReview) -> Iterator[str]:
    more = review.prune_total - len(review.prune)
    yield f"Prune candidates: {review.prune_total or 'none'}"
    yield from map(_who, review.prune)
    if more:
        yield f"  and {more} more"
    yield "Promote (expand the inner circle by one):" + ("" if review.promote else " none")
    yield from map(_who, review.promote)
    yield "Deepen (the weakest inner-circle and board relationships):" + (
        "" if review.deepen else " none"
    )
    yield from map(_who, review.deepen)
    yield "Board gaps: " + (", ".join(review.board_gaps) or "none")


def _plan(report: Report) -> Iterator[str]:
    for phase in report.roadmap:
        yield f"Roadmap: {phase.phase} (months {phase.first_month}-{phase.last_month}): " + (
            phase.status.replace("_", " ")
        )
    for habit in report.habits:
        current = habit.current
        yield (
            f"Habit every {habit.every}: {habit.label} {current.actual:g}/{habit.target:g}"
            f" this {habit.every}, streak {habit.streak}"
        )


def _quarter(review: QuarterReview) -> Iterator[str]:
    yield "To improve, by theme:" + ("" if review.improve else " no notes this quarter")
    for theme in review.improve:
        yield f"  {theme.theme or 'other'}:"
        for note in theme.notes:
            about = f" ({note.about})" if note.about else ""
            yield f"    {note.date}{about}: {note.text}"
    total = sum(review.opportunity_kinds.values())
    kinds = ", ".join(f"{count} {kind}" for kind, count in review.opportunity_kinds.items())
    yield f"Opportunities: {total}" + (f" ({kinds})" if kinds else "")
    for source in review.opportunities:
        yield f"  {source.name}: " + ", ".join(source.outcomes)


def _decisions(review: QuarterReview) -> Iterator[str]:
    if review.reviewed_on is None:
        yield "Decisions: none recorded yet (reviews.yml)"
        return
    yield f"Decisions of {review.reviewed_on}: {counted(len(review.decisions), 'decision')}"
    for decision in review.decisions:
        circle = f" to {decision.circle}" if decision.circle else ""
        note = f": {decision.note}" if decision.note else ""
        yield f"  {decision.action}{circle} {decision.name}{note}"


def review_text(review: QuarterReview, report: Report) -> str:
    """The review as lines: candidates and plan (today's quarter), notes, opportunities,
    decisions."""
    last = review.end - dt.timedelta(days=1)
    lines = [f"Review of {review.quarter} ({review.start} to {last}), as of {report.today}"]
    if review.current:
        lines.extend(_candidates(review))
        lines.extend(_plan(report))
    lines.extend(_quarter(review))
    lines.extend(_decisions(review))
    return "\n".join(lines)


def review_json(review: QuarterReview, report: Report) -> str:
    """The review as JSON; today's quarter with the roadmap and the habits."""
    data = to_jsonable(review)
    assert isinstance(data, dict), "a review is a record"
    if review.current:
        data["roadmap"] = to_jsonable(report.roadmap)
        data["habits"] = to_jsonable(report.habits)
    return dumps(data)
