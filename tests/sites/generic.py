"""A portal no adapter knows, crawled through selectors from sources.toml (GBK, Chinese)."""

from __future__ import annotations

from html import escape

from core.config import Selectors

from .content import Story, pages_of, stories
from .server import Page, Site

SELECTORS = Selectors(article_links="ul.news-list li a", next_page="//a[@class='next-page']/@href",
                      title="h2.headline", date="span.pub-date", body="div.story")


def article_path(story: Story) -> str:
    return f"/news/show.php?id={story.number}"


def listing(items: list[Story], number: int, count: int) -> str:
    rows = "".join(f'<li><a href="{article_path(s)}">{escape(s.title)}</a> <em>{s.published}</em></li>'
                   for s in items)
    nxt = f"<a class='next-page' href='/news/list_{number + 2}.html'>下一页</a>" if number + 1 < count else ""
    return (f'<html><head><meta charset="gbk"><title>新闻</title></head><body><ul class="menu"><li>'
            f'<a href="/">首页</a></li></ul><ul class="news-list">{rows}</ul>{nxt}</body></html>')


def article(story: Story) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return (f'<html><head><meta charset="gbk"><title>{escape(story.title)}</title></head><body>'
            f'<h2 class="headline">{escape(story.title)}</h2><span class="pub-date">{story.published}</span>'
            f'<div class="story">{body}<p class="editor">责任编辑：周敏</p></div></body></html>')


def build(base: str = "", *, count: int = 36, per_page: int = 12, items: list[Story] | None = None) -> Site:
    items, site = items if items is not None else stories(count, "zh"), Site()
    chunks = pages_of(items, per_page)
    for number, chunk in enumerate(chunks):
        site.pages[f"/news/list_{number + 1}.html"] = Page(listing(chunk, number, len(chunks)).encode("gbk"),
                                                           "text/html", validators=number == 0)
    for story in items:
        site.pages[article_path(story)] = Page(article(story).encode("gbk"), "text/html")
    return site


def start_url(base: str) -> str:
    return base + "/news/list_1.html"
