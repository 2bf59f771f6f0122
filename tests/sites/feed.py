"""An RSS 2.0 feed in pages (``<atom:link rel="next">``), with summaries only for most
items (their article pages are fetched) and full ``content:encoded`` for every third."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from .content import Story, pages_of, stories
from .server import Page, Site


def article_path(story: Story) -> str:
    return f"/news/{story.published:%Y%m%d}-{story.number}.html"


def _item(base: str, story: Story) -> str:
    stamp = format_datetime(datetime.combine(story.published, datetime.min.time(), UTC))
    full = ""
    if story.number % 3 == 0:
        body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
        full = f"<content:encoded><![CDATA[{body}]]></content:encoded>"
    return (f"<item><title>{escape(story.title)}</title><link>{base}{article_path(story)}</link>"
            f"<pubDate>{stamp}</pubDate><description>{escape(story.paragraphs[0][:80])}...</description>"
            f"{full}</item>")


def feed(base: str, items: list[Story], number: int, count: int) -> str:
    nxt = f'<atom:link rel="next" href="{base}/feed/?paged={number + 2}"/>' if number + 1 < count else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>City News</title><link>{base}/</link><description>News</description>{nxt}"
            + "".join(_item(base, s) for s in items) + "</channel></rss>")


def article(story: Story) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{escape(story.title)}">'
            f"<title>{escape(story.title)}</title></head><body><header>City News</header><article>"
            f'<h1>{escape(story.title)}</h1><time datetime="{story.published}">{story.published}</time>'
            f'<div class="article-content">{body}</div><div class="share-bar">Share: Weibo</div></article>'
            f"<footer>Contact us</footer></body></html>")


def build(base: str, *, count: int = 36, per_page: int = 12) -> Site:
    items, site = stories(count, "en"), Site()
    chunks = pages_of(items, per_page)
    for number, chunk in enumerate(chunks):
        path = "/feed/" if number == 0 else f"/feed/?paged={number + 1}"
        site.pages[path] = Page(feed(base, chunk, number, len(chunks)).encode(), "application/rss+xml",
                                validators=number == 0)
    for story in items:
        site.pages[article_path(story)] = Page(article(story).encode())
    return site


def start_url(base: str) -> str:
    return base + "/feed/"
