"""Highlighter finds exactly the spans one regex per set of terms (the reference here) finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from notifier.text import Highlighter, ordered_terms, term_regex

TERMS = ["carbon", "carb*", "steel works", "works carbon", "碳", "碳素", "longshan", "long*", "a", "aa",
         "q-1", "新能源", "能源", "é"]
PIECES = ["carbon", " ", "steel", "works", "-", "碳", "素", "Longshan", "a", "A", "q", "1", "新", "能", "源",
          "é", "É", "_", ",", "CARBON", "\n"]


def highlight_regex(terms: list[str]) -> re.Pattern[str] | None:
    """The alternation of the terms' regexes, longest first."""
    pieces = [piece for piece in map(term_regex, ordered_terms(terms)) if piece is not None]
    return re.compile("|".join(pieces), re.IGNORECASE) if pieces else None


def reference(terms: list[str], text: str) -> str:
    pattern = highlight_regex(terms)
    return pattern.sub(r"<mark>\g<0></mark>", text) if pattern else text


@given(st.lists(st.sampled_from(TERMS), min_size=1, max_size=5),
       st.lists(st.sampled_from(PIECES), max_size=30))
@settings(max_examples=400, deadline=None)
def test_the_same_spans_as_one_regex(terms, pieces):
    text = "".join(pieces)
    found = Highlighter(terms)
    assert found.sub(text, "<mark>", "</mark>") == reference(terms, text)
    pattern = highlight_regex(terms)
    assert found.search(text) == bool(pattern and pattern.search(text))


def test_longer_terms_win_and_overlaps_resume_after_a_match():
    found = Highlighter(["works carbon", "steel works", "carbon"])
    assert found.sub("steel works carbon", "[", "]") == "[steel works] [carbon]"
    assert Highlighter(["aa"]).spans("aaa aa") == [(4, 6)]  # whole words only
    assert Highlighter(["碳碳"]).spans("碳碳碳碳碳") == [(0, 2), (2, 4)]
    assert not Highlighter([])

