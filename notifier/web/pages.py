"""Rendering the web pages: their Jinja2 environment, and the reader's language (en or zh).

The pages share the digest's look (``web_base.html.j2`` carries its colours
and type). Autoescape is on for every template and undefined names raise.
The language comes from ``?lang=`` when given, else from the first of
``Accept-Language`` that is English or Chinese, else English; the interface
strings of each language are :data:`STRINGS`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from notifier.render import TEMPLATES, highlight

LANGUAGES = ("en", "zh")
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site": "inspectwatch",
        "tagline": "Officials' inspection visits, as the city news reports them",
        "recent": "Recent visits",
        "search": "Search",
        "search_hint": "a watch: words, \"phrases\", OR, -word, official:, place:, org:, topic:",
        "no_visits": "No visits found.",
        "newer": "Newer",
        "older": "Older",
        "page": "page {}",
        "date": "Date",
        "led_by": "Led by",
        "where": "Where",
        "stops": "Stops",
        "accompanied": "Accompanied by",
        "source": "Source",
        "bad_watch": "This search does not parse:",
        "results_for": "Visits matching",
        "subscribe": "Subscribe",
        "subscribe_title": "Get visits by email",
        "email": "Email address",
        "watches": "Watches, one a line",
        "watches_hint": ("e.g. org:\"Longshan Carbon\" or topic:steel place:Pingyin; a digest says "
            "which watch matched."),
        "frequency": "How often",
        "freq_immediate": "as soon as found",
        "freq_daily": "daily",
        "freq_weekly": "weekly",
        "send_at": "Send at (daily and weekly)",
        "weekday": "Day (weekly)",
        "timezone": "Time zone",
        "subscribe_button": "Subscribe",
        "double_opt_in": "We send a link to confirm the address; nothing else is sent until you confirm.",
        "fix_these": "Please fix:",
        "check_inbox": "Check your inbox",
        "check_inbox_text": ("If the address can receive mail, a message with a link is on its way. Open it "
            "within 7 days to confirm. Nothing else is sent until then."),
        "too_many": "Too many sign-ups",
        "too_many_text": "This connection has sent the form too often. Please try again in an hour.",
        "confirm_title": "Confirm your subscription",
        "confirm_text": "Start sending inspectwatch digests to {}?",
        "confirm_button": "Confirm",
        "confirmed": "Subscribed",
        "confirmed_text": "{} will receive digests from now on.",
        "manage_link": "Change your watches and schedule",
        "bad_link": "This link is not valid",
        "bad_link_text": ("The link was changed, is incomplete or has expired. Please sign up again, or "
            "use the link in your latest digest."),
        "form_expired": "The form expired",
        "form_expired_text": "Please reload the page and send the form again.",
        "manage_title": "Your subscription",
        "save": "Save",
        "saved": "Saved. The next digest follows these settings.",
        "feed_link": "Atom feed of your matches",
        "unsubscribe_link": "Unsubscribe",
        "state_pending": "Not confirmed yet: open the link in the confirmation mail.",
        "state_unsubscribed": "Unsubscribed: no digests are sent.",
        "state_bouncing": "Mail to this address bounces: no digests are sent.",
        "digest_language": "Language of the digests",
        "lang_auto": "after the watches' script",
    },
    "zh": {
        "site": "inspectwatch",
        "tagline": "各地新闻报道的领导调研视察",
        "recent": "最近的调研",
        "search": "搜索",
        "search_hint": "关注表达式：词语、\"短语\"、OR、-排除词、official:、place:、org:、topic:",
        "no_visits": "没有找到调研记录。",
        "newer": "较新",
        "older": "较早",
        "page": "第 {} 页",
        "date": "日期",
        "led_by": "带队",
        "where": "地点",
        "stops": "调研点",
        "accompanied": "陪同",
        "source": "来源",
        "bad_watch": "无法解析这个搜索：",
        "results_for": "匹配的调研",
        "subscribe": "订阅",
        "subscribe_title": "通过邮件接收调研动态",
        "email": "邮箱地址",
        "watches": "关注表达式，每行一个",
        "watches_hint": "例如 org:\"龙山碳素\" 或 topic:steel place:平阴；摘要会写明匹配了哪个关注。",
        "frequency": "发送频率",
        "freq_immediate": "发现即发送",
        "freq_daily": "每天",
        "freq_weekly": "每周",
        "send_at": "发送时间（每天、每周）",
        "weekday": "星期（每周）",
        "timezone": "时区",
        "subscribe_button": "订阅",
        "double_opt_in": "我们会发送一封确认邮件；确认之前不会发送其他邮件。",
        "fix_these": "请修改：",
        "check_inbox": "请查收邮件",
        "check_inbox_text": ("如果该地址可以收信，一封带链接的邮件正在发出。"
                             "请在 7 天内打开链接确认。确认之前不会发送其他邮件。"),
        "too_many": "提交过于频繁",
        "too_many_text": "这个连接提交表单的次数太多，请一小时后再试。",
        "confirm_title": "确认订阅",
        "confirm_text": "开始向 {} 发送 inspectwatch 摘要？",
        "confirm_button": "确认",
        "confirmed": "订阅成功",
        "confirmed_text": "{} 从现在起会收到摘要。",
        "manage_link": "修改关注和发送时间",
        "bad_link": "链接无效",
        "bad_link_text": "链接被修改、不完整或已过期。请重新订阅，或使用最近一封摘要中的链接。",
        "form_expired": "表单已过期",
        "form_expired_text": "请刷新页面后重新提交。",
        "manage_title": "我的订阅",
        "save": "保存",
        "saved": "已保存。下一封摘要按新设置发送。",
        "feed_link": "匹配结果的 Atom 订阅源",
        "unsubscribe_link": "退订",
        "state_pending": "尚未确认：请打开确认邮件中的链接。",
        "state_unsubscribed": "已退订：不再发送摘要。",
        "state_bouncing": "发往该地址的邮件被退回：不再发送摘要。",
        "digest_language": "摘要语言",
        "lang_auto": "按关注的文字",
    },
}


def language(request: Request) -> str:
    """``en`` or ``zh``: the ``lang`` query parameter, else Accept-Language, else ``en``."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "en"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["highlight"] = highlight
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """``name`` rendered in the reader's language, as an HTML response."""
    lang = language(request)
    page = environment().get_template(name).render(lang=lang, t=STRINGS[lang], **context)
    return HTMLResponse(page, status)
