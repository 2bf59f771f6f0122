"""Which Chinese candidate sites are stops: no regions, towns only when no named site is in them,
zones only when alone, each site once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.records import Stop
from crawler.visits.language import to_simplified
from crawler.visits.stops import dedupe, is_zone, zh_kind
from crawler.visits.zh.same_site import same_site_once
from crawler.visits.zh.site_lists import one_per_village
from crawler.visits.zh.site_names import TOWN


@dataclass
class Item:
    """A candidate stop: the original-character name and where it is."""

    name: str
    start: int
    declared: bool
    sentence: int


def _container(simple: str) -> bool:
    return bool(TOWN.search(simple)) or is_zone(simple)


def _town_is_stop(name: str, towns: list[Item], specific: list[Item], towns_named: bool) -> bool:
    """A town gone to is a stop of its own when no named site is in it: listed among sites
    (…产业园区、卡加道乡，…), or, in an article that names its sites with their towns, gone to
    with no site named in it (深入甲镇、乙镇…，来到乙镇A村). Not when a site's name or sentence
    (在横店镇，…走进金穗合作社) puts a site in it."""
    if any(name in to_simplified(i.name) for i in specific):
        return False
    gaps = [i.start - (town.start + len(town.name)) if i.start > town.start else town.start - (
        i.start + len(i.name)) for town in towns if to_simplified(town.name) == name
        for i in specific if i.sentence == town.sentence]
    if any(gap <= 2 for gap in gaps):
        return True
    return not gaps and towns_named


_AT_LIST = re.compile(r"在[^，,。；;！？\n在]*$")
# 到甲街道和乙街道，看望慰问了集中隔离点的工作人员: towns whose unnamed places the party greets or checks.
_UNNAMED_THERE = re.compile(r"[^。；;！？\n]{0,12}?[，,](?:看望慰问|走访慰问|看望|慰问|察看|查看|检查|督办)"
                            r"了?[^，,。；;！？\n]{0,16}?(?:点|站|所|现场|卡口)")


def zh_stops(items: list[Item], simple_names: set[str], simple_text: str = "") -> list[Stop]:
    """Items -> stops: no regions, towns only when alone or when the sites name their towns and
    none is in this one, zones only when alone."""
    kept = [i for i in items if i.name not in simple_names]
    specific = [i for i in kept if not _container(to_simplified(i.name))]
    sentences_with_specific = {i.sentence for i in specific}
    towns_named = any(to_simplified(t.name) in to_simplified(i.name) for t in kept
                      if TOWN.search(to_simplified(t.name)) for i in specific)
    # 在甲镇、乙街道，王强听取汇报…: towns where the party stops, in a sentence naming no site
    stayed = {i.sentence for i in kept if _AT_LIST.search(simple_text, max(0, i.start - 40), i.start)
              or _UNNAMED_THERE.match(simple_text, i.start + len(i.name))} - sentences_with_specific
    out: list[Stop] = []
    for item in sorted(kept, key=lambda i: i.start):
        simple = to_simplified(item.name)
        if TOWN.search(simple) and specific and item.sentence not in stayed and not _town_is_stop(
                simple, kept, specific, towns_named):
            continue
        if is_zone(simple) and item.sentence in sentences_with_specific and item not in specific:
            continue
        out.append(Stop(item.name, zh_kind(to_simplified(item.name))))
    return same_site_once(dedupe(one_per_village(out)))
