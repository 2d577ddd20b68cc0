"""News about people worth a word: good news to congratulate, a lay-off to support.

A contact's news competes for the week's budget for `NEWS_WINDOW_DAYS` days, until you
are in touch with them on or after its day: the latest news of each active contact, one
move each, scored by how much the relationship matters and how fresh the news is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from site_builder.compute.index import Index
from site_builder.compute.report import AgendaItem
from site_builder.models.contacts import News
from site_builder.plural import counted

NEWS_WINDOW_DAYS = 30
"""How long news waits for a word from you."""
NEWS_WORDS: Mapping[str, str] = {
    "new_job": "new job",
    "promotion": "promotion",
    "launch": "launch",
    "award": "award",
    "laid_off": "laid off",
    "other": "news",
}
MOVES: Mapping[str, tuple[str, str]] = {
    "laid_off": ("Offer support: an introduction, a reference or a coffee, no pitch", "support"),
    "other": ("A word on their news", "check_in"),
}
"""The move and template for news that is not simply good; the rest is congratulated."""
CONGRATULATE = ("Congratulate them: a short note, no ask", "congratulate")


def unanswered(index: Index, contact_id: str) -> News | None:
    """The contact's latest news of the last `NEWS_WINDOW_DAYS` days, unless you have been
    in touch since (a touch on its day counts)."""
    today = index.today
    recent = [
        news
        for news in index.contacts[contact_id].news
        if news.date <= today and (today - news.date).days < NEWS_WINDOW_DAYS
    ]
    if not recent:
        return None
    latest = max(recent, key=lambda news: news.date)
    last_touch = index.history(contact_id).last_touch
    return None if last_touch is not None and last_touch >= latest.date else latest


def unanswered_news(index: Index) -> Iterator[tuple[str, News]]:
    """(contact, news) for each active contact with news to answer, by contact id."""
    for contact_id in index.with_news:
        news = unanswered(index, contact_id)
        if news is not None:
            yield contact_id, news


def freshness(news: News, today: dt.date) -> float:
    """2 on the day of the news, falling to 1 when it leaves the window."""
    return 2.0 - (today - news.date).days / NEWS_WINDOW_DAYS


def news_item(index: Index, contact_id: str, news: News, score: float) -> AgendaItem:
    """The move that answers a contact's news: its reason, move and template."""
    ago = (index.today - news.date).days
    when = "today" if ago == 0 else f"{counted(ago, 'day')} ago"
    move, template = MOVES.get(news.kind, CONGRATULATE)
    return AgendaItem(
        "news",
        contact_id,
        index.name(contact_id),
        None,
        f"{NEWS_WORDS[news.kind]}: {news.text} · {when} · no word from you since",
        move,
        template,
        key=f"news-{contact_id}-{news.date}-{news.kind}",
        score=score,
    )
