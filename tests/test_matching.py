"""Matching visits against many watches: word rules, fields, topics, the terms reported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from samples import SAMPLE_TOPICS, sample_articles

from core.records import Official, Stop, Visit
from core.stored_visits import StoredVisit
from notifier.matching import WatchIndex, filter_visits
from notifier.watches import WatchSyntaxError


@dataclass
class Sub:
    id: int
    watches: list[str]


def stored(index: int) -> StoredVisit:
    article = sample_articles()[index]
    return StoredVisit(index + 1, article.visits[0], article.url, article.title, article.published,
                       article.source, article.language, datetime(2023, 3, 30))


EN, STEEL, ZH = stored(0), stored(1), stored(2)


def matched(watch: str, visit: StoredVisit) -> tuple[str, ...] | None:
    found = WatchIndex.build([Sub(1, [watch])], SAMPLE_TOPICS).match(visit)
    return found[0].terms if found else None


@pytest.mark.parametrize(("watch", "visit", "terms"), [
    ("carbon", EN, ("carbon",)),
    ("CARBON", EN, ("CARBON",)),                      # case folded
    ("carb", EN, None),                               # whole words only
    ("carb*", EN, ("carb*",)),                        # unless a prefix
    ("arbon*", EN, None),                             # a prefix starts a word
    ('"Longshan Carbon"', EN, ("Longshan Carbon",)),
    ('"Carbon Longshan"', EN, None),
    ('"Carbon Co"', EN, ("Carbon Co",)),              # punctuation does not break a phrase
    ("炭素", ZH, ("炭素",)),                            # Chinese: substrings
    ("龙山炭", ZH, ("龙山炭",)),
    ("炭素", EN, None),
    ("official:刘强", ZH, ("刘强",)),
    ("official:Pingyin", EN, None),                   # field restricts where to look
    ("place:Pingyin", EN, ("Pingyin",)),
    ("place:Xiaolizhuang", EN, ("Xiaolizhuang",)),    # stops are places
    ("org:Longshan", EN, ("Longshan",)),
    ("org:Quanfu", EN, None),                         # a project is not an organisation
    ("org:Steel", STEEL, ("Steel",)),
    ("carbon -steel", EN, ("carbon",)),
    ("carbon -Pingyin", EN, None),
    ("steel OR carbon", STEEL, ("steel",)),
    ("(steel OR coal) Laiwu", STEEL, ("steel", "Laiwu")),
    ("(steel OR coal) Pingyin", STEEL, None),
    ("topic:carbon", EN, ("carbon", "graphite")),
    ("topic:carbon", ZH, ("炭素",)),                   # the Chinese keyword of an English topic
    ("topic:steel", EN, None),
    ("place:(Pingyin OR 平阴) -official:Yu", ZH, ("平阴县", "平阴")),
    ("secretary", EN, ("secretary",)),                # officials' titles are searched too
])
def test_watch_semantics(watch, visit, terms):
    assert matched(watch, visit) == terms


@pytest.mark.parametrize(("watch", "visit", "terms"), [
    ('official:"Liu Qiang"', ZH, ("刘强",)),          # pinyin finds the Chinese name...
    ("official:刘强", EN, ("Liu Qiang",)),             # ...and the Chinese name the pinyin
    ("official:LiuQiang", ZH, ("刘强",)),              # syllable breaks are ignored
    ('official:"Liú Qiáng"', ZH, ("刘强",)),           # so are tones
    ('official:"Qiang Liu"', ZH, ("刘强",)),           # and the Western order
    ('official:"Liu Qiangmin"', ZH, None),             # a whole name, not a prefix of one
    ('official:"Li Guoqiang"', ZH, ("李国强",)),        # accompanying officials too
    ("official:李国强", ZH, ("李国强",)),
    ("official:Liu", ZH, None),                        # a surname alone names no one
    ('"Liu Qiang"', ZH, None),                         # a plain phrase stays literal
    ("Pingyin", ZH, None),                             # so does a plain word
    ("place:Pingyin", ZH, ("平阴县",)),                # the gazetteer's pinyin of 平阴
    ('place:"Ping Yin"', ZH, ("平阴县",)),
    ("place:平阴", EN, ("Pingyin County",)),
    ("place:平阴县", EN, ("Pingyin County",)),
    ('place:"Pingyin County"', ZH, ("平阴县",)),
    ("place:Changqing", ZH, ("长清区",)),
    ("place:Laiwu", ZH, None),
    ("place:莱芜", STEEL, ("Laiwu District",)),
    ("official:Pingyin", ZH, None),                    # the field still restricts where to look
    ("place:Pingyin -official:刘强", EN, None),         # an exclusion crosses scripts too
])
def test_names_match_across_scripts(watch, visit, terms):
    assert matched(watch, visit) == terms


def test_cross_script_names_filter_records():
    assert filter_visits([EN, STEEL, ZH], 'official:"Liu Qiang" place:平阴', SAMPLE_TOPICS) == [EN, ZH]


def test_plain_words_match_only_text_a_digest_shows():
    """Topic tags come from the article's body, which a digest does not show: a plain word does not
    look there; a topic: watch still matches its tag, and reports no term it cannot show."""
    tagged = StoredVisit(8, Visit(officials=[Official("Liu Qiang")], regions=["Pingyin County"],
                                  topics=["carbon"]), "https://x.example/8", "Liu Qiang in Pingyin",
                         None, "s", "en", datetime(2023, 1, 1))
    assert matched("carbon", tagged) is None
    assert matched("topic:carbon", tagged) == ()


def test_many_subscribers_one_index():
    subscribers = [Sub(1, ["topic:carbon", "place:Laiwu"]), Sub(2, ["org:Longshan"]),
                   Sub(3, ["steel -Laiwu"]), Sub(4, ["topic:carbon"])]
    index = WatchIndex.build(subscribers, SAMPLE_TOPICS)
    assert len(index) == 4  # "topic:carbon" is indexed once for both owners
    got = {(m.subscriber_id, m.watch) for m in index.match(EN)}
    assert got == {(1, "topic:carbon"), (2, "org:Longshan"), (4, "topic:carbon")}
    assert {(m.subscriber_id, m.watch) for m in index.match(STEEL)} == {(1, "place:Laiwu")}


def test_broken_and_unknown_watches_are_reported_not_fatal():
    index = WatchIndex.build([Sub(1, ["(broken", "topic:mining", "carbon"])], SAMPLE_TOPICS)
    assert any("unbalanced" in p for p in index.problems)
    assert any("unknown topic 'mining'" in p for p in index.problems)
    assert [m.watch for m in index.match(EN)] == ["carbon"]


def test_control_characters_and_fullwidth_text_are_normalised():
    visit = Visit(officials=[Official("ＬＩＵ　Ｑｉａｎｇ")], stops=[Stop("Alpha\r\nBeta Ltd", "enterprise")])
    record = StoredVisit(9, visit, "https://x.example/1", "t", None, "s", "en", datetime(2023, 1, 1))
    assert matched('official:"liu qiang"', record) == ("liu qiang",)
    assert matched('org:"alpha beta"', record) == ("alpha beta",)


def test_filter_visits_for_records_command():
    assert filter_visits([EN, STEEL, ZH], "topic:carbon", SAMPLE_TOPICS) == [EN, ZH]
    with pytest.raises(WatchSyntaxError):
        filter_visits([EN], "(carbon", SAMPLE_TOPICS)


def test_one_index_per_run_gives_each_subscriber_its_own_order():
    """digest_items with a run's shared index = with the subscriber's own index (order, terms, duplicates)."""
    from notifier.matching import RunMatcher

    subscribers = [Sub(1, ["Pingyin", "carbon", "steel OR carbon"]),
                   Sub(2, ["steel OR carbon", "carbon", "Pingyin", "carbon", "CARBON"]),
                   Sub(3, ["carbon  Pingyin", "Pingyin carbon", "((", "Laiwu"]),
                   Sub(4, ["Laiwu", "(steel OR coal) Laiwu", "topic:carbon"])]
    shared = RunMatcher(subscribers, SAMPLE_TOPICS)  # type: ignore[arg-type]
    for visit in (EN, STEEL, ZH):
        for subscriber in subscribers:
            alone = WatchIndex.build([subscriber], SAMPLE_TOPICS).match(visit)
            assert shared.match(subscriber, visit) == alone  # type: ignore[arg-type]
    assert shared.match(subscribers[1], EN)[0].watch == "steel OR carbon"
