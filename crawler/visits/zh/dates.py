"""The date of a Chinese visit: the first date expression of the body, resolved.

Page furniture is skipped: metadata lines (发布时间：…), a line that is only a
date ("2024年05月06日 星期一"), and 今日/今天 used as a menu word (今日头条).
Ranges give their last day too: 6月3日至6日, 4月10~14日, and two days listed
one after the other (10月27日、28日). A tour reported day by day (10日，…调研。11日上午，
…来到…) runs on to each next day that opens a sentence of going or inspecting; a day
skipped between two (3日…5日又到…) is counted with them, as the tour's span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from crawler.visits.dates import DateSpan, Reference, cn_number, last_weekday, month_of_day, resolve, shift
from crawler.visits.language import to_simplified

_CN = r"[一二三四五六七八九十]{1,3}"
_TO = r"\s*[—\-–~～至到]\s*"
# A part of the day between the two days of a range (5月6日上午至7日下午).
_PART = r"(?:上午|下午|晚上|中午|早上|凌晨)?"
_MD = re.compile(
    rf"(?:(\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?(\d{{1,2}}|{_CN})月(\d{{1,2}}|{_CN})"
    rf"(?:[日号]{_PART}|(?={_TO}(?:\d{{1,2}}月)?\d{{1,2}}[日号]))"
    rf"(?:({_TO}|、|和)(?:(?P<end_year>\d{{4}})年)?(?:(\d{{1,2}})月)?(\d{{1,2}})[日号])?"
)
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# 今天上午， / 市长今天到… — not a column (今日头条, 今日东阳): a part of the day, punctuation or a
# verb of going follows.
_RELATIVE = re.compile(r"(今天|今日|昨天|昨日|前天)"
                       r"(?=上午|下午|晚上|晚间|凌晨|中午|早上|一早|清晨|[，,、（(\s]|[到在赴来去深走召率带又]|"
                       r"$)")
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
# A day alone (3日), also "this month's" (本月3日), but not the day of a month-day (5月3日).
_DAY_ONLY = re.compile(rf"(?<!\d)(?:(?<=本月)|(?<!月))(\d{{1,2}})(?:日{_PART}|(?={_TO}\d{{1,2}}日))"
                       rf"(?:({_TO}|、|和)(\d{{1,2}})日)?")
# 周六上午，… / 上周三，…: the latest such weekday on or before the article's date.
_WEEKDAY = re.compile(r"(?<![下每])(上|本)?(?:周|星期|礼拜)([一二三四五六日天])"
                      r"(?=上午|下午|晚上|晚|早上|中午|[，,])")
_WEEKDAYS = "一二三四五六日"
# 近日 gives no date, unless the date follows it in brackets (日前（5月6日）).
_RECENT = re.compile(r"(?:近日|日前|近期|前不久|最近)(?![（(]\s*(?:\d{1,2}月)?\d{1,2}[日号])")
_META_LINE = re.compile(
    r"发布时间|发布日期|来源[:：]|时间[:：]|日期[:：]|浏览|点击|作者[:：]|责任编辑|更新时间|"
    r"第\s*\d{1,3}\s*版")  # an e-paper's edition line: ( 2024年05月08日 第 01 版 )
# Photo captions: their date is the photo's, wherever on the line the caption's words are.
_CAPTION_WORDS = re.compile(r"图为|记者[^，,。]{0,8}摄|摄影[:：]|供图")
_STOP = re.compile(r"[。！？!?]")
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}\s*[年\-/.]\s*)?\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:星期|周|礼拜)?[一二三四五六日天]?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# Listed days (27日、28日) are one visit over both only when they are this close.
_LIST_GAP = 2


_CLAUSE_MARK = re.compile(r"[（）()【】\[\]]")
_STAMP_END = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
                        r"[ \t\u3000]+")


def _meta_at(simple: str, start: int, end: int) -> bool:
    """Is the date at [start, end) page metadata or a caption's: a metadata word in its own part of
    the line (between brackets) and sentence, so a caption in brackets after a report (…调研。（图为…摄）)
    and a byline after the report on its one line (…调研。 作者：…) leave the report's date alone, while
    a caption line (…调研。记者白永民摄) stays a caption?"""
    line_start = simple.rfind("\n", 0, start) + 1
    line_end = simple.find("\n", end)
    line_end = line_end if line_end >= 0 else len(simple)
    left = max((m.end() for m in _CLAUSE_MARK.finditer(simple, line_start, start)), default=line_start)
    right = _CLAUSE_MARK.search(simple, end, line_end)
    right_end = right.start() if right else line_end
    if _CAPTION_WORDS.search(simple, left, right_end):
        return True
    bracketed = simple[left - 1:left] in "(（" and right is not None and simple[right.start()] in ")）"
    if (bracketed and "年" in simple[start:end]
            and not simple[left:start].strip() and not simple[end:right_end].strip()):
        return True  # …守护 ( 2023年01月28日 ) 来源: a full date alone in brackets is the page's stamp
    stop = _STOP.search(simple, end, right_end)
    s_left = max((m.end() for m in _STOP.finditer(simple, left, start)), default=left)
    # 发表时间:2023-06-09 15:39 6月8日下午，…: a stamp ends at its clock or date and a space; the
    # report run on after it on the same line keeps its date
    s_left = max((m.end() for m in _STAMP_END.finditer(simple, s_left, start)), default=s_left)
    return bool(_META_LINE.search(simple, s_left, stop.start() if stop else right_end))


def _line_at(simple: str, start: int, end: int) -> str:
    line_start = simple.rfind("\n", 0, start) + 1
    line_end = simple.find("\n", end)
    return simple[line_start:line_end if line_end >= 0 else len(simple)]


def _body_match(pattern: re.Pattern[str], simple: str) -> re.Match[str] | None:
    """The first match that is not on a page-metadata or date-only line."""
    for m in pattern.finditer(simple):
        line = _line_at(simple, m.start(), m.end())
        dateline = _DATELINE.match(simple, m.start())  # 东湖新闻网5月4日讯: the report's date
        if not _meta_at(simple, m.start(), m.end()) and not _DATE_LINE.match(line) and not dateline:
            return m
    return None


def _end_day(start_day: int, sep: str | None, end_day: int) -> bool:
    """Does the second day of ``27日、28日`` / ``3日至6日`` end the same visit?"""
    return sep is not None and (sep not in ("、", "和") or 0 < end_day - start_day <= _LIST_GAP)


def _month_day(m: re.Match[str], ref: Reference | None) -> DateSpan | None:
    month, day = cn_number(m.group(2)), cn_number(m.group(3))
    year = int(m.group(1).translate(_YEAR_DIGITS)) if m.group(1) else None
    if not (month and day):
        return None
    start = resolve(month, day, ref, year)
    end = None
    if m.group(7) and (m.group(6) or _end_day(day, m.group(4), int(m.group(7)))):
        end_year = int(m.group("end_year")) if m.group("end_year") else year  # 2023年12月30日至2024年1月2日
        end = resolve(int(m.group(6) or month), int(m.group(7)), ref, end_year)
    return DateSpan(start, end)


def _day_only(d: re.Match[str], ref: Reference) -> DateSpan:
    """A day without its month (30日): see :func:`month_of_day`."""
    month = month_of_day(int(d.group(1)), ref)
    start = resolve(month, int(d.group(1)), ref)
    end = None
    if d.group(3) and _end_day(int(d.group(1)), d.group(2), int(d.group(3))):
        end = resolve(month, int(d.group(3)), ref)
    return DateSpan(start, end)


_SENTENCE = re.compile(r"[^。！？!?\n]*")


# 东湖新闻网5月4日讯, 青松新闻5月4日 近日，…, 东湖网5月4日青松县消息: the report's own date before its
# first words.
_DATELINE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:讯|电|[一-龥]{0,6}?消息|"
    r"(?=[ \u3000]+(?:近日|日前|近期|前不久)))")


def _dateline_reference(simple: str, ref: Reference | None) -> Reference | None:
    """The report's own date (东湖新闻网5月4日讯) is the reference for days named alone (3日)."""
    m = _DATELINE.search(simple, 0, 400)
    if m is None or ref is None:
        return ref
    iso = resolve(int(m.group(2)), int(m.group(3)), ref, int(m.group(1)) if m.group(1) else None)
    if iso is None:
        return ref
    stamp = date.fromisoformat(iso)
    return Reference(stamp.year, stamp.month, stamp.day)


