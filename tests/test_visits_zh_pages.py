"""Chinese extraction on the shapes real pages come in: page furniture on the article's own line,
stamps in traditional characters, a page date with its clock (fictional articles of each kind)."""

from __future__ import annotations

import pytest

from crawler.visits import extract_visits

BODY = "市长孙海峰到东阳县调研，先后来到金丰农业合作社、红星村。"
BODY_TRAD = "市長孫海峰到東陽縣調研，先後來到金豐農業合作社、紅星村。"


def test_furniture_after_the_report_on_its_one_line_leaves_the_reports_date() -> None:
    text = ("本网讯 5月6日，" + BODY + "孙海峰强调，要压实责任，确保安全。"
            " 作者：张萌 王立 编辑：李红 审核：赵明 |")
    [visit] = extract_visits(text, url="http://www.x.cn/2024-05/07/content_221.htm", lang="zh")
    assert visit.date == "2024-05-06"


@pytest.mark.parametrize("stamp", [
    "發布時間 | 2024/5/7 9:15:08",
    "發(fā)布時間 | 2024/5/7 9:15:08",
    "2024-05-07 17:08:40 来源：东阳视窗 浏览：730",
])
def test_the_pages_stamp_in_its_head_gives_the_year(stamp: str) -> None:
    text = f"市長孫海峰調研\n{stamp}\n5月6日，{BODY_TRAD}"
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-06"


def test_a_headline_naming_the_lead_takes_the_date_of_the_tour_told_after_it() -> None:
    text = ("李红带队观摩重点项目建设\n\n2024-05-07 17:08:40 来源：东阳视窗\n\n"
            "5月6日下午，区委书记李红带队观摩重点项目建设。李红一行先后到华兴电子有限公司、青松物流园等项目现场。")
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-06"
