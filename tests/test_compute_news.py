"""News about people in the agenda: congratulate good news, support a lay-off, within 30
days and until you are in touch again, competing for the week's budget."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_builder.compute import Report, compute
from site_builder.compute.report import AgendaItem
from site_builder.loading.loader import load
from tests.conftest import WriteData

TODAY = dt.date(2026, 11, 23)  # a Monday: the week runs to Sunday 29 November


def contact(name: str, news: str, extra: str = "") -> str:
    return f"name: {name}\ncircle: middle\nmet: {{on: 2026-01-05}}\n{extra}news:\n{news}"


FILES = {
    # promoted 7 days ago, last touch before it: congratulate
    "contacts/tariq.yml": contact(
        "Tariq Hussain", "  - {date: 2026-11-16, kind: promotion, text: Principal Architect}\n"
    ),
    # laid off 14 days ago: support
    "contacts/sam.yml": contact(
        "Sam Kowalczyk", "  - {date: 2026-11-09, kind: laid_off, text: His team was cut}\n"
    ),
    # news 29 days ago is still in the window; other news is a plain word
    "contacts/dan.yml": contact(
        "Dan Osei", "  - {date: 2026-10-25, kind: other, text: Moved to Leeds}\n"
    ),
    # 30 days ago: too old
    "contacts/ola.yml": contact(
        "Ola Nowak", "  - {date: 2026-10-24, kind: award, text: Best paper}\n"
    ),
    # a call on the day of the news answers it
    "contacts/kim.yml": contact(
        "Kim Lee", "  - {date: 2026-11-18, kind: launch, text: Shipped payouts}\n"
    ),
    # archived: no move
    "contacts/old.yml": contact(
        "Old Friend",
        "  - {date: 2026-11-20, kind: new_job, text: Joined Acme}\n",
        "archived: true\n",
    ),
    # two pieces of news: the latest one is the move; the earlier was answered already
    "contacts/pia.yml": contact(
        "Pia Roth",
        "  - {date: 2026-11-02, kind: new_job, text: Joined Monzo}\n"
        "  - {date: 2026-11-20, kind: award, text: Fintech woman of the year}\n",
    ),
    # news dated after today is not news yet
    "contacts/zed.yml": contact(
        "Zed Ames", "  - {date: 2026-11-24, kind: launch, text: Launching tomorrow}\n"
    ),
    "interactions/2026.yml": """\
        - {date: 2026-09-03, with: [tariq], kind: video}
        - {date: 2026-11-18, with: [kim], kind: call}
        - {date: 2026-11-05, with: [pia], kind: message}
        """,
}


def report_of(root: Path, budget: int | None = None) -> Report:
    result = load(root)
    assert result.ok, result.problems
    return compute(result.dataset, TODAY, budget=budget)


def news_items(report: Report) -> dict[str, AgendaItem]:
    return {item.contact: item for item in report.agenda.items if item.kind == "news"}


def test_news_to_answer_enters_the_agenda_with_its_reason(write_data: WriteData) -> None:
    items = news_items(report_of(write_data(FILES)))
    assert sorted(items) == ["dan", "pia", "sam", "tariq"]
    tariq, sam, dan, pia = items["tariq"], items["sam"], items["dan"], items["pia"]
    assert (tariq.reason, tariq.move, tariq.template) == (
        "promotion: Principal Architect · 7 days ago · no word from you since",
        "Congratulate them: a short note, no ask",
        "congratulate",
    )
    assert (sam.reason, sam.template) == (
        "laid off: His team was cut · 14 days ago · no word from you since",
        "support",
    )
    assert sam.move.startswith("Offer support")
    assert (dan.reason, dan.template) == (
        "news: Moved to Leeds · 29 days ago · no word from you since",
        "check_in",
    )
    assert pia.reason.startswith("award: Fintech woman of the year · 3 days ago")
    assert tariq.key == "news-tariq-2026-11-16-promotion"
    assert tariq.due is None


def test_news_competes_for_the_budget_by_freshness_and_weight(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    scores = {i.contact: round(i.score, 4) for i in report.agenda.items if i.kind == "news"}
    # score = (2 - days since / 30) x weight; weight = middle circle 2 x (0.5 + strength/100)
    # sam: no touch, strength 0: (2 - 14/30) x 2 x 0.5 = 1.5333
    # dan: (2 - 29/30) x 2 x 0.5 = 1.0333
    strength = {p.contact: p.strength.score for p in report.people}
    assert (strength["sam"], strength["dan"]) == (0, 0)
    assert (scores["sam"], scores["dan"]) == (1.5333, 1.0333)
    # tariq and pia have touches: (2 - 7/30) x 2 x (0.5 + s/100) and (2 - 3/30) x ...
    assert scores["tariq"] == round((2 - 7 / 30) * 2 * (0.5 + strength["tariq"] / 100), 4)
    assert scores["pia"] == round((2 - 3 / 30) * 2 * (0.5 + strength["pia"] / 100), 4)
    # with room for two moves, the two best scores enter; the rest is later
    small = report_of(write_data(FILES), budget=2)
    best_two = sorted(scores, key=lambda c: -scores[c])[:2]
    assert [i.contact for i in small.agenda.items] == best_two
    assert {m.contact for m in small.agenda.later if m.kind == "news"} == {"sam", "dan"}


def test_a_news_item_is_drafted_and_takes_the_place_of_a_touch(write_data: WriteData) -> None:
    report = report_of(write_data(FILES))
    sam = news_items(report)["sam"]
    assert sam.draft.startswith("Hi Sam,\n\nI heard about ‹the news›")
    assert "the news" in sam.to_write
    others = [i.contact for i in report.agenda.items if i.kind != "news"]
    assert not {"dan", "pia", "sam", "tariq"} & set(others)


def test_a_touch_after_the_news_takes_it_off_the_agenda(write_data: WriteData) -> None:
    files = {
        **FILES,
        "interactions/2026.yml": FILES["interactions/2026.yml"].rstrip(" ")
        + "        - {date: 2026-11-21, with: [sam], kind: call}\n",
    }
    assert "sam" not in news_items(report_of(write_data(files)))
