"""Chinese extraction on forms that generalise past one phrasing (fictional articles of each kind)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits

BODY = "市长孙海峰到东阳县调研，先后来到金丰农业合作社、红星村。"


def _names(people: list) -> list[str]:
    return [p.name for p in people]


@pytest.mark.parametrize(("text", "url", "expected"), [
    # An American-style stamp after 时间.
    ("编辑：张萌 时间：10/11/2024 4:11:13 PM 浏览：152\n10月11日上午，" + BODY, "http://x.cn/show-4.html",
     "2024-10-11"),
])
def test_the_pages_own_date_anywhere_on_a_furniture_line_gives_the_year(
        text: str, url: str | None, expected: str) -> None:
    [visit] = extract_visits(text, url=url, lang="zh")
    assert visit.date == expected
