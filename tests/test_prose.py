"""Quotes cut where a reader expects a cut, plain text wrapped at 78 display columns."""

from __future__ import annotations

import pytest

from notifier.prose import columns, cut_quote, wrap

LONG_EN = ("He emphasized that the carbon industry must extend its chain and move to high-end graphite "
           "products. Rural revitalization needs industries that farmers share in, and more besides.")
LONG_ZH = "他强调，要延伸炭素产业链条，推动高质量发展。要坚持创新驱动，加快新旧动能转换，努力走在前列"


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("We must work hard.", 200, "We must work hard."),                  # short and whole: as it is
    ("We must work hard, acce", 200, "We must work hard…"),              # cut before it reached us
    (LONG_EN, 120, "He emphasized that the carbon industry must extend its chain and move to high-end "
                   "graphite products. …"),                                # at the end of a sentence
    (LONG_EN, 60, "He emphasized that the carbon industry must extend its…"),  # else at a word
    (LONG_EN, 56, "He emphasized that the carbon industry must extend its…"),  # "chain" cut at 'c'
    (LONG_ZH, 40, "他强调，要延伸炭素产业链条，推动高质量发展。…"),
    (LONG_ZH, 20, "他强调，要延伸炭素产业链条…"),                          # at a clause
    (LONG_ZH[:34], 200, "他强调，要延伸炭素产业链条，推动高质量发展。要坚持创新驱动…"),
])
def test_quotes_are_cut_at_a_boundary_with_an_ellipsis(text, limit, expected):
    cut = cut_quote(text, limit)
    assert cut == expected
    assert len(cut) <= limit


def test_wrap_counts_chinese_characters_as_two_columns():
    text = wrap(LONG_ZH * 3, "    ", "  > ")
    lines = text.splitlines()
    assert lines[0].startswith("  > 他强调") and all(line.startswith("    ") for line in lines[1:])
    assert all(columns(line) <= 78 for line in lines)
    assert max(columns(line) for line in lines) >= 76  # lines are filled, not cut short
    assert "".join(line.strip() for line in lines).removeprefix("> ") == LONG_ZH * 3
    assert not any(line.strip()[0] in "，。、" for line in lines[1:])  # no line starts with a comma


def test_wrap_breaks_latin_at_spaces_and_keeps_long_words_whole():
    lines = wrap(LONG_EN * 2, "  ", "* ").splitlines()
    assert all(columns(line) <= 78 for line in lines)
    assert " ".join(line.strip() for line in lines).removeprefix("* ") == " ".join((LONG_EN * 2).split())
    url = "https://www.jinan.gov.cn/art/2023/3/30/" + "a" * 80 + ".html"
    assert wrap(f"Source: {url}", "    ", "  ") == f"  Source:\n    {url}"
