"""Events: the visits that several articles report (a Chinese original, its English edition,
republished copies) are one event.

Two visits are the same event when they are reported by different articles and have the same
date, the same leading official across scripts (刘强 = Liu Qiang = Qiang Liu, by pinyin with
tones and syllable breaks ignored) and at least one place in common across scripts (平阴县 =
Pingyin County; a region, or a stop's region or name). The same official on the same day in
different places is two events. The store links each visit to the first visit of its event
(``visits.event_id``); :mod:`core.store` applies :func:`same_event` when it saves an article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from core.names import has_han, latin_key, person_keys, pinyin_keys
from core.records import Visit

# Administrative suffixes, so 平阴县 and "Pingyin County" both come to "pingyin".
_ZH_SUFFIX = re.compile(r"(?:自治县|自治州|自治区|新区|地区|街道|社区|省|市|县|区|旗|盟|镇|乡|村)$")
_EN_SUFFIX = re.compile(r"\s+(?:autonomous\s+)?(?:county|district|city|province|prefecture|region|"
                        r"banner|league|new area|town|township|subdistrict|street|community|village)$",
                        re.IGNORECASE)


def person_key(name: str) -> frozenset[str]:
    """刘强, "Liu Qiang", "LIU Qiang" and "Qiang Liu" share the key "liuqiang" (every reading of
    the characters, at most eight)."""
    return frozenset(person_keys(name, readings=8))


@lru_cache(maxsize=1 << 14)
def place_key(name: str) -> frozenset[str]:
    """平阴县 and "Pingyin County" -> {"pingyin"} (长清区 -> changqing and zhangqing)."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    if has_han(text):
        stem = _ZH_SUFFIX.sub("", text)
        return frozenset(pinyin_keys(stem if len(stem) >= 2 else text, readings=8))
    return frozenset([latin_key(_EN_SUFFIX.sub("", text))])


def _places(visit: Visit) -> set[str]:
    names: Iterable[str] = [*visit.regions, *(s.region or "" for s in visit.stops),
                            *(s.name for s in visit.stops)]
    return {key for name in names for key in place_key(name) if len(key) >= 4}


def _lead(visit: Visit) -> frozenset[str]:
    return person_key(visit.officials[0].name) if visit.officials else frozenset()


def same_event(a: Visit, b: Visit) -> bool:
    """Same date, same leading official (across scripts), a place in common (across scripts)."""
    if not a.date or a.date != b.date:
        return False
    if not (_lead(a) & _lead(b)):
        return False
    return bool(_places(a) & _places(b))
