"""One event per inspection: the Chinese original, its English edition and republished copies."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.db.engine import Database
from core.events import person_key, place_key, same_event
from core.records import Official, Stop, Visit
from core.store import load_visits, save_article
from notifier.testing import sample_articles

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
