"""A WordPress republisher: category listing with /page/N/ paging, posts with entry-content."""

from __future__ import annotations

from html import escape

from .content import Story, pages_of, stories
from .server import Page, Site

CATEGORY = "/category/local-news/"


def post_path(story: Story) -> str:
    return f"/{story.published:%Y/%m/%d}/city-news-{story.number}/"


def listing(base: str, items: list[Story], number: int, count: int) -> str:
    posts = "".join(
        f'<article class="post type-post"><header class="entry-header"><h2 class="entry-title">'
        f'<a href="{base}{post_path(s)}" rel="bookmark">{escape(s.title)}</a></h2>'
        f'<div class="entry-meta"><time class="entry-date published" datetime="{s.published}T10:00:00+08:00">'
        f'{s.published:%B %d, %Y}</time></div></header>'
        f'<div class="entry-summary"><p>{escape(s.paragraphs[0])}'
        f"</p></div></article>" for s in items)
    nav = f'<a class="next page-numbers" href="{base}{CATEGORY}page/{number + 2}/">Next</a>' if (
        number + 1 < count) else ""
    return (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Local News</title></head>'
            f'<body class="archive category"><nav class="menu"><a href="{base}/">Home</a></nav><main>{posts}'
            f'<nav class="navigation pagination"><div class="nav-links">'
            f'<span class="page-numbers current">{number + 1}</span>{nav}</div></nav></main></body></html>')


def post(base: str, story: Story) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">'
            f'<meta property="og:title" content="{escape(story.title)}">'
            f'<meta property="article:published_time" content="{story.published}T10:00:00+08:00">'
            f"<title>{escape(story.title)} - Breaking Latest</title></head><body>"
            f'<div class="breadcrumbs">Home &raquo; Local News</div><article class="post">'
            f'<h1 class="entry-title">{escape(story.title)}</h1><div class="entry-content">{body}'
            f'<div class="sharedaddy"><h3>Share this:</h3><a>Twitter</a><a>Facebook</a></div>'
            f'</div></article><aside class="widget">Recent posts</aside></body></html>')


def build(base: str, *, count: int = 36, per_page: int = 12) -> Site:
    items, site = stories(count, "en"), Site()
    chunks = pages_of(items, per_page)
    for number, chunk in enumerate(chunks):
        path = CATEGORY if number == 0 else f"{CATEGORY}page/{number + 1}/"
        site.pages[path] = Page(listing(base, chunk, number, len(chunks)).encode(), validators=number == 0)
    for story in items:
        site.pages[post_path(story)] = Page(post(base, story).encode())
    return site


def start_url(base: str) -> str:
    return base + CATEGORY