def zh_date(simple: str, ref: Reference | None, anchor: int | None = None,
            later: Sequence[int] = ()) -> DateSpan:
    """The date of the sentence at ``anchor`` (where the lead official is named), else the first
    date expression of the body text, resolved. When that sentence says only 近日 (…近日在海南考察时
    强调), the first sentence at ``later`` (where the lead is named again) with a date of its own
    dates the visit (4月10日至13日，习近平…), unless it reports a meeting (5月9日，区里召开会议，
    传达学习王海调研讲话精神)."""
    ref = _dateline_reference(simple, ref)
    own = sentence_date(simple, ref, anchor) if anchor is not None else None
    if anchor is not None and own is not None and own.start is None:
        return next((d for d in (sentence_date(simple, ref, pos) for pos in later
                                 if pos > anchor and _touring(_sentence_at(simple, pos)))
                     if d is not None and d.start), own)
    if own is not None:
        return own
    if anchor is None:
        return _first_date(simple, ref) or DateSpan(None)
    return _date_around(simple, ref, anchor) or DateSpan(None)


# A sentence of what is planned, expected or asked for: its date is not the visit's.
_NOT_DONE = re.compile(r"将(?!至|近|临|到来)|拟|计划|预计|预期|要求|确保|力争|之前|前完成|截至|以来|起")


