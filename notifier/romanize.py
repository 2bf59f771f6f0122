"""Cross-script keys: one spelling-free key for a name written in Chinese or in pinyin.

``official:"Liu Qiang"`` should find 刘强 and ``official:刘强`` should find Liu Qiang;
``place:Pingyin`` should find 平阴县. Both sides are reduced to keys that ignore tones,
case and syllable breaks:

* a person's key is the pinyin of the Chinese name (刘强 -> ``liuqiang``) or the Latin
  name without marks, spaces, hyphens and apostrophes ("Liú Qiáng" -> ``liuqiang``);
  a two-word Latin name is also keyed in the other order ("Qiang Liu");
* a place's keys are the gazetteer's region codes: 平阴县, 平阴, "Pingyin" and
  "Pingyin County" all name region 370124 (the gazetteer holds every reading and
  the conventional English names such as Hohhot and Inner Mongolia).

Only field terms (``official:``, ``place:``) use these keys; a plain word stays literal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from pypinyin import lazy_pinyin

from notifier.text import is_cjk

if TYPE_CHECKING:
    from core.gazetteer import Gazetteer

_MARKS = re.compile(r"[\u0300-\u036f]")
_NOT_LETTER = re.compile(r"[^a-z]")
_EN_SUFFIX = re.compile(r"\s+(county|district|city|province|banner|league|prefecture|"
                        r"autonomous county|autonomous prefecture|autonomous region)$", re.IGNORECASE)


def _latin_key(text: str) -> str:
    """"Liú Qiáng" -> "liuqiang": no marks, no case, no breaks; ü is u."""
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _NOT_LETTER.sub("", folded)


@lru_cache(maxsize=1 << 14)
def person_keys(name: str) -> tuple[str, ...]:
    """The keys of a person's name ("" names and names of other scripts have none)."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not text:
        return ()
    if is_cjk(text):
        han = "".join(ch for ch in text if is_cjk(ch))
        key = _latin_key("".join(lazy_pinyin(han, v_to_u=True)))
        return (key,) if len(key) >= 2 and key.isascii() else ()
    words = text.split()
    keys = [_latin_key(text)]
    if len(words) == 2:
        keys.append(_latin_key(words[1] + words[0]))
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 2))


def _gazetteer() -> Gazetteer:
    """The gazetteer, imported and built (once, about two seconds) only when a place is keyed."""
    from core.gazetteer import gazetteer

    return gazetteer()


@lru_cache(maxsize=1)
def _latin_places() -> dict[str, frozenset[str]]:
    """The gazetteer's pinyin and English names by key ("xian" holds 西安 and any other Xi'an)."""
    table: dict[str, set[str]] = {}
    for name, region in _gazetteer().en.items():
        table.setdefault(_latin_key(name), set()).update(region.codes)
    return {key: frozenset(codes) for key, codes in table.items()}


@lru_cache(maxsize=1 << 14)
def place_keys(name: str) -> tuple[str, ...]:
    """The region codes a place name stands for, in either script (none when it names no region)."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    if not text:
        return ()
    if is_cjk(text):
        region = _gazetteer().zh.get(text)
        codes = frozenset(region.codes) if region is not None else frozenset()
    else:
        places = _latin_places()
        codes = places.get(_latin_key(text)) or places.get(_latin_key(_EN_SUFFIX.sub("", text)), frozenset())
    return tuple(sorted(codes))
