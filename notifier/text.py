"""Text normalisation shared by matching and highlighting.

Text is NFKC-normalised and case-folded, then cut into tokens: runs of CJK
characters and runs of other letters/digits. Tokens are joined by single
spaces with a space at each end, so a Latin word ``w`` is found as the
substring `` w `` (a whole word), a prefix ``w*`` as `` w`` and a Chinese
term as a plain substring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_CJK = "\u2e80-\u2fff\u3005-\u3007\u3021-\u3029\u3031-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_HAS_CJK = re.compile(rf"[{_CJK}]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def normalize(parts: Iterable[str]) -> str:
    """One searchable string for ``parts``; parts are kept apart so no phrase spans two of them."""
    return " " + " | ".join(" ".join(tokens(p)) for p in parts if p) + " "


def is_cjk(token: str) -> bool:
    return _HAS_CJK.search(token) is not None


@lru_cache(maxsize=65536)
def term_pattern(text: str, *, prefix: bool = False) -> str | None:
    """The substring to look for in :func:`normalize` output, or None when ``text`` has no letters."""
    words = tokens(text)
    if not words:
        return None
    lead = "" if is_cjk(words[0]) else " "
    tail = "" if is_cjk(words[-1]) or prefix else " "
    return lead + " ".join(words) + tail


def highlight_regex(terms: Iterable[str]) -> re.Pattern[str] | None:
    """A regex finding ``terms`` (as reported by matching; ``carb*`` is a prefix) in display text."""
    return _highlight_regex(tuple(sorted(set(terms), key=lambda t: (-len(t), t))))


@lru_cache(maxsize=1 << 15)  # a digest run asks for one per (visit, subscriber's terms)
def _highlight_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    pieces: list[str] = []
    for term in terms:
        prefix = term.endswith("*")
        words = term.rstrip("*").split()
        if not words:
            continue
        body = r"[\s\-]+".join(re.escape(w) for w in words)
        start = "" if is_cjk(words[0]) else r"(?<![^\W_])"
        end = "" if is_cjk(words[-1]) else (r"[^\W_]*" if prefix else r"(?![^\W_])")
        pieces.append(start + body + end)
    if not pieces:
        return None
    return re.compile("|".join(pieces), re.IGNORECASE)
