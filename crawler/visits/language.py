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


@lru_cache(maxsize=8192)
def _simplify_char(char: str) -> str:
    out = _converter().convert(char)
    return out if len(out) == 1 else char


def to_simplified(text: str) -> str:
    """Same-length simplified form of ``text`` (characters only, no phrases)."""
    return "".join(_simplify_char(c) if "\u3400" <= c <= "\u9fff" else c for c in text)
