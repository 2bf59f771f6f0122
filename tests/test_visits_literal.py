"""`starts` finds a name where `re.finditer(re.escape(name), text)` does, without compiling a
pattern per name."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from crawler.visits.literal import starts

ALPHABET = st.sampled_from(list("王海市长到温江区aa. *+?"))


@given(st.text(ALPHABET, min_size=1, max_size=4), st.text(ALPHABET, max_size=40), st.integers(0, 45))
def test_starts_agree_with_finditer(needle: str, text: str, start: int) -> None:
    expected = [m.start() for m in re.compile(re.escape(needle)).finditer(text, start)]
    assert list(starts(needle, text, start)) == expected


def test_occurrences_do_not_overlap_and_an_empty_name_is_nowhere() -> None:
    assert list(starts("aa", "aaaaa")) == [0, 2]
    assert list(starts("", "王海到温江区")) == []
    assert list(starts("王海", "王海到温江区，王海察看", 1)) == [7]
