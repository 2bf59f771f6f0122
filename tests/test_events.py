"""One event per inspection: the Chinese original, its English edition and republished copies."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from samples import SAMPLE_TOPICS, sample_articles, sample_config, seeded_database

from core.config import SubscriberConfig
from core.db.engine import Database
from core.records import Official, Stop, Visit
from core.store import save_article
from core.stored_visits import load_visits
from core.visit_events import person_key, place_key, same_event
from notifier.compose import DigestItem, build_context
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.matching import WatchIndex
from notifier.render import render_digest
from notifier.subscribers import import_subscribers

NOW = datetime(2023, 3, 30, 0, 0)

EN, STEEL, ZH = (a.visits[0] for a in sample_articles())


def test_keys_cross_scripts():
    assert "liuqiang" in person_key("刘强") and "liuqiang" in person_key("Liu Qiang")
    assert "liuqiang" in person_key("Qiang Liu") and "liuqiang" in person_key("LIÚ  Qiáng")
    assert place_key("Pingyin County") == place_key("Pingyin") == {"pingyin"} <= place_key("平阴县")
    assert place_key("Changqing District") == {"changqing"} <= place_key("长清区")


@pytest.mark.parametrize(("a", "b", "same"), [
    (EN, ZH, True),                                                   # the English edition of 刘强's visit
    (ZH, EN, True),
    (EN, replace(EN, stops=[], regions=["Pingyin"]), True),           # a republisher's shorter copy
    (EN, replace(ZH, regions=["长清区"], stops=[]), True),              # one region in common is enough
    (EN, replace(ZH, date="2023-03-28"), False),                      # another day
    (EN, replace(ZH, officials=[Official("李国强")]), False),           # another leader
    (EN, replace(ZH, regions=["莱芜区"], stops=[Stop("莱芜钢铁", "enterprise", "莱芜区")]), False),
    (EN, STEEL, False),                                               # one day, elsewhere, someone else
    (replace(EN, date=None), replace(ZH, date=None), False),          # undated: nothing to go by
    (EN, replace(EN, regions=["Laiwu District"],                      # same official, same day,
                 stops=[Stop("Laiwu Steel Group", "enterprise", "Laiwu District")]), False),  # elsewhere
])
def test_same_event(a: Visit, b: Visit, same: bool):
    assert same_event(a, b) is same


def test_the_store_links_each_report_to_its_event(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'events.db'}")
    en, steel, zh = sample_articles()
    for article in (en, steel, zh):
        save_article(db, article)
    copy = replace(en, url="https://republisher.example/news/1.html", source="republisher")
    save_article(db, copy)
    by_url = {v.url: v for v in load_visits(db)}
    first = by_url[en.url]
    assert first.event_id is None and first.event == first.id
    assert by_url[zh.url].event == first.id and by_url[copy.url].event == first.id
    assert by_url[steel.url].event == by_url[steel.url].id
    moved = replace(zh, visits=[replace(zh.visits[0], date="2023-03-30")])  # corrected: another day
    save_article(db, moved)
    assert {v.url: v for v in load_visits(db)}[zh.url].event_id is None
    db.close()


def _digest(db: Database, language: str):
    visits = load_visits(db)
    index = WatchIndex.build([type("Sub", (), {"id": 1, "watches": ["topic:carbon", "place:Pingyin"]})()],
                             SAMPLE_TOPICS)
    items = [DigestItem(v, index.match(v)) for v in visits if index.match(v)]
    return build_context(email="ana@example.org", frequency="daily", timezone="Asia/Shanghai",
                         watches=["topic:carbon"], items=items, now=NOW, unsubscribe_url="https://x.example/u",
                         unsubscribe_mailto="mailto:u@x.example", language=language)


def test_a_digest_shows_an_event_once_with_all_its_sources(tmp_path: Path):
    db = seeded_database(f"sqlite:///{tmp_path / 'events.db'}")
    for language, lead in (("en", "Liu Qiang"), ("zh", "刘强")):
        context = _digest(db, language)
        assert context.count == 1, "the English edition and the Chinese original are one event"
        (day,) = context.days
        (group,) = day.officials
        (card,) = group.visits
        assert group.name == lead  # the report in the reader's language leads
        english = "Liu Qiang conducts investigations in Pingyin County and Changqing District"
        assert {s.title for s in card.sources} == {"刘强到平阴县、长清区调研", english}
        assert [m.label for m in card.matches] == ["carbon", "place:Pingyin"]
        text = render_digest(context).text
        assert text.count("刘强到平阴县、长清区调研") == 1 and "+ 1 more" not in context.subject
    db.close()


def test_a_second_report_a_day_later_is_not_mailed_again(tmp_path: Path, db_url: str):
    """The ledger is asked, in the database, whether the event was sent: SQLite and PostgreSQL."""
    db = Database(db_url)
    en, steel, zh = sample_articles()
    import_subscribers(db, [SubscriberConfig(email="ana@example.org", watches=["place:Pingyin OR Laiwu"],
                                             frequency="immediate")], now=NOW - timedelta(days=1))
    save_article(db, en)
    assert queue_new_matches(db, SAMPLE_TOPICS, NOW) == 1
    report = send_due_digests(db, sample_config(tmp_path), NOW, outbox=tmp_path / "out", secret="s")
    assert report.visits_delivered == 1
    save_article(db, zh)  # the Chinese original, a day later: the same event
    save_article(db, steel)  # and another event
    later = NOW + timedelta(days=1)
    assert queue_new_matches(db, SAMPLE_TOPICS, later) == 1  # the steel visit only
    report = send_due_digests(db, sample_config(tmp_path), later, outbox=tmp_path / "out", secret="s")
    assert report.visits_delivered == 1 and [d.subject for d in report.digests] == [
        "Yu Haitian inspected Laiwu Steel (Laiwu)"]
    db.close()
