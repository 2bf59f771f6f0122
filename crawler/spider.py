"""The one news spider: it fetches what each source's adapter asks for and hands pages over.

Per source: list page 1 (a conditional GET, unless backfilling with
``since``), its article links (the first ``max_links_per_page``: a list
page of 2,000 links is hostile) minus those already stored, then the next list
page, until a page whose items are all known (or all older than ``since``),
or ``max_pages_per_source``. After a run that did not finish (killed, timed
out), all-known pages do not stop it: that run may have stored the newest
articles and not the older ones. A 304 ends that source's run. Figures go to
:mod:`crawler.source_health`; broken pages are counted, logged with their URL, and
skipped.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from core.crawl_runs import OK, previous_statuses, record_run
from core.db.engine import Database
from core.records import Article
from core.store import known_urls
from core.urls import canonical_url
from crawler import fetch_errors, http_cache
from crawler.adapters import ARTICLE, LIST, MORE, Adapter, ArticleParts, Listing, ListItem, adapter_for
from crawler.article import clip
from crawler.crawl_context import CrawlContext
from crawler.items import ArticleItem
from crawler.middlewares import host_allowed
from crawler.page_helpers import iso
from crawler.settings import MAX_LINKS
from crawler.source_health import count, figures, outcome

logger = logging.getLogger(__name__)
BACKFILL_PAGES = 10_000


def unfinished_before(db: Database, run_ids: dict[str, int]) -> set[str]:
    """Sources whose previous run did not end ok (killed, timed out, failed).

    Such a run may have stored the newest articles and not older ones, so the
    next run must not stop at the first list page whose items are all known.
    """
    return {name for name, status in previous_statuses(db, run_ids).items() if status not in (None, OK)}


class NewsSpider(Spider):
    """The news spider. From the CLI and the daemon it gets a ``context``; from Scrapy's own commands
    (``scrapy crawl news -a source=NAME [-a since=YYYY-MM-DD]``, or a Scrapyd job that also names
    the ``run`` it records and that run's ``owner``) it builds one (:mod:`crawler.standalone`)."""

    name = "news"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        if kwargs.get("context") is None:
            from crawler.standalone import context_or_exit

            kwargs["context"] = context_or_exit(crawler.settings, kwargs.pop("source", None),
                                                kwargs.pop("since", None), run=kwargs.pop("run", None),
                                                owner=kwargs.pop("owner", None))
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        return spider

    def __init__(self, context: CrawlContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.sources = {s.name: s for s in context.sources}
        self.adapters: dict[str, Adapter] = {s.name: adapter_for(s) for s in context.sources}
        self.pending_validators: dict[str, dict[str, http_cache.Validators]] = {n: {} for n in self.sources}
        self.requested: set[str] = set()
        self.catching_up = unfinished_before(context.db, context.run_ids)
        self.list_errors: dict[str, str] = {}  # each source's first list-page failure, in plain words

    async def start(self) -> AsyncIterator[Request]:
        for name, adapter in self.adapters.items():
            for request in adapter.start_requests():
                logger.info("crawling %s from %s", name, request.url)
                yield self.list_request(request)

    def list_request(self, request: Request) -> Request:
        headers: dict[str, str] = {}
        if self.context.since is None and request.method == "GET":
            cached = http_cache.load(self.context.db, [request.url]).get(request.url)
            headers = http_cache.request_headers(cached)
        meta = {**request.meta, "handle_httpstatus_list": [304]}
        request.headers.update(headers)
        return request.replace(callback=self.parse_list, errback=self.failed, meta=meta)

    def parse_list(self, response: Response) -> Iterator[Request | ArticleItem]:
        source = response.meta["source"]
        if response.status == 304:
            count(self.crawler, source, "not_modified")
            logger.info("%s: %s not modified; nothing new", source, response.url)
            return
        count(self.crawler, source, "list_pages")
        try:
            listing = self.adapters[source].parse_list(response)
        except Exception as exc:
            count(self.crawler, source, "parse_failures")
            logger.warning("%s: cannot parse list page %s: %s", source, response.url, exc)
            self.list_errors.setdefault(source, f"cannot parse list page {response.url}: {exc}")
            return
        count(self.crawler, source, "list_items", len(listing.items))
        listing.items = self.capped(source, response.url, listing.items)
        validators = http_cache.from_response(response)
        if validators and response.request is not None and response.request.method == "GET":
            asked = (response.meta.get("redirect_urls") or [response.url])[0]
            self.pending_validators[source][asked] = validators
        fresh = self.fresh(source, listing.items)
        for item in fresh:
            yield self.article_or_request(source, item)
        if self.keep_paging(source, listing, fresh, int(response.meta.get("page", 1))):
            assert listing.next is not None
            yield self.list_request(listing.next)

    def capped(self, source: str, url: str, items: list[ListItem]) -> list[ListItem]:
        """The first ``crawl.max_links_per_page`` links of a list page (newest first on every portal)."""
        cap = self.crawler.settings.getint(MAX_LINKS, 100)
        if len(items) <= cap:
            return items
        count(self.crawler, source, "links_dropped", len(items) - cap)
        logger.warning("%s: list page %s has %d article links; following the first %d "
                       "(crawl.max_links_per_page)", source, url, len(items), cap)
        return items[:cap]

    def fresh(self, source: str, items: list[ListItem]) -> list[ListItem]:
        """Items on the source's domains, not stored yet, not older than ``since``, not already asked for."""
        domains = self.context.domains()[source]
        mine = [i for i in items if host_allowed(urlsplit(i.url).hostname or "", domains)]
        since = self.context.since
        recent = [i for i in mine if since is None or i.published is None or i.published >= since]
        stored = known_urls(self.context.db, [i.url for i in recent])
        out = []
        for item in recent:
            key = canonical_url(item.url)
            if key not in stored and key not in self.requested:
                self.requested.add(key)
                out.append(item)
        return out

    def keep_paging(self, source: str, listing: Listing, fresh: list[ListItem], page: int) -> bool:
        if listing.next is None or not listing.items:
            return False
        since = self.context.since
        if since is not None:
            dated = [i.published for i in listing.items if i.published is not None]
            return page < BACKFILL_PAGES and not (dated and max(dated) < since)
        if not fresh and source in self.catching_up:
            logger.info("%s: every item on list page %d is known, but the last run did not finish; "
                        "paging on", source, page)
        elif not fresh:
            logger.info("%s: every item on list page %d is known; stopping", source, page)
            return False
        return page < self.context.max_pages

    def article_or_request(self, source: str, item: ListItem) -> Request | ArticleItem:
        if item.text:
            return self.item(source, item, ArticleParts(item.title, iso(item.published), item.text))
        return Request(item.url, callback=self.parse_article, errback=self.failed,
                       meta={"source": source, "kind": ARTICLE, "item": item})

    async def parse_article(self, response: Response) -> AsyncIterator[Request | ArticleItem]:
        source, item = response.meta["source"], response.meta["item"]
        try:  # on the crawl's worker process when it has one (crawler.offload)
            parts = await self.context.offload.read_article(self.adapters[source], response)
        except Exception as exc:
            self.parse_failure(source, response.url, exc)
            return
        if not (parts.title or item.title):
            self.parse_failure(source, response.url, ValueError("no title on the page or in the list"))
        elif parts.more:
            yield self.more_request(source, item, parts, list(parts.more))
        else:
            yield self.item(source, item, parts)

    def more_request(self, source: str, item: ListItem, parts: ArticleParts, rest: list[str]) -> Request:
        return Request(rest[0], callback=self.parse_more, errback=self.failed,
                       meta={"source": source, "kind": MORE, "item": item, "parts": parts, "rest": rest[1:]})

    async def parse_more(self, response: Response) -> AsyncIterator[Request | ArticleItem]:
        source, item, parts = response.meta["source"], response.meta["item"], response.meta["parts"]
        try:
            text = await self.context.offload.read_continuation(self.adapters[source], response)
        except Exception as exc:
            self.parse_failure(source, response.url, exc)
            text = ""
        joined = ArticleParts(parts.title, parts.published, "\n".join(filter(None, (parts.text, text))))
        rest = response.meta["rest"]
        yield self.more_request(source, item, joined, rest) if rest else self.item(source, item, joined)

    def item(self, source: str, item: ListItem, parts: ArticleParts) -> ArticleItem:
        config = self.sources[source]
        text = clip(parts.text)
        if parts.truncated or len(text) < len(parts.text):
            count(self.crawler, source, "truncated")
            logger.warning("%s: %s has more text than is read; the first %d characters are kept and read",
                           source, item.url, len(text))
        article = Article(url=item.url, title=parts.title or item.title, text=text,
                          language=config.language, published=parts.published or iso(item.published),
                          source=source)
        return ArticleItem(article, config.cms)

    def parse_failure(self, source: str, url: str, exc: Exception) -> None:
        count(self.crawler, source, "parse_failures")
        logger.warning("%s: parse failure at %s: %s", source, url, exc)

    def failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        source = request.meta.get("source") if request is not None else None
        exc = failure.value
        message = str(exc) or type(exc).__name__
        if isinstance(exc, DownloadCancelledError) or "max size" in message or "DOWNLOAD_MAXSIZE" in message:
            count(self.crawler, source, "oversize")
            message = f"response too large, dropped: {message}"
        elif not isinstance(exc, IgnoreRequest):
            message = f"{type(exc).__name__}: {message}"
        count(self.crawler, source, "errors")
        # counted in the run's figures, and a failed list page becomes the run's reason: detail for -v
        logger.info("%s: %s failed: %s", source, request.url if request is not None else "?", message)
        if source and request is not None and exc is not None and request.meta.get("kind") == LIST:
            self.list_errors.setdefault(source, fetch_errors.reason(exc, request.url))

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        for name, run_id in self.context.run_ids.items():
            values = figures(stats, name)
            status, message = outcome(values, reason, self.list_errors.get(name))
            if status == OK and not values["errors"]:
                http_cache.save(self.context.db, self.pending_validators.get(name, {}))
            record_run(self.context.db, run_id, values, status, message, owner=self.context.owner)
        if self.context.on_close is not None:
            self.context.on_close()