def _date_around(simple: str, ref: Reference | None, anchor: int) -> DateSpan | None:
    """A visit sentence without a date: the first date before it (a dateline, a date opening the
    report), else the first of a later sentence that reports going or inspecting (次日上午，…来到);
    a later date of another event (景区将于6月1日开放, 5月1日至5日预计接待游客) is not the visit's."""
    start = max(simple.rfind(c, 0, anchor) for c in "。！？!?\n") + 1
    before = _first_date(simple[:start], ref)
    if before is not None:
        return before
    for sentence in _SENTENCE.finditer(simple, anchor):
        text = sentence.group(0)
        if text and _GOING.search(text) and not _NOT_DONE.search(text):
            found = _first_date(text, ref)
            if found is not None:
                return found
    return None


def _sentence_at(simple: str, pos: int) -> str:
    start = max(simple.rfind(c, 0, pos) for c in "。！？!?\n") + 1
    sentence = _SENTENCE.match(simple, start)
    return sentence.group(0) if sentence else ""


def sentence_date(simple: str, ref: Reference | None, pos: int) -> DateSpan | None:
    """The date expression of the sentence at ``pos`` (None on a page-metadata line)."""
    if _meta_at(simple, pos, pos):
        return None
    start = max(simple.rfind(c, 0, pos) for c in "。！？!?\n") + 1
    sentence = _SENTENCE.match(simple, start)
    return _first_date(sentence.group(0), ref) if sentence else None


def _weekday(w: re.Match[str], ref: Reference) -> str | None:
    """周三: the latest Wednesday up to ``ref``; 上周三: the Wednesday of the week before; 本周一: the
    Monday of this week."""
    weekday = _WEEKDAYS.index("日" if w.group(2) == "天" else w.group(2))
    today = ref.as_date()
    if w.group(1) and today:
        back = 7 if w.group(1) == "上" else 0
        return (today - timedelta(days=today.weekday() + back - weekday)).isoformat()
    return last_weekday(ref, weekday)


def _first_date(simple: str, ref: Reference | None) -> DateSpan | None:
    """The first date expression (or 近日, which gives no date) of ``simple``."""
    best: tuple[int, DateSpan] | None = None
    m = _body_match(_MD, simple)
    span = _month_day(m, ref) if m else None
    if m and span:
        best = (m.start(), span)
    rel = _RELATIVE.search(simple)
    if rel and (best is None or rel.start() < best[0]):
        best = (rel.start(), DateSpan(shift(ref, _RELATIVE_DAYS[rel.group(1)])))
    d = _body_match(_DAY_ONLY, simple)
    if d and (best is None or d.start() < best[0]) and ref and ref.month:
        best = (d.start(), _day_only(d, ref))
    w = _body_match(_WEEKDAY, simple)
    if w and (best is None or w.start() < best[0]) and ref and ref.day:
        best = (w.start(), DateSpan(_weekday(w, ref)))
    recent = _RECENT.search(simple)
    if recent and (best is None or recent.start() < best[0]):
        return DateSpan(None)
    return best[1] if best else None


# A sentence that opens with its own day: 11日上午，… / 次日，… / 4月12日，…
_DAY_OPENS = re.compile(
    rf"\s*(?:(?:(\d{{1,2}}|{_CN})月)?(\d{{1,2}}|{_CN})[日号]|(次日|第二天|翌日))"
    rf"(?:{_TO}(?:(\d{{1,2}})月)?(\d{{1,2}})[日号])?"
    r"(?:上午|下午|晚上|晚|早上|早|中午|一早|清晨)?[，,]?")
_GOING = re.compile(r"调研|考察|视察|察看|查看|走访|慰问|看望|检查|督导|督查|观摩|巡查|暗访|"
                    r"巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改))|"
                    r"来到|走进|深入|前往|[到赴]")
# Before the verb of going, these make the day's sentence a meeting or an instruction to others
# (7日，区里召开会议，要求各镇深入企业走访), not a further day of the tour.
_NOT_TOURING = re.compile(r"召开|会议|要求|强调|指出|部署|号召|希望|计划|将")


def _touring(sentence: str) -> bool:
    going = _GOING.search(sentence)
    return bool(going) and not _NOT_TOURING.search(sentence, 0, going.start() if going else 0)
_END = re.compile(r"[。！？!?\n]")
# The visiting party named before a day (调研组一行5月9日又到…): the day still opens the sentence.
_PARTY = re.compile(r"\s*(?:[他她]们?|[一-龥]{0,6}一行|调研组|考察团|检查组|督导组|代表团)"
                    r"(?=\s*(?:\d{1,2}月)?\d{1,2}[日号])")


