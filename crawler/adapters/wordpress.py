"""WordPress sites (republishers such as breakinglatest.news).

Category and tag listings page as ``/page/N/`` (the rel="next" / ``a.next`` link
is followed); posts carry ``entry-title``, a ``time.entry-date`` or
``article:published_time``, and ``div.entry-content`` (read by :mod:`crawler.article`).
"""

from __future__ import annotations

import re
from datetime import date

from parsel import Selector
from scrapy import Request
from scrapy.http import Response

from crawler.page_helpers import parse_date

from .base import Adapter, Listing, page_selector

_PAGED = re.compile(r"/page/(\d+)/?$")
LINKS = ("article .entry-title a", "h2.entry-title a", "h3.entry-title a", ".post-title a", "article h2 a",
         "article h3 a")


def paged_url(start: str, page: int) -> str:
    """``/category/x/`` -> ``/category/x/page/N/``."""
    root = _PAGED.sub("", start.split("?")[0]).rstrip("/")
    return f"{root}/page/{page}/"


class WordpressAdapter(Adapter):
    def parse_list(self, response: Response) -> Listing:
        sel = page_selector(response)
        items = self.links_from(sel, response, LINKS)
        return Listing(items, self._next(sel, response) if items else None)

    def item_date(self, node: Selector) -> date | None:
        stamp = node.xpath("ancestor::article[1]//time/@datetime").get()
        return parse_date(stamp) or super().item_date(node)

    def _next(self, sel: Selector, response: Response) -> Request | None:
        href = sel.css("a.next.page-numbers::attr(href), link[rel=next]::attr(href)").get()
        return self.next_page(response, href)
