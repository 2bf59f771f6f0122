"""What every site adapter is: list pages in, article links and the next page out;
article pages in, title, date and body out.

Adapters are pure: they read a response and return data (and the Request
objects that describe the next fetch); the spider does the fetching. Article
pages are read by :func:`crawler.article.extract_article`, the same reader
``inspectwatch extract --html`` uses, so a crawl and ``extract`` read one page
alike; an adapter adds only what the crawl needs beyond it (further pages of a
multi-page article).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parsel import Selector
from scrapy import Request
from scrapy.http import Response

from core.config import SourceConfig
from core.urls import is_web_url
from crawler.article import (
    MAX_HTML_CHARS,
    MIN_BODY,
    Page,
    PageSelectors,
    extract_article,
    marked_body,
    selectors_for,
)
from crawler.decoding import decode_html
from crawler.page_helpers import parse_date, pick
from crawler.page_select import ParsedPage

logger = logging.getLogger(__name__)

LIST, ARTICLE, MORE = "list", "article", "more"
# Schemes some client could fetch (local files, other services): a link to one on a news page is suspect.
FETCHABLE_ELSEWHERE = frozenset({"file", "ftp", "ftps", "sftp", "s3", "data", "gopher", "smb"})


class ParseFailure(Exception):
    """The page is not what the adapter expected (truncated, empty, garbage)."""


@dataclass(frozen=True)
class ListItem:
    """One article link on a list page, with what the list says about it."""

    url: str
    title: str = ""
    published: date | None = None
    text: str = ""  # the full text, when the listing carries it (feeds with content)


@dataclass
class Listing:
    items: list[ListItem] = field(default_factory=list)
    next: Request | None = None


ArticleParts = Page  # what an adapter reads from an article page: the page reader's one result type


def header_charset(response: Response) -> str | None:
    ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    return ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None


def web_link(response: Response, href: str | None) -> str | None:
    """The absolute URL of a link on ``response`` when it is http or https; None for anything else
    (``file:``, ``ftp:``, ``data:``, ``javascript:``, ``mailto:``, an empty or fragment-only href)."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url = response.urljoin(href)
    if is_web_url(url):
        return url
    scheme = url.split(":", 1)[0].lower()
    log = logger.warning if scheme in FETCHABLE_ELSEWHERE else logger.debug
    log("%s: skipped a link that is not http or https: %.200s", response.url, url)
    return None


def page_text(response: Response) -> str:
    return decode_html(response.body, header_charset(response))


def page_selector(response: Response) -> Selector:
    text = page_text(response)
    if not text.strip():
        raise ParseFailure(f"{response.url}: empty page")
    return Selector(text=text, type="html")


class Adapter:
    """The shared behaviour; subclasses override list parsing and the selectors."""

    page_selectors: PageSelectors | None = None  # a source's configured selectors, tried first

    def __init__(self, source: SourceConfig) -> None:
        self.source = source

    def next_page(self, response: Response, href: str | None) -> Request | None:
        """The request for the next list page at ``href`` (None when it is no http(s) link or this page)."""
        url = web_link(response, href)
        if url is None or url == response.url:
            return None
        start = response.meta.get("start") or response.url
        return self.list_request(url, int(response.meta.get("page", 1)) + 1, meta={"start": start})

    def list_request(self, url: str, page: int, **kwargs: Any) -> Request:
        meta = {"source": self.source.name, "kind": LIST, "page": page, **kwargs.pop("meta", {})}
        return Request(url, meta=meta, dont_filter=True, **kwargs)

    def start_requests(self) -> list[Request]:
        return [self.list_request(url, 1, meta={"start": url}) for url in self.source.start_urls]

    def parse_list(self, response: Response) -> Listing:
        raise NotImplementedError

    def links_from(self, sel: Selector, response: Response, exprs: Iterable[str]) -> list[ListItem]:
        """Article links: each match is an <a>, an element holding one, or an href string."""
        items: dict[str, ListItem] = {}
        for expr in exprs:
            for node in pick(sel, expr):
                item = self.link_item(node, response)
                if item is not None:
                    items.setdefault(item.url, item)
            if items:
                break
        return list(items.values())

    def link_item(self, node: Selector, response: Response) -> ListItem | None:
        if isinstance(node.root, str):
            href, title, day = node.root, "", None
        else:
            anchor = node if node.root.tag == "a" else node.css("a[href]")[:1]
            if not anchor:
                return None
            a = anchor if isinstance(anchor, Selector) else anchor[0]
            href = a.attrib.get("href", "")
            title = a.attrib.get("title") or " ".join(a.xpath("string(.)").get("").split())
            day = self.item_date(a)
        url = web_link(response, href)
        return ListItem(url, title, day) if url is not None else None

    def item_date(self, node: Selector) -> date | None:
        """The date next to a link: in the link's parent, else its grandparent."""
        for path in ("string(..)", "string(../..)"):
            found = parse_date(node.xpath(path).get())
            if found:
                return found
        return None

    def parse_article(self, response: Response) -> Page:
        html = page_text(response)[:MAX_HTML_CHARS]  # the spider cuts the text to what extraction reads
        if not html.strip():
            raise ParseFailure(f"{response.url}: empty page")
        more = self.more_pages(html, response)
        page = extract_article(html, response.url, self.page_selectors, more)
        if len(page.text) < MIN_BODY:
            raise ParseFailure(f"{response.url}: no article body found")
        return page

    def more_pages(self, html: str, response: Response) -> tuple[str, ...]:
        """URLs of the further pages of a multi-page article (``html``: its first page)."""
        return ()

    def continuation_text(self, response: Response) -> str:
        html = page_text(response)[:MAX_HTML_CHARS]
        if not html.strip():
            raise ParseFailure(f"{response.url}: empty page")
        page = ParsedPage(html)
        text = marked_body(page, selectors_for(html, self.page_selectors))
        page.close()
        return text
