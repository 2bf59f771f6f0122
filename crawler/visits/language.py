"""Language of an article (en or zh) and a simplified-Chinese view for matching.

Traditional characters are mapped one character at a time, so every index in
the simplified view is the same index in the original text: names are cut
from the original and come out in the article's own characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """'zh' when Chinese characters outweigh Latin words, else 'en'."""
    sample = text[:4000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk and cjk >= latin else "en"


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


class _SimplifyTable(dict[int, str]):
    """str.translate table filled on demand, one character at a time."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = char
        if "\u3400" <= char <= "\u9fff":
            converted = _converter().convert(char)
            out = converted if len(converted) == 1 else char
        self[code] = out
        return out


_TABLE = _SimplifyTable()


def to_simplified(text: str) -> str:
    """Same-length simplified form of ``text`` (characters only, no phrases), where the Mongolian
    words for a village and a township (嘎查, 苏木) read as 村 and 乡 do (青格勒嘎查 -> 青格勒嘎村)."""
    out = text.translate(_TABLE)
    if "嘎查" in out:
        out = out.replace("嘎查", "嘎村")
    if "苏木" in out:
        out = out.replace("苏木", "苏乡")
    return out
