"""Any other portal, described by selectors in sources.toml instead of code.

    [sources.selectors]
    article_links = "ul.news-list li a"        # CSS, or XPath when it starts with / or (
    next_page = "a.next::attr(href)"
    title = "h1.title"
    date = "span.date"
    body = "div.article-body"

Whatever a selector misses falls back to trafilatura/htmldate.
"""

from __future__ import annotations

from parsel import Selector
from scrapy import Request
from scrapy.http import Response

from core.config import Selectors, SourceConfig
from crawler.article import PageSelectors
from crawler.page_helpers import pick

from .base import Adapter, Listing, page_selector

DEFAULT_LINKS = ("article a[href]", "ul.list li a[href]", "ul li a[href]")


class GenericAdapter(Adapter):

    def __init__(self, source: SourceConfig) -> None:
        super().__init__(source)
        self.selectors = source.selectors or Selectors()
        self.page_selectors = PageSelectors(*((expr,) if expr else () for expr in (
            self.selectors.title, self.selectors.date, self.selectors.body)))

    def parse_list(self, response: Response) -> Listing:
        sel = page_selector(response)
        exprs = (self.selectors.article_links,) if self.selectors.article_links else DEFAULT_LINKS
        items = self.links_from(sel, response, exprs)
        return Listing(items, self._next(sel, response) if items else None)

    def _next(self, sel: Selector, response: Response) -> Request | None:
        if not self.selectors.next_page:
            return None
        found = pick(sel, self.selectors.next_page)
        if not found:
            return None
        node = found[0]
        return self.next_page(response, node.root if isinstance(node.root, str) else node.attrib.get("href"))
