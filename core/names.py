"""Spelling-free keys for names written in Chinese or in pinyin: 刘强, "Liu Qiang", "LIÚ Qiáng"
and "Qiang Liu" all give ``liuqiang``; tones, case, marks and syllable breaks are ignored.

The store keys an event's leading official with every reading of the characters (a name with
a character of several readings, 曾 zeng/ceng, gets each); watches key names by their usual
reading. pypinyin's tables take 0.4 s to load, so it is imported when a Chinese name is first keyed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice, product

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MARKS = re.compile(r"[\u0300-\u036f]")
_NOT_LETTER = re.compile(r"[^a-z0-9]")


def has_han(text: str) -> bool:
    return _CJK.search(text) is not None


def latin_key(text: str) -> str:
    """"Liú Qiáng" -> "liuqiang": no marks, no case, no breaks; ü is u."""
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _NOT_LETTER.sub("", folded)


def pinyin_keys(text: str, readings: int = 1) -> list[str]:
    """The pinyin of the Chinese characters of ``text``: the usual reading first, then up to
    ``readings`` combinations of each character's readings (长清: changqing, zhangqing)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    han = "".join(_CJK.findall(text))
    keys = [latin_key("".join(lazy_pinyin(han, v_to_u=True)))]
    if readings > 1:
        choices = [r[:3] for r in pinyin(han, style=Style.NORMAL, heteronym=True)]
        keys += [latin_key("".join(combo)) for combo in islice(product(*choices), readings)]
    return list(dict.fromkeys(keys))


@lru_cache(maxsize=1 << 14)
def person_keys(name: str, readings: int = 1) -> tuple[str, ...]:
    """The keys of a person's name; a two-word Latin name is also keyed in the other order."""
    text = unicodedata.normalize("NFKC", name).strip()
    if has_han(text):
        keys = pinyin_keys(text, readings)
    else:
        words = text.split()
        keys = [latin_key(text)] + ([latin_key(words[1] + words[0])] if len(words) == 2 else [])
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 2))
