"""Visit dates: find the date expression and resolve it to ISO.

Relative forms ("On March 29", "this morning", 29日, 昨天) are resolved
against a reference date: the article's ``published`` date, else a date in
its URL path (/art/2023/3/30/, t20230330, /a/201703/, a year folder). Without a known year
the date is None; "recently"/近日 give None too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Reference:
    """What is known of 'today': a full date, or only a year and month."""

    year: int
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date | None:
        if self.month and self.day:
            return _safe_date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class DateSpan:
    """A visit date expression found in the text: first day, last day."""

    start: str | None
    end: str | None = None

    def last_day(self) -> str | None:
        """The last day of a visit over several days (at most a week); None for one day."""
        if not self.start or not self.end or self.end <= self.start:
            return None
        cap = date.fromisoformat(self.start) + timedelta(days=6)
        return min(date.fromisoformat(self.end), cap).isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_](\d{1,2})[-/_](\d{1,2})(?!\d)")
_URL_YM_D = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(\d{2})/(\d{2})(?!\d)")
_URL_Y_MD = re.compile(r"/((?:19|20)\d{2})[-/](\d{2})(\d{2})/")  # /2017/0412/, /2019-1218/
_URL_DIGITS = re.compile(r"(?<![\dA-Za-z])t?((?:19|20)\d{2})(\d{2})(\d{2})?(\d*)(?![A-Za-z])")
_URL_Y_MON_D = re.compile(r"/((?:19|20)\d{2})/([A-Za-z]{3,9})/(\d{1,2})/")  # /2025/Jun/29/
_URL_D_MON_Y = re.compile(r"/(\d{1,2})-([A-Za-z]{3,9})-((?:19|20)\d{2})/")  # /22-Nov-2023/
_URL_YM = re.compile(r"/((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])/")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")  # a year folder alone: /news/2016/…
# /html/news2008011322091160506.html: a file name of a word and a long id that opens with its date
_URL_WORD_ID = re.compile(r"/[A-Za-z]{1,10}((?:19|20)\d{2})(0[1-9]|1[0-2])([0-3]\d)\d{6,}(?!\d)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d{2})([1-9])([0-3]\d)/")  # /2018715/: a one-digit month
# Article_201871530927: a long id that opens with its year and a month.
_URL_LONG_ID = re.compile(r"(?<![\dA-Za-z])((?:19|20)\d{2})(?=(?:0[1-9]|1[0-2]|[1-9])\d{5,}(?!\d))")


def reference(published: str | None, url: str | None) -> Reference | None:
    """The date the article's relative dates count from."""
    if published:
        m = _ISO.match(published.strip())
        if m and _safe_date(int(m[1]), int(m[2]), int(m[3])):
            return Reference(int(m[1]), int(m[2]), int(m[3]))
    return url_reference(url) if url else None


_META_DATE = re.compile(
    r"(?:[发發]布[时時][间間]|[发發]布日期|[时時][间間]|日期|更新[时時][间間]|"
    r"Updated|Release time|Released|Published|Date|Time)\s*[:：|]?\s*"
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", re.I)
_UPDATED = re.compile(r"更新[时時][间間]")
# A line that is only the page's date, maybe with the weekday: "2024年05月06日 星期一".
_DATE_LINE = re.compile(
    r"^[ \t]*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?[ \t]*"
    r"(?:(?:星期|周|礼拜|禮拜)[一二三四五六日天])?[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*$", re.M)


# The page's stamp with its clock before the source or the byline (2024-05-07 17:08:40 来源：…).
# Its clock may be missing before the source (2024-05-07 来源：), an upload note may follow it
# (2024-05-07 09:30 上传), or the stamp may follow the source on the source's own line
# (来源：园区服务中心 2024-05-07 16:13).
_CLOCK_STAMP = re.compile(
    r"^[ \t]*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?"
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+(?:来源|來源|作者|浏览|瀏覽|点击|點擊|编辑|編輯|上传|上傳)|"
    r"^[ \t]*((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})[ \t]*\||"  # 2012/06/21 | 541 (its views)
    # 2019/12/30 8:33:18 Source: ...: a stamp to the second opening its line, whatever follows
    r"^[ \t]*((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})[ \t]+\d{1,2}:\d{2}:\d{2}\b|"
    r"^[ \t]*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})[ \t]+\d{1,7}[ \t]*$|"  # 2005-03-14 5127 (its views)
    r"^[ \t]*(?:来源|來源)[:：][^\n]{0,30}?[ \t]((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"
    r"[ \t]+\d{1,2}:\d{2}|"
    # 2025-01-25 00:00   海报新闻: the stamp and the outlet's name alone on their line
    r"^[ \t]*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"[ \t]+[^\s，,。：:]{2,12}[ \t]*$|"
    # 某某财经· 2024-03-06 10:20: the outlet's name, then its stamp, alone on their line
    r"^[ \t]*[^\s，,。：:]{2,12}[ \t]*[·•・][ \t]*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"
    r"[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$",
    re.M)
# Inline pinyin a reading aid puts after characters (發(fā)布時間): off before the head is read.
_INLINE_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zA-Z\u00c0-\u01dc\u0300-\u036f]{1,7}[)）]")