def tour_days(simple: str, span: DateSpan, anchor: int | None) -> DateSpan:
    """``span`` run on over the following days that open sentences after the lead's own
    sentence and report going or inspecting, while each is the day after the last."""
    if not span.start or anchor is None:
        return span
    span = _listed_after(simple, span.start, span)
    if not span.start:
        return span
    last = date.fromisoformat(span.last_day() or span.start)
    for start in _sentence_starts(simple, anchor):
        party = _PARTY.match(simple, start)
        m = _DAY_OPENS.match(simple, party.end() if party else start)
        if not m or not _touring(_SENTENCE.match(simple, m.end()).group(0)):  # type: ignore[union-attr]
            continue
        day = last + timedelta(days=1) if m.group(3) else _day_of(m, last)
        if day is None or day <= last:
            continue
        if day > last + timedelta(days=_LIST_GAP):
            break  # a later trip, not the same tour
        last = _range_end(m, day)
    return DateSpan(span.start, last.isoformat()) if last.isoformat() > (span.end or span.start) else span


# 3月18日，3月20日-21日，…赴…调研: days written one after another, each with its month, are one trip.
_MONTH_DAYS_LISTED = re.compile(
    rf"(\d{{1,2}})月(\d{{1,2}})日[，,、](\d{{1,2}})月(\d{{1,2}})日(?:{_TO}(\d{{1,2}})日)?")


def _listed_after(simple: str, start: str, span: DateSpan) -> DateSpan:
    """``span`` run on to the days listed right after its first day, when they follow within days."""
    first = date.fromisoformat(start)
    for m in _MONTH_DAYS_LISTED.finditer(simple):
        if (int(m.group(1)), int(m.group(2))) != (first.month, first.day):
            continue
        iso = resolve(int(m.group(3)), int(m.group(5) or m.group(4)), None, first.year)
        end = date.fromisoformat(iso) if iso else first
        if first < end <= first + timedelta(days=6) and end.isoformat() > (span.end or start):
            return DateSpan(span.start, end.isoformat())
        break
    return span


def _range_end(m: re.Match[str], day: date) -> date:
    """The last day of a range a sentence opens with (5月7日至8日，她又到…), else ``day``."""
    if not m.group(5):
        return day
    iso = resolve(int(m.group(4)) if m.group(4) else day.month, int(m.group(5)), None, day.year)
    end = date.fromisoformat(iso) if iso else day
    return end if day < end <= day + timedelta(days=6) else day


def _sentence_starts(simple: str, anchor: int) -> list[int]:
    """Where each sentence after the one at ``anchor`` opens."""
    first = min((i for i in (simple.find(c, anchor) for c in "。！？!?\n") if i >= 0), default=-1)
    if first < 0:
        return []
    return [first + 1] + [m.end() for m in _END.finditer(simple, first + 1) if m.end() < len(simple)]


def _day_of(m: re.Match[str], last: date) -> date | None:
    """The day a sentence opens with, in the month of the tour so far unless it names one."""
    day = cn_number(m.group(2))
    month = cn_number(m.group(1)) if m.group(1) else last.month
    if not day or not month:
        return None
    iso = resolve(month, day, None, last.year)
    return date.fromisoformat(iso) if iso else None


# 2012年桐城大事记: a chronicle of one year, whatever date the page carries.
_CHRONICLE = re.compile(r"((?:19|20)\d{2})年[^\n]{0,16}?(?:大事记|纪事|大事纪要|年鉴)")
# A line that is only a month (a chronicle's section) and a line that opens with a day alone.
_MONTH_HEADING = re.compile(r"^\s*(\d{1,2})月\s*$", re.M)
_DAY_OPENS_LINE = re.compile(rf"^([ \t\u3000]*)(?=\d{{1,2}}(?:{_TO}\d{{1,2}})?日)", re.M)


def chronicle_reference(simple: str, title: str | None) -> Reference | None:
    """The year a chronicle covers: its entries fall in that year."""
    m = _CHRONICLE.search(to_simplified(title or "")) or _CHRONICLE.search(simple, 0, 600)
    return Reference(int(m.group(1))) if m else None


def with_months(text: str) -> str:
    """A chronicle's days under a month heading (5月\n6日…) written with their month (5月6日…)."""
    headings = list(_MONTH_HEADING.finditer(text))
    if not headings:
        return text
    out: list[str] = []
    at = 0
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        out.append(text[at:heading.end()])
        out.append(_DAY_OPENS_LINE.sub(r"\g<1>" + heading.group(1) + "月", text[heading.end():end]))
        at = end
    return "".join(out)
