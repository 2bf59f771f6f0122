"""Topics: which configured topic names have a keyword in a visit's text.

Latin keywords match whole words, case-folded; Chinese keywords match as
substrings (on a simplified view too, so traditional text still matches).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from crawler.visits.language import to_simplified

_CJK = re.compile(r"[\u3400-\u9fff]")


def keyword_in(keyword: str, text: str, simplified: str | None = None) -> bool:
    """Does ``keyword`` occur in ``text`` by the watch rules?"""
    keyword = keyword.strip()
    if not keyword:
        return False
    if _CJK.search(keyword):
        simple = simplified if simplified is not None else to_simplified(text)
        return keyword in text or to_simplified(keyword) in simple
    pattern = r"(?<![0-9a-z])" + re.escape(keyword.casefold()) + r"(?![0-9a-z])"
    return re.search(pattern, text.casefold()) is not None


def match_topics(text: str, topics: Mapping[str, Sequence[str]] | None) -> list[str]:
    """Names of the topics with at least one keyword in ``text``, in config order."""
    if not topics:
        return []
    simplified = to_simplified(text)
    return [name for name, words in topics.items()
            if any(keyword_in(w, text, simplified) for w in words)]
