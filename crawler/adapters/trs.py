"""TRS WCM portals: ``index.html``, ``index_1.html``, ``index_2.html`` ...

The pager is JavaScript, ``createPageHTML(countPage, currentPage, "index", "html")``
or ``var countPage = 17`` / ``var currentPage = 0``; the count is read with a
regex, no JavaScript engine. Articles live at relative paths such as
``./202303/t20230330_123456.html`` with the body in ``div.TRS_Editor`` (read by
:mod:`crawler.article`); a
multi-page article continues in ``t20230330_123456_1.html`` and so on.
"""

from __future__ import annotations

import re

from parsel import Selector
from scrapy import Request
from scrapy.http import Response

from crawler.page_helpers import parse_date

from .base import Adapter, Listing, ListItem, page_selector

_CREATE = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]+)['\"]"
                     r"\s*,\s*['\"](\w+)['\"]")
_COUNT = re.compile(r"var\s+countPage\s*=\s*['\"]?(\d+)")
_CURRENT = re.compile(r"var\s+currentPage\s*=\s*['\"]?(\d+)")
_ARTICLE = re.compile(r"(?:^|/)t(\d{8})_\d+(?:_\d+)?\.s?html?$")


def pager(script: str) -> tuple[int, int, str, str] | None:
    """(countPage, currentPage, stem, extension) from a TRS pager script."""
    if m := _CREATE.search(script):
        return int(m[1]), int(m[2]), m[3], m[4]
    count, current = _COUNT.search(script), _CURRENT.search(script)
    if count:
        return int(count[1]), int(current[1]) if current else 0, "index", "html"
    return None


def page_url(base_url: str, stem: str, ext: str, number: int) -> str:
    """The URL of page ``number`` (0 = first) of a TRS pager rooted at ``base_url``."""
    name = f"{stem}.{ext}" if number == 0 else f"{stem}_{number}.{ext}"
    return base_url.rsplit("/", 1)[0] + "/" + name


class TrsAdapter(Adapter):
    def parse_list(self, response: Response) -> Listing:
        sel = page_selector(response)
        items = [self._dated(item) for item in self.links_from(sel, response, ("a[href]",))
                 if _ARTICLE.search(item.url.split("?")[0])]
        return Listing(items, self._next(sel, response, bool(items)))

    @staticmethod
    def _dated(item: ListItem) -> ListItem:
        if item.published is None:
            m = _ARTICLE.search(item.url.split("?")[0])
            return ListItem(item.url, item.title, parse_date(m[1]) if m else None, item.text)
        return item

    def _next(self, sel: Selector, response: Response, has_items: bool) -> Request | None:
        found = pager(" ".join(sel.css("script::text").getall()))
        if not has_items or found is None:
            return None
        count, current, stem, ext = found
        if current + 1 >= count:
            return None
        start = response.meta.get("start") or response.url
        url = page_url(start if start.endswith(f".{ext}") else start.rstrip("/") + f"/{stem}.{ext}",
                       stem, ext, current + 1)
        return self.list_request(url, int(response.meta.get("page", 1)) + 1, meta={"start": start})

    def more_pages(self, html: str, response: Response) -> tuple[str, ...]:
        found = pager(" ".join(Selector(text=html, type="html").css("script::text").getall()))
        if found is None or found[1] != 0 or found[0] <= 1 or found[2] == "index":
            return ()
        count, _, stem, ext = found
        return tuple(page_url(response.url, stem, ext, n) for n in range(1, count))
