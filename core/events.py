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
from itertools import islice, product

from core.records import Visit

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MARKS = re.compile(r"[\u0300-\u036f]")
_NOT_LETTER = re.compile(r"[^a-z0-9]")
# Administrative suffixes, so 平阴县 and "Pingyin County" both come to "pingyin".
_ZH_SUFFIX = re.compile(r"(?:自治县|自治州|自治区|新区|地区|街道|社区|省|市|县|区|旗|盟|镇|乡|村)$")
_EN_SUFFIX = re.compile(r"\s+(?:autonomous\s+)?(?:county|district|city|province|prefecture|region|"
                        r"banner|league|new area|town|township|subdistrict|street|community|village)$",
                        re.IGNORECASE)


def _latin(text: str) -> str:
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _NOT_LETTER.sub("", folded.replace("ü", "u"))


def _pinyin(text: str) -> set[str]:
    """Every reading of the Chinese characters of ``text`` (长清: changqing, zhangqing), at most eight."""
    from pypinyin import Style, lazy_pinyin, pinyin  # its tables take 0.4 s: only when a name is keyed

    han = "".join(_CJK.findall(text))
    keys = {_latin("".join(lazy_pinyin(han, v_to_u=True)))}
    readings = [r[:3] for r in pinyin(han, style=Style.NORMAL, heteronym=True)]
    for combo in islice(product(*readings), 8):
        keys.add(_latin("".join(combo)))
    return keys


@lru_cache(maxsize=1 << 14)
def person_key(name: str) -> frozenset[str]:
    """刘强, "Liu Qiang", "LIU Qiang" and "Qiang Liu" share the key "liuqiang"."""
    text = unicodedata.normalize("NFKC", name).strip()
    if _CJK.search(text):
        return frozenset(k for k in _pinyin(text) if len(k) >= 2)
    words = text.split()
    keys = {_latin(text)} | ({_latin(words[1] + words[0])} if len(words) == 2 else set())
    return frozenset(k for k in keys if len(k) >= 2)


@lru_cache(maxsize=1 << 14)
def place_key(name: str) -> frozenset[str]:
    """平阴县 and "Pingyin County" -> {"pingyin"} (长清区 -> changqing and zhangqing)."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    if _CJK.search(text):
        stem = _ZH_SUFFIX.sub("", text)
        return frozenset(_pinyin(stem if len(stem) >= 2 else text))
    return frozenset([_latin(_EN_SUFFIX.sub("", text))])


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
