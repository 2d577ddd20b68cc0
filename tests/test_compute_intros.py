"""Introductions, worked by hand: who pairs and why, who is left out, the cap per person and
per word, who could introduce you, introductions made and their follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.compute.intros import (
    TERM_CAP,
    MentorPool,
    Words,
    candidate_pairs,
    phrase,
)
from site_builder.compute.report import IntroSuggestion
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 3, 18)  # a Wednesday: the week is Monday 16 to Sunday 22 March
MET = "met: {on: 2026-01-01}\n"

FILES = {
    # ada and bea: both care about pricing, both in Fintech at different companies
    "contacts/ada.yml": (
        "name: Ada Byron\ncircle: inner\ncompany: Alpha\nindustry: Fintech\n"
        + MET
        + "interests: [Pricing strategy, sailing]\n"
    ),
    # bea is after open banking people: cy knows open banking
    "contacts/bea.yml": (
        "name: Bea Lund\ncircle: middle\ncompany: Beta\nindustry: Fintech\n"
        + MET
        + "interests: [pricing]\ncan_help_them: Intros to open-banking people; a new job\n"
    ),
    "contacts/cy.yml": (
        "name: Cy Oduya\ncircle: middle\ncompany: Gamma\nindustry: Software\n"
        + MET
        + "interests: [open banking]\n"
    ),
    # dee works with ada (same company): colleagues are never suggested
    "contacts/dee.yml": (
        "name: Dee Alpha\ncircle: outer\ncompany: alpha\nindustry: Fintech\n"
        + MET
        + "interests: [pricing]\n"
    ),
    # eli is archived, fay sits in the "avoid" quadrant, gus is a prospect
    "contacts/eli.yml": "name: Eli Gone\ncircle: outer\narchived: true\n"
    + MET
    + "interests: [pricing]\n",
    "contacts/fay.yml": (
        "name: Fay Far\ncircle: outer\ninfluence: 1\naccessibility: 1\n"
        + MET
        + "interests: [pricing]\n"
    ),
    "contacts/gus.yml": (
        "name: Gus New\ncircle: outer\ncompany: BETA\ninterests: [pricing]\n"
        "met: {how: Saw his talk, event: meetup}\n"
    ),
    # hal asked for a mentor; ivy sits on the board as a mentor, jo is an executive
    "contacts/hal.yml": (
        "name: Hal Young\ncircle: outer\nseniority: junior\n"
        + MET
        + "can_help_them: A mentor for my first product role\n"
    ),
    "contacts/ivy.yml": (
        "name: Ivy Board\ncircle: middle\nboard_role: mentor\nseniority: mid\n"
        + MET
        + "interests: [knitting]\n"
    ),
    "contacts/jo.yml": "name: Jo Exec\ncircle: outer\nseniority: executive\n" + MET,
    # kit and ada both sail, but kit was introduced to ada already
    "contacts/kit.yml": "name: Kit Sails\ncircle: outer\n" + MET + "interests: [Sailing]\n",
    "interactions/2026.yml": """\
        - {date: 2026-03-04, with: [kit], kind: email, introduced: [ada]}
        - {date: 2026-03-10, with: [kit], kind: call}
        - {date: 2026-03-16, with: [bea], kind: coffee}
        - {date: 2026-02-01, with: [cy], kind: call}
        """,
    "events.yml": "- {id: meetup, name: Open Banking Night, date: 2026-02-10, met: [cy]}\n",
}


def report_of(root: Path, today: dt.date = TODAY) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, today)


def pairs(report: Report) -> dict[tuple[str, str], IntroSuggestion]:
    return {(s.first, s.second): s for s in report.introductions.suggestions}


def test_pairs_score_what_they_share_with_a_reason_for_each(write_data: WriteData) -> None:
    found = pairs(report_of(write_data(FILES)))
    assert set(found) == {
        ("ada", "bea"),
        ("bea", "cy"),
        ("bea", "dee"),
        ("hal", "ivy"),
        ("hal", "jo"),
    }
    ada_bea = found["ada", "bea"]  # a shared interest (2) + one industry, two companies (1)
    assert (ada_bea.score, ada_bea.reasons) == (3, ("both care about pricing", "both in Fintech"))
    bea_cy = found["bea", "cy"]  # cy's interest is in bea's `can_help_them`: 3
    assert (bea_cy.score, bea_cy.reasons) == (3, ("Cy can help Bea with open banking",))
    assert found["hal", "ivy"].reasons == ("Ivy could mentor Hal, who asked for a mentor",)
    assert found["hal", "jo"].score == 3  # an executive is two levels above a junior


def test_left_out_colleagues_archived_avoid_prospects_and_pairs_introduced(
    write_data: WriteData,
) -> None:
    found = pairs(report_of(write_data(FILES)))
    everyone = {c for pair in found for c in pair}
    assert everyone.isdisjoint({"eli", "fay", "gus", "kit"})
    assert ("ada", "dee") not in found  # both at Alpha (company names are folded)


def test_best_pairs_first_then_the_closer_pair(write_data: WriteData) -> None:
    found = report_of(write_data(FILES)).introductions.suggestions
    # every pair scores 3; bea (a coffee on Monday) and cy (a call in February) are the
    # only ones touched, so the pair of both leads, then bea's others by name; then by names
    assert [(s.first, s.second) for s in found] == [
        ("bea", "cy"),
        ("ada", "bea"),
        ("bea", "dee"),
        ("hal", "ivy"),
        ("hal", "jo"),
    ]
    assert found[0].strength > found[1].strength == found[2].strength > found[3].strength == 0


def test_a_person_is_in_at_most_three_pairs_best_first(write_data: WriteData) -> None:
    people = {
        f"contacts/{name}.yml": f"name: {name.title()}\ncircle: outer\n{MET}interests: [chess]\n"
        for name in ("a", "b", "c", "d", "e")
    }
    kept = [(s.first, s.second) for s in report_of(write_data(people)).introductions.suggestions]
    # all score 2 with no strength: by names, a pair is kept while both have room
    assert kept == [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]


def test_a_word_shared_by_many_pairs_only_its_strongest(write_data: WriteData) -> None:
    count = TERM_CAP + 6
    files = {
        f"contacts/p{n}.yml": f"name: P{n}\ncircle: outer\n{MET}interests: [chess]\n"
        for n in range(count)
    }
    touches = "".join(  # calls on different days: different strengths
        f"- {{date: 2026-03-{1 + n % 17:02d}, with: [p{n}], kind: call}}\n" for n in range(count)
    )
    root = write_data({**files, "interactions/2026.yml": touches})
    report = report_of(root)
    ranked = sorted((-p.strength.score, p.contact) for p in report.people)
    words = Words.of(ranked, load(root).dataset.contacts, report.people_by_id)
    compared = list(candidate_pairs(words, MentorPool()))
    assert len(compared) == TERM_CAP * (TERM_CAP - 1) // 2  # not count x (count - 1) / 2
    assert {c.contact for pair in compared for c in pair} == {c for _, c in ranked[:TERM_CAP]}
    assert len(report.introductions.suggestions) == TERM_CAP * 3 // 2  # three pairs each


def test_phrases_are_normalised_words() -> None:
    assert phrase("Intros to UK open-banking people").norm == "uk open banking"
    assert phrase("Cross-border Payments").terms == {"cross", "border", "payment"}


def test_who_could_introduce_you_shares_an_event_or_a_company(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    found = report.introductions.introducers_for("gus")
    assert found is not None
    assert [(i.contact, i.via, i.where) for i in found.introducers] == [
        ("bea", "company", "Beta"),  # the strongest first: a coffee on Monday
        ("cy", "event", "Open Banking Night"),
    ]
    assert report.introductions.introducers_for("ada") is None  # met: not a target


def test_who_could_introduce_you_shares_a_community(write_data: WriteData) -> None:
    files = {
        **FILES,
        "communities.yml": "- {id: guild, name: The Guild, kind: association, joined: 2025-01-01}\n",
        # cy was met at the Guild; hal, not met yet, too: cy could introduce hal
        "contacts/cy.yml": FILES["contacts/cy.yml"].replace(MET, "met: {community: guild}\n"),
        "contacts/hal.yml": "name: Hal Prospect\ncircle: outer\nmet: {community: guild}\n",
    }
    found = report_of(write_data(files)).introductions.introducers_for("hal")
    assert found is not None
    assert [(i.contact, i.via, i.where) for i in found.introducers] == [
        ("cy", "community", "The Guild")
    ]


def test_introductions_made_and_following_up_with_both(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    made = report.introductions.made
    assert [(m.date, m.first, m.second, m.follow_up) for m in made] == [
        (dt.date(2026, 3, 4), "kit", "ada", dt.date(2026, 3, 18))
    ]
    assert report.introductions.made_for("ada") == made == report.introductions.made_for("kit")
    item = next(i for i in report.agenda.items if i.kind == "intro_follow_up")
    # kit had a call on 10 March, after the introduction; ada has had nothing since
    assert (item.contact, item.other, item.due) == ("ada", "kit", dt.date(2026, 3, 18))
    assert item.name == "Kit Sails, Ada Byron"
    assert (
        item.reason
        == "introduced Kit Sails to Ada Byron on Wed 04 Mar · two weeks on · heard from one since"
    )
    assert item.template == "check_in" and "Ada" in item.draft


def test_no_follow_up_once_both_were_in_touch_or_outside_the_week(write_data: WriteData) -> None:
    files = dict(FILES)
    files["interactions/2026.yml"] = FILES["interactions/2026.yml"] + (
        "- {date: 2026-03-17, with: [ada], kind: message}\n"
    )
    assert not [i for i in report_of(write_data(files)).agenda.items if i.kind == "intro_follow_up"]
    next_week = report_of(write_data(FILES), dt.date(2026, 3, 23)).agenda.items
    assert not [i for i in next_week if i.kind == "intro_follow_up"]


def test_a_suggested_pair_becomes_a_give_drafted_for_both(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    gives = [i for i in report.agenda.items if i.kind == "give"]
    assert gives, report.agenda
    # each pair goes to the first of its two people not offered a better one: bea (with
    # cy), ada (with bea: but ada is overdue, a touch), dee (with bea), hal (with ivy), jo
    # (with hal). A budget of 10 takes two gives: bea (middle circle, weight 2 x (0.5 +
    # strength)) and, of the outer circle's 1 x 0.5, the first by name: dee
    assert [(g.contact, g.other) for g in gives] == [("bea", "cy"), ("dee", "bea")]
    give = gives[0]
    assert give.reason == "introduce them to Cy Oduya · Cy can help Bea with open banking"
    assert give.move == "Introduce Bea and Cy: one short note to both"
    assert give.template == "intro_both"
    assert give.draft.startswith("Hi Bea and Cy,")


def test_a_mentor_is_two_levels_above_whoever_asks_by_tag(write_data: WriteData) -> None:
    files = {
        "contacts/may.yml": f"name: May\ncircle: outer\nseniority: mid\ntags: [wants-mentor]\n{MET}",
        "contacts/sr.yml": f"name: Sr\ncircle: outer\nseniority: senior\n{MET}",
        "contacts/ex.yml": f"name: Ex\ncircle: outer\nseniority: executive\n{MET}",
    }
    found = pairs(report_of(write_data(files)))
    assert list(found) == [("ex", "may")]  # a senior is one level above a mid: not enough
    assert found["ex", "may"].reasons == ("Ex could mentor May, who asked for a mentor",)


def test_a_topic_counted_as_help_is_not_counted_again(write_data: WriteData) -> None:
    files = {
        "contacts/ann.yml": f"name: Ann\ncircle: outer\ninterests: [pricing]\n{MET}",
        "contacts/ben.yml": (
            f"name: Ben\ncircle: outer\ninterests: [Pricing, chess]\n{MET}"
            "can_help_them: Pricing reviews for the new plans\n"
        ),
    }
    found = pairs(report_of(write_data(files)))
    assert (found["ann", "ben"].score, found["ann", "ben"].reasons) == (
        3,
        ("Ann can help Ben with pricing",),
    )
