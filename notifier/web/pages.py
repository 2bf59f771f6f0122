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
