"""Visit dates: relative forms, URL dates, ranges and year rollover."""

from __future__ import annotations

import pytest

from crawler.visits import extract_row, extract_visits
from crawler.visits.dates import Reference, reference, resolve, url_reference

LEAD_EN = ("{when}, Zhao Mingyuan, Secretary of the Municipal Party Committee, "
           "inspected the Qinghe Paper Co., Ltd.")
LEAD_ZH = "{when}，市委书记赵明远到清河纸业有限公司调研。"


@pytest.mark.parametrize(("url", "expected"), [
    ("http://x.gov.cn/art/2023/3/30/art_1_2.html", Reference(2023, 3, 30)),
    ("http://x.cn/c/t20230330_77.shtml", Reference(2023, 3, 30)),
    ("https://x.cn/system/2025/09/10/016126469.shtml", Reference(2025, 9, 10)),
    ("http://x.cn/a/201703/abc.shtml", Reference(2017, 3)),
    ("http://x.cn/news/2014-10/14/content_1.htm", Reference(2014, 10, 14)),
    ("http://x.cn/show/fa7e361303288e48e5130c50.html", None),
    # a year folder alone gives the year (the month and day stay unknown)
    ("http://x.cn/html/news/2016/KQWE_0608/1234.html", Reference(2016)),
    ("http://x.cn/focus/2023/224014.html", Reference(2023)),
    ("http://x.cn/show/20230/1.html", None),
])
def test_url_dates(url: str, expected: Reference | None) -> None:
    assert url_reference(url) == expected


def test_published_wins_over_url() -> None:
    assert reference("2024-01-02", "http://x.cn/art/2023/3/30/a.html") == Reference(2024, 1, 2)


def test_year_rollover() -> None:
    assert resolve(12, 30, Reference(2024, 1, 3)) == "2023-12-30"
    assert resolve(12, 30, Reference(2024, 1)) == "2023-12-30"
    assert resolve(3, 29, Reference(2023, 3, 30)) == "2023-03-29"


@pytest.mark.parametrize(("when", "published", "expected"), [
    ("On March 29", "2023-03-30", "2023-03-29"),
    ("On the afternoon of Oct. 9", "2023-10-10", "2023-10-09"),
    ("On May 20, 2020", None, "2020-05-20"),
    ("Yesterday", "2023-03-30", "2023-03-29"),
    ("This morning (July 29)", "2023-07-29", "2023-07-29"),
    ("Recently", "2023-03-30", None),
    ("On December 30", "2024-01-02", "2023-12-30"),
    ("On March 29", None, None),
])
def test_english_dates(when: str, published: str | None, expected: str | None) -> None:
    [visit, *_] = extract_visits(LEAD_EN.format(when=when), published=published, lang="en")
    assert visit.date == expected


@pytest.mark.parametrize(("when", "published", "expected"), [
    ("29日", "2023-03-30", "2023-03-29"),
    ("3月29日上午", "2023-03-30", "2023-03-29"),
    ("昨天", "2023-03-30", "2023-03-29"),
    ("今天", "2023-03-30", "2023-03-30"),
    ("近日", "2023-03-30", None),
    ("2021年5月6日", None, "2021-05-06"),
])
def test_chinese_dates(when: str, published: str | None, expected: str | None) -> None:
    [visit, *_] = extract_visits(LEAD_ZH.format(when=when), published=published, lang="zh")
    assert visit.date == expected


def test_multi_day_visit_is_one_record_with_an_end_date() -> None:
    [visit] = extract_visits(LEAD_ZH.format(when="22日至23日"), published="2023-03-24", lang="zh")
    assert (visit.date, visit.end_date) == ("2023-03-22", "2023-03-23")
    assert visit.days() == ["2023-03-22", "2023-03-23"]
    [visit] = extract_visits(LEAD_EN.format(when="From February 22 to 23"), published="2024-02-27", lang="en")
    assert (visit.date, visit.end_date) == ("2024-02-22", "2024-02-23")


def test_multi_day_visit_in_the_eval_format_lists_each_day() -> None:
    row = {"id": "x", "lang": "zh", "published": "2023-03-24", "text": LEAD_ZH.format(when="22日至23日")}
    first, further = extract_row(row)["visits"]
    assert first["date"] == "2023-03-22" and first["officials"]
    assert further == {"date": "2023-03-23", "continues": True}


def test_page_metadata_dates_are_skipped() -> None:
    text = "发布时间：2023年12月08日  来源：某某日报\n7日，市委书记赵明远到清河纸业有限公司调研。"
    [visit] = extract_visits(text, published="2023-12-08", lang="zh")
    assert visit.date == "2023-12-07"


def test_page_date_line_is_the_reference_without_published() -> None:
    text = "来源：某某融媒体中心  时间：2024年05月14日\n今天，区委书记赵明远到清河纸业有限公司调研。"
    [visit] = extract_visits(text, lang="zh")
    assert visit.date == "2024-05-14"
