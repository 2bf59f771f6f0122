"""The digest's words in the reader's language (English or Chinese), and its dates and times.

A subscriber's ``language`` picks a :class:`Labels`; without one, the script of the first watch
does (``official:刘强`` reads Chinese). Dates are formatted by Babel ("Wednesday, 29 March 2023",
"2023年3月29日 星期三"); times carry their zone by name and offset, never an abbreviation such as
"CST" (China, or US Central?).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from notifier.text import is_cjk

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Labels:
    """Every word a digest (and its unsubscribe pages) shows that is not scraped text."""

    language: str
    locale: str
    day_format: str  # Babel patterns
    short_day_format: str
    moment_format: str
    no_date: str
    inspected: str  # "{lead} inspected {what}"
    inspection_at: str  # no lead named
    more: str  # in the subject: "{count}" more visits after the first, "{total}" visits in all
    place: str  # "{name} ({region})"
    digest_for: str  # "{frequency}", "{email}", "{when}"
    frequencies: tuple[tuple[str, str], ...]
    with_: str
    accompanied_by: str
    matches_one: str
    matches_many: str
    quote_open: str
    quote_close: str
    list_sep: str
    kinds: tuple[tuple[str, str], ...]
    you_receive: str  # "{email}"
    your_watches: str
    unsubscribe: str
    unsubscribe_by_email: str
    sent_by: str
    left_out_one: str  # "{count}"
    left_out_many: str
    unsubscribe_title: str  # "{email}"
    unsubscribe_body: str
    unsubscribe_button: str
    unsubscribed_title: str
    unsubscribed_body: str
    invalid_title: str
    invalid_body: str
    manage: str
    feed: str

    def kind(self, name: str) -> str:
        return dict(self.kinds).get(name, name)

    def frequency(self, name: str) -> str:
        return dict(self.frequencies).get(name, name)

    def left_out(self, count: int) -> str:
        return (self.left_out_one if count == 1 else self.left_out_many).format(count=count)

    def digest_line(self, frequency: str, email: str, when: str) -> str:
        return self.digest_for.format(frequency=self.frequency(frequency), email=email, when=when)


EN = Labels(
    language="en", locale="en", day_format="EEEE, d MMMM y", short_day_format="d MMM",
    moment_format="d MMMM y", no_date="Date not given", inspected="{lead} inspected {what}",
    inspection_at="Inspection at {what}", more=" + {count} more", place="{name} ({region})",
    digest_for="{frequency} digest for {email} · {when}",
    frequencies=(("immediate", "Immediate"), ("daily", "Daily"), ("weekly", "Weekly")),
    with_="With", accompanied_by="Accompanied by", matches_one="Matches your watch",
    matches_many="Matches your watches", quote_open="“", quote_close="”", list_sep=", ",
    kinds=(), you_receive="You receive this because {email} watches:", your_watches="Your watches:",
    unsubscribe="Unsubscribe", unsubscribe_by_email="unsubscribe by email", sent_by="sent by inspectwatch",
    left_out_one="and {count} more matching visit not shown here",
    left_out_many="and {count} more matching visits not shown here",
    unsubscribe_title="Unsubscribe {email}?",
    unsubscribe_body="You will no longer receive inspectwatch digests at {email}.",
    unsubscribe_button="Unsubscribe", unsubscribed_title="Unsubscribed",
    unsubscribed_body="{email} will receive no more inspectwatch digests.",
    invalid_title="This link is not valid",
    invalid_body="The unsubscribe link was changed or is incomplete. Please use the link from the "
                 "latest digest you received.",
    manage="Change your watches", feed="Atom feed",
)

ZH = Labels(
    language="zh", locale="zh_Hans_CN", day_format="y年M月d日 EEEE", short_day_format="M月d日",
    moment_format="y年M月d日", no_date="日期不详", inspected="{lead}调研{what}", inspection_at="调研{what}",
    more="等{total}项视察", place="{name}（{region}）", digest_for="{email} 的{frequency} · {when}",
    frequencies=(("immediate", "即时提醒"), ("daily", "每日摘要"), ("weekly", "每周摘要")),
    with_="同行", accompanied_by="陪同", matches_one="符合您的关注", matches_many="符合您的关注",
    quote_open="“", quote_close="”", list_sep="、",
    kinds=(("enterprise", "企业"), ("project", "项目"), ("village", "村"), ("community", "社区"),
           ("institution", "机构"), ("other", "其他")),
    you_receive="您收到此邮件，是因为 {email} 关注了：", your_watches="您的关注：", unsubscribe="退订",
    unsubscribe_by_email="通过邮件退订", sent_by="由 inspectwatch 发送",
    left_out_one="另有{count}项符合的视察未在此列出", left_out_many="另有{count}项符合的视察未在此列出",
    unsubscribe_title="退订 {email}？", unsubscribe_body="{email} 将不再收到 inspectwatch 摘要。",
    unsubscribe_button="退订", unsubscribed_title="已退订",
    unsubscribed_body="{email} 将不再收到 inspectwatch 摘要。",
    invalid_title="此链接无效", invalid_body="退订链接已被修改或不完整。请使用您最近收到的摘要中的链接。",
    manage="修改关注", feed="Atom 订阅源",
)

_BY_LANGUAGE = {"en": EN, "zh": ZH}


_LATIN_CJK = re.compile(r"(?<=[A-Za-z0-9)])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9(])")


def spaced(text: str) -> str:
    """A space where Latin meets Chinese ("Liu Qiang 调研 Longshan Carbon"), as Chinese typesetting does."""
    return _LATIN_CJK.sub(" ", text)


def reader_language(language: str | None, watches: Sequence[str]) -> str:
    """``language`` when set, else "zh" when the first watch is written in Chinese, else "en"."""
    if language in _BY_LANGUAGE:
        return str(language)
    return "zh" if watches and is_cjk(watches[0]) else "en"


def labels_for(language: str | None) -> Labels:
    return _BY_LANGUAGE.get(language or "en", EN)


def day_label(iso: str, labels: Labels) -> str:
    """"Wednesday, 29 March 2023" or "2023年3月29日 星期三"; the words for no date."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return labels.no_date
    return format_date(day, labels.day_format, locale=labels.locale)


def short_day(iso: str, labels: Labels) -> str:
    """"29 Mar" or "3月29日"; "" for no date."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return ""
    return format_date(day, labels.short_day_format, locale=labels.locale)


def utc_offset(moment: datetime) -> str:
    """"UTC+8", "UTC-5", "UTC+5:30"."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def local_time(now: datetime, timezone: str, labels: Labels = EN) -> str:
    """"30 March 2023, 08:00 Asia/Shanghai (UTC+8)": the zone by name and offset."""
    local = now.replace(tzinfo=UTC).astimezone(ZoneInfo(timezone))
    day = format_date(local.date(), labels.moment_format, locale=labels.locale)
    return f"{day} {local:%H:%M} {timezone} ({utc_offset(local)})"
