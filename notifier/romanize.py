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

Person keys come from :mod:`core.names`, which the store's event merge uses too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from core.names import latin_key, person_keys
from notifier.text import is_cjk

if TYPE_CHECKING:
    from core.gazetteer import Gazetteer

__all__ = ["person_keys", "place_keys"]

_EN_SUFFIX = re.compile(r"\s+(county|district|city|province|banner|league|prefecture|"
                        r"autonomous county|autonomous prefecture|autonomous region)$", re.IGNORECASE)


def _gazetteer() -> Gazetteer:
    """The gazetteer, imported and built (once, about two seconds) only when a place is keyed."""
    from core.gazetteer import gazetteer

    return gazetteer()


@lru_cache(maxsize=1)
def _latin_places() -> dict[str, frozenset[str]]:
    """The gazetteer's pinyin and English names by key ("xian" holds 西安 and any other Xi'an)."""
    table: dict[str, set[str]] = {}
    for name, region in _gazetteer().en.items():
        table.setdefault(latin_key(name), set()).update(region.codes)
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
        codes = places.get(latin_key(text)) or places.get(latin_key(_EN_SUFFIX.sub("", text)), frozenset())
    return tuple(sorted(codes))
