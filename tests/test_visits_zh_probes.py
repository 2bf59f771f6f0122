"""Chinese extraction on fictional articles written in the registers of municipal portals, one
test per class of error (names split by typesetting, a tour after a meeting, lists of cities,
dates of other events)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits


def _names(people: list) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(("text", "lead"), [
    ("5月6日，市委常委、宣传部部长 刘 洋到市图书馆调研。", "刘洋"),
    ("5月6日，省委副书记、省长王　强到长沙县调研，先后来到星沙产业园、黄花村。", "王强"),
])
def test_a_two_character_name_padded_with_spaces_is_one_name(text: str, lead: str) -> None:
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.officials) == [lead]


def test_names_padded_in_a_list_of_companions() -> None:
    text = "5月6日，市委书记陈刚到东湖村调研。市领导王  强、李  明、赵晓东陪同。"
    [visit] = extract_visits(text, published="2024-05-07", lang="zh")
    assert _names(visit.accompanying) == ["王强", "李明", "赵晓东"]
