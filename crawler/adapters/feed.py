"""RSS 2.0 and Atom feeds (feedparser).

Entries that carry their full text (``content:encoded``, Atom ``content``)
become articles without another request; entries with only a summary have
their article page fetched. Feeds page through ``<link rel="next">``
(RFC 5005), as WordPress and many CMSs offer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import feedparser
from scrapy import Request
from scrapy.http import Response

from crawler.page_helpers import html_text, parse_date

from .base import Adapter, Listing, ListItem, ParseFailure, web_link

FULL_TEXT = 200  # characters of content beyond the summary that make an entry "full text"


def _entry_date(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    return parse_date(entry.get("published") or entry.get("updated"))


def _full_text(entry: Any) -> str:
    summary = html_text(entry.get("summary") or "")
    content = " ".join(c.get("value", "") for c in entry.get("content") or [])
    text = html_text(content) if content else ""
    return text if len(text) >= FULL_TEXT and len(text) > len(summary) else ""


class FeedAdapter(Adapter):
    def parse_list(self, response: Response) -> Listing:
        parsed = feedparser.parse(response.body, response_headers={
            k.decode("latin-1").lower(): v[0].decode("latin-1") for k, v in response.headers.items() if v})
        if not parsed.entries and parsed.get("bozo"):
            raise ParseFailure(f"{response.url}: not a feed ({parsed.get('bozo_exception')})")
        items = [ListItem(url, " ".join((e.get("title") or "").split()), _entry_date(e), _full_text(e))
                 for e in parsed.entries if (url := web_link(response, e.get("link")))]
        return Listing(items, self._next(parsed, response) if items else None)

    def _next(self, parsed: Any, response: Response) -> Request | None:
        for link in parsed.feed.get("links", []):
            if link.get("rel") == "next" and link.get("href"):
                return self.next_page(response, link["href"])
        return None