# An American-style stamp with its clock (时间:10/11/2024 4:11:13 PM).
_US_STAMP = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M",
                       re.I)
# A stamp line written day, month and year with its clock (21.09.2017  08:15).
_DMY_STAMP = re.compile(r"^[ \t]*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})[ \t]+\d{1,2}:\d{2}[ \t]*$", re.M)


def text_reference(text: str) -> Reference | None:
    """The page's own date as the text carries it: a metadata or date-only line in the first lines
    (发布时间：2024年05月14日, Updated: 2023-11-16, 2024年05月06日 星期一), else an American-style
    stamp with its clock (时间:10/11/2024 4:11:13 PM). A bare stamp elsewhere on a line is not
    read: mirror sites stamp the pages they copy with their own dates. An update stamp gives only
    its year."""
    head = _INLINE_PINYIN.sub("", text[:900])[:600]
    m = _META_DATE.search(head) or _DATE_LINE.search(head) or _CLOCK_STAMP.search(head)
    ymd = [int(g) for g in (m.groups() if m else ()) if g][:3]
    if len(ymd) == 3 and _safe_date(*ymd):
        # 更新时间：2024-09-11: a page updated months after its report gives the year only
        return Reference(ymd[0]) if m and _UPDATED.match(m.group(0)) else Reference(*ymd)
    us = _US_STAMP.search(head)
    if us and _safe_date(int(us[3]), int(us[1]), int(us[2])):
        return Reference(int(us[3]), int(us[1]), int(us[2]))
    dmy = _DMY_STAMP.search(head)
    if dmy and _safe_date(int(dmy[3]), int(dmy[2]), int(dmy[1])):
        return Reference(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    return None


# 2015年高考, 2019年度集中视察: a year the text names for its events, not as a bound of a span
# (截至2014年底, 到2025年建成), inside a full date, or when a firm was founded or built
# (成立于2010年, 2008年建成投产): the history of a site, not the year of the visit.
_TEXT_YEAR = re.compile(r"(?<![\d至到止自从于])((?:19|20)\d{2})年"
                        r"(?![\d一二三四五六七八九十]|底|末|初|前|后|以来|以前|起|至|到|[-—~～]|"
                        r"成立|建成|始建|创建|创办|投产|建厂|注册)")


def text_year(text: str) -> Reference | None:
    """The one year a text names for its events, when it names no other (a text naming two years
    gives none)."""
    years = {int(m[1]) for m in _TEXT_YEAR.finditer(text)}
    year = years.pop() if len(years) == 1 else None
    return Reference(year) if year and _FIRST_WEB_YEAR <= year <= date.today().year + 1 else None


def url_reference(url: str) -> Reference | None:
    """A date in a URL path: /2023/3/30/, /2014-10/14/, t20230330, /a/201703/, else a year folder
    alone (/news/2016/…)."""
    ref = _url_date(re.sub(r"^[a-z]+://[^/]+", "", url))
    # /info/1941/1210982.htm: a column number that looks like a year before the web is no date
    return ref if ref and _FIRST_WEB_YEAR <= ref.year <= date.today().year + 1 else None


_FIRST_WEB_YEAR = 1995


def _url_date(path: str) -> Reference | None:
    """The most precise date the path carries, of whatever year."""
    for pattern in (_URL_YMD, _URL_YM_D, _URL_Y_MD):
        m = pattern.search(path)
        if m and _safe_date(int(m[1]), int(m[2]), int(m[3])):
            return Reference(int(m[1]), int(m[2]), int(m[3]))
    for pattern, order in ((_URL_Y_MON_D, (1, 2, 3)), (_URL_D_MON_Y, (3, 2, 1))):
        m = pattern.search(path)
        month = MONTHS.get(m[order[1]][:3].lower()) if m else None
        if m and month and _safe_date(int(m[order[0]]), month, int(m[order[2]])):
            return Reference(int(m[order[0]]), month, int(m[order[2]]))
    month_only: Reference | None = None
    for m in _URL_DIGITS.finditer(path):
        year, month, day, rest = int(m[1]), int(m[2]), m[3], m[4]
        if not 1 <= month <= 12:
            continue
        if day and (not rest or len(rest) >= 4) and _safe_date(year, month, int(day)):
            return Reference(year, month, int(day))
        if not day and not rest and month_only is None:
            month_only = Reference(year, month)
    if month_only:
        return month_only
    m = _URL_WORD_ID.search(path)
    if m and _safe_date(int(m[1]), int(m[2]), int(m[3])):
        return Reference(int(m[1]), int(m[2]), int(m[3]))
    m = _URL_YM.search(path)
    if m:
        return Reference(int(m[1]), int(m[2]))
    m = _URL_COMPACT.search(path)
    if m and _safe_date(int(m[1]), int(m[2]), int(m[3])):
        return Reference(int(m[1]), int(m[2]), int(m[3]))
    m = _URL_YEAR.search(path) or _URL_LONG_ID.search(path)
    return Reference(int(m[1])) if m else None


def resolve(month: int, day: int, ref: Reference | None, year: int | None = None) -> str | None:
    """Month and day (and maybe year) -> ISO, rolling back a year when needed."""
    if year:
        d = _safe_date(year, month, day)
        return d.isoformat() if d else None
    if ref is None:
        return None
    d = _safe_date(ref.year, month, day)
    if d is None:
        return None
    base = ref.as_date()
    if base is not None:
        if d > base + timedelta(days=3):
            d = _safe_date(ref.year - 1, month, day)
    elif ref.month is not None and month > ref.month + 1:
        d = _safe_date(ref.year - 1, month, day)
    return d.isoformat() if d else None


def month_of_day(day: int, ref: Reference) -> int:
    """The month of a day written without one: the month of publication, or the month before
    when that day has not come yet (the 30th in an article of 2 June is 30 May)."""
    month = ref.month or 1
    return month - 1 or 12 if ref.day and day > ref.day else month


def shift(ref: Reference | None, days: int) -> str | None:
    """'yesterday' and 'today' against a full reference date."""
    base = ref.as_date() if ref else None
    return (base + timedelta(days=days)).isoformat() if base else None


def last_weekday(ref: Reference | None, weekday: int) -> str | None:
    """'On Wednesday' -> the latest Wednesday on or before the reference date."""
    base = ref.as_date() if ref else None
    if base is None:
        return None
    return (base - timedelta(days=(base.weekday() - weekday) % 7)).isoformat()


def cn_number(text: str) -> int | None:
    """Arabic digits or simple Chinese numerals (十二, 二十三) -> int."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_NUM for c in text):
        return None
    if "十" not in text:
        return _CN_NUM[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)


def month_number(word: str) -> int | None:
    """'March', 'Mar.', 'Sept', and misspellings of the same start ('Augst') -> 3, 9, 8."""
    return MONTHS.get(word[:3].lower())
