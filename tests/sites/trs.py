"""A TRS WCM portal, built to the real shape, GBK-encoded under a header that claims UTF-8.

``/xwzx/yw/index.html``, ``index_1.html``, ``index_2.html`` with a JavaScript
pager (``createPageHTML(3, 0, "index", "html")``, or ``var countPage``);
articles at ``./202303/t20230330_100001.html`` with the body in
``div.TRS_Editor``; every tenth article continues in ``..._1.html``.
"""

from __future__ import annotations

from html import escape

from .content import Story, pages_of, stories
from .server import Page, Site

SECTION = "/xwzx/yw"


def article_name(story: Story) -> str:
    return f"t{story.published:%Y%m%d}_{100000 + story.number}"


def article_path(story: Story) -> str:
    return f"{SECTION}/{story.published:%Y%m}/{article_name(story)}.html"


def _pager(count: int, current: int, stem: str, style: int) -> str:
    if style == 1:
        return f"<script>var countPage = {count}//共多少页\nvar currentPage = {current};</script>"
    return f'<script language="JavaScript">createPageHTML({count}, {current}, "{stem}", "html");</script>'


def list_page(items: list[Story], number: int, count: int) -> str:
    rows = "".join(
        f'<li><a href="./{s.published:%Y%m}/{article_name(s)}.html" target="_blank" '
        f'title="{escape(s.title)}">'
        f"{escape(s.title)}</a><span>{s.published.isoformat()}</span></li>" for s in items)
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f'<title>要闻</title></head><body>'
            f'<div class="nav"><a href="/">首页</a><a href="../">新闻中心</a></div>'
            f'<ul class="list">{rows}</ul>{_pager(count, number, "index", number % 2)}</body></html>')


def article_page(story: Story, part: int, parts: list[str], pager: bool) -> str:
    script = _pager(len(parts), part, article_name(story), 0) if pager else ""
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"<title>{escape(story.title)}</title></head><body>"
            f'<div class="crumb">当前位置：首页 &gt; 新闻中心 &gt; 要闻</div>'
            f'<div class="article"><h1>{escape(story.title)}</h1>'
            f'<div class="info">发布时间：{story.published.isoformat()} 09:30 来源：市政府办公室</div>'
            f'<div class="TRS_Editor"><div class="Custom_UnionStyle">{parts[part]}</div></div>{script}'
            f'<div class="print"><a href="javascript:window.print()">打印本页</a> <a>关闭窗口</a></div>'
            f'<div class="share">分享到：微信 微博</div></div></body></html>')


def build(base: str = "", *, count: int = 36, per_page: int = 12) -> Site:
    items, site = stories(count, "zh"), Site()
    ctype = "text/html; charset=utf-8"  # the header lies; the page is GBK
    chunks = pages_of(items, per_page)
    for number, chunk in enumerate(chunks):
        name = "index.html" if number == 0 else f"index_{number}.html"
        html = list_page(chunk, number, len(chunks))
        site.pages[f"{SECTION}/{name}"] = Page(html.encode("gbk"), ctype, validators=number == 0)
    for story in items:
        paragraphs = [f"<p>{escape(p)}</p>" for p in story.paragraphs]
        split = story.number % 10 == 0
        parts = ["".join(paragraphs[:1]), "".join(paragraphs[1:])] if split else ["".join(paragraphs)]
        stem = article_path(story)[:-5]
        for i in range(len(parts)):
            path = f"{stem}.html" if i == 0 else f"{stem}_{i}.html"
            site.pages[path] = Page(article_page(story, i, parts, split).encode("gbk"), ctype)
    return site


def start_url(base: str) -> str:
    return f"{base}{SECTION}/index.html"
