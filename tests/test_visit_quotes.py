"""What an official stressed, cut to a record's length (fictional remarks)."""

from __future__ import annotations

from crawler.visits import extract_visits
from crawler.visits.quotes import ELLIPSIS, cut_quote

LONG_EN = ("we must keep the river clean and the banks green for the people who live along them. "
           "Every township should name a keeper for each stretch of water and report on it every "
           "month, so that no outfall goes unnoticed and no complaint goes unanswered for long.")


def test_a_short_remark_is_kept_whole() -> None:
    assert cut_quote("  we must keep the river clean.  ", 200) == "we must keep the river clean."


def test_a_long_remark_ends_at_a_sentence_with_an_ellipsis() -> None:
    cut = cut_quote(LONG_EN, 120)
    assert cut == LONG_EN[:LONG_EN.index(".") + 1] + " " + ELLIPSIS
    assert len(cut) <= 120


def test_one_long_sentence_ends_at_a_word() -> None:
    sentence = LONG_EN.split(". ")[1]
    cut = cut_quote(sentence, 60)
    assert cut.endswith(ELLIPSIS) and len(cut) <= 60
    assert sentence.startswith(cut[:-1]) and sentence[len(cut) - 1] == " "


def test_chinese_remark_ends_at_a_full_stop_or_a_comma() -> None:
    said = "要把河道管护作为民生工程来抓。" + "各乡镇要明确每一段河道的责任人，按月报告，" * 10
    assert cut_quote(said, 40) == "要把河道管护作为民生工程来抓。" + ELLIPSIS
    clause = "各乡镇要明确每一段河道的责任人，按月报告，" * 10
    cut = cut_quote(clause, 40)
    assert cut.endswith(ELLIPSIS) and len(cut) <= 40
    assert clause.startswith(cut[:-1]) and clause[len(cut) - 1] == "，"


def test_english_visit_records_a_cut_remark() -> None:
    remark_text = LONG_EN.replace(". ", ", and ")
    text = ("On May 3, Zhao Mingyuan, Secretary of the Municipal Party Committee, went to Pingle County "
            "to inspect the Hongda paper mill. Zhao Mingyuan stressed that " + remark_text)
    [visit] = extract_visits(text, published="2024-05-04", lang="en")
    [remark] = visit.emphasized
    assert remark.endswith(ELLIPSIS) and len(remark) <= 200
    assert remark_text.startswith(remark[:-1])
