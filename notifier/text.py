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


def ordered_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """Distinct terms, longest first: where two match at one place, the longer is highlighted."""
    return tuple(sorted(set(terms), key=lambda t: (-len(t), t)))


def term_regex(term: str) -> str | None:
    """The regex for one matched term (``carb*`` is a prefix): whole words, hyphens or spaces between."""
    prefix = term.endswith("*")
    words = term.rstrip("*").split()
    if not words:
        return None
    body = r"[\s\-]+".join(re.escape(w) for w in words)
    start = "" if is_cjk(words[0]) else r"(?<![^\W_])"
    end = "" if is_cjk(words[-1]) else (r"[^\W_]*" if prefix else r"(?![^\W_])")
    return start + body + end


@lru_cache(maxsize=1 << 14)
def _term_starts(term: str) -> re.Pattern[str] | None:
    """Every position where ``term`` matches, with its end in group 1 (a lookahead finds overlaps)."""
    piece = term_regex(term)
    return re.compile(f"(?=({piece}))", re.IGNORECASE) if piece is not None else None


class Highlighter:
    """Finds ``terms`` in text as one alternation of their :func:`term_regex` (in :func:`ordered_terms`
    order) would, from one cached regex per term.

    The alternation tries its terms in order at each position and resumes after a match; so does
    :meth:`spans`, from every start position of every term (tests/test_highlight.py compares
    them). A digest run meets thousands of different sets of terms, and compiling one regex per
    set cost more than the matching.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.patterns = [p for p in map(_term_starts, ordered_terms(terms)) if p is not None]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def search(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match, left to right, as the alternation's ``finditer`` gives."""
        best: dict[int, tuple[int, int]] = {}  # start -> (rank of the first term matching there, end)
        for rank, pattern in enumerate(self.patterns):
            for match in pattern.finditer(text):
                best.setdefault(match.start(), (rank, match.end(1)))  # a lower rank came first
        found, resume = [], 0
        for start in sorted(best):
            if start >= resume:
                resume = best[start][1]
                found.append((start, resume))
        return found

    def sub(self, text: str, before: str, after: str) -> str:
        """``text`` with ``before`` and ``after`` around each match."""
        out, last = [], 0
        for start, end in self.spans(text):
            out += [text[last:start], before, text[start:end], after]
            last = end
        out.append(text[last:])
        return "".join(out)
