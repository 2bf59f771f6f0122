"""The item pipeline: visits extracted from each article, then article and visits stored.

Storing the article is also what marks its URL as seen (the spider asks
:func:`core.store.known_urls`), so the mark is written only once the article
is safely stored: a crash at any point loses nothing and duplicates nothing.
Extraction and the database write run on one writer thread, so the reactor
keeps fetching and parsing while a transaction commits.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from core.records import Visit
from core.store import SaveOutcome, save_article
from crawler.health import count
from crawler.spider import ArticleItem, CrawlContext
from crawler.visits import extract_visits

logger = logging.getLogger(__name__)


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

    def visits(self, item: ArticleItem) -> list[Visit]:
        article = item.article
        try:
            return extract_visits(article.text, published=article.published, url=article.url,
                                  lang=article.language, title=article.title, topics=self.context.topics)
        except Exception:
            logger.exception("%s: visit extraction failed for %s; stored without visits",
                             article.source, article.url)
            return []

    def open_spider(self) -> None:
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspectwatch-store")

    def close_spider(self) -> None:
        self.writer.shutdown(wait=True)

    def store(self, item: ArticleItem) -> SaveOutcome:
        item.article.visits = self.visits(item)
        return save_article(self.context.db, item.article, cms=item.cms)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        outcome = await asyncio.get_running_loop().run_in_executor(self.writer, self.store, item)
        article = item.article
        if outcome != "unchanged":
            count(self.crawler, article.source, f"articles_{outcome}")
        if outcome == "new":
            count(self.crawler, article.source, "visits_new", len(article.visits))
        return item
