"""The item pipeline: visits extracted from each article, then article and visits stored.

Storing the article is also what marks its URL as seen (the spider asks
:func:`core.store.known_urls`), so the mark is written only once the article
is safely stored: a crash at any point loses nothing and duplicates nothing.
Extraction and the database write run on the crawl's worker process
(:mod:`crawler.offload`), or, without one, on one writer thread, so the reactor
keeps fetching and parsing while a transaction commits. Articles that arrive
while the writer is busy are stored together, in one transaction, when it is
free: each batch is committed whole before any of its URLs counts as seen.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from core.store import SaveOutcome
from crawler.crawl_context import CrawlContext
from crawler.items import ArticleItem
from crawler.offload import WorkerDied, store_batch
from crawler.source_health import count

logger = logging.getLogger(__name__)
BATCH = 32  # articles per transaction at most


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        if not crawler.settings.getdict("ITEM_PIPELINES"):
            raise NotConfigured
        return cls(crawler)

    @property
    def context(self) -> CrawlContext:
        context = getattr(self.crawler.spider, "context", None)
        if not isinstance(context, CrawlContext):
            raise NotConfigured("StorePipeline needs the inspectwatch NewsSpider")
        return context

    def open_spider(self) -> None:
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspectwatch-store")
        self.queued: list[tuple[ArticleItem, asyncio.Future[SaveOutcome]]] = []
        self.writing = False

    def close_spider(self) -> None:
        self.writer.shutdown(wait=True)

    def write_next(self) -> None:
        """Hand everything queued (up to BATCH) to the writer; again when it is done, while any is left."""
        batch, self.queued = self.queued[:BATCH], self.queued[BATCH:]
        self.writing = bool(batch)
        if not batch:
            return
        items = [i for i, _ in batch]
        done = self.context.offload.store(items, self.context.topics)
        if done is None:  # no worker process: this process's writer thread
            done = asyncio.get_running_loop().run_in_executor(
                self.writer, store_batch, self.context.db, items, self.context.topics)

        def deliver(result: asyncio.Future[list[SaveOutcome | Exception]]) -> None:
            error = asyncio.CancelledError() if result.cancelled() else result.exception()
            outcomes = [error] * len(batch) if error is not None else result.result()
            for (_, future), outcome in zip(batch, outcomes, strict=True):
                if future.cancelled():
                    continue
                if isinstance(outcome, BaseException):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)
            self.write_next()

        done.add_done_callback(deliver)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        future: asyncio.Future[SaveOutcome] = asyncio.get_running_loop().create_future()
        self.queued.append((item, future))
        if not self.writing:
            self.write_next()
        article = item.article
        try:
            outcome = await future
        except WorkerDied as exc:  # not stored, so not seen: a crawl that lists it again fetches it
            count(self.crawler, article.source, "parse_failures")
            logger.warning("%s: %s was not stored: %s", article.source, article.url, exc)
            return item
        if outcome != "unchanged":
            count(self.crawler, article.source, f"articles_{outcome}")
        if outcome == "new":
            count(self.crawler, article.source, "visits_new", len(article.visits))
        return item
