"""Trying one source, step by step, for ``inspectwatch test-source``: like ``scrapy parse``, but for a
source of our config.

:func:`probe` fetches the source's first list page and its first two articles with the crawl's own
Scrapy settings (the network guard, timeouts, size limit, robots.txt) in a child process, runs the
source's adapter on them and extracts the visits, and returns one :class:`Step` per thing found or
not found, with the reason when a step found nothing. Nothing is stored.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from core.config import CrawlSettings, SourceConfig
from crawler import fetch_errors
from crawler.adapters import ARTICLE, Adapter, ArticleParts, ListItem, adapter_for
from crawler.middlewares import base_domain
from crawler.page_helpers import iso

ARTICLES = 2


@dataclass(frozen=True)
class Step:
    """One finding: what was looked at, what was found (or why nothing was), and whether that is fine."""

    what: str
    found: str
    ok: bool = True


class _Domains:
    """What the network guard asks a spider for: the source's own domains."""

    def __init__(self, source: SourceConfig) -> None:
        hosts = {urlsplit(url).hostname or "" for url in source.start_urls}
        self.table = {source.name: sorted({base_domain(host) for host in hosts})}

    def domains(self) -> dict[str, list[str]]:
        return self.table


def _no_links_reason(source: SourceConfig, response: Response) -> str:
    title = response.css("title::text").get(default="").strip() if hasattr(response, "css") else ""
    page = f"the page ({len(response.body)} bytes, title {title!r})"
    if source.selectors is not None and source.selectors.article_links:
        return f"selector article_links {source.selectors.article_links!r} matched no link on {page}"
    return (f"the {source.cms} adapter found no article link on {page}: is start_urls the column's "
            "list page, and is the cms right?")


class ProbeSpider(Spider):
    name = "inspectwatch-probe"

    def __init__(self, source: SourceConfig, steps: list[Step], articles: dict[int, list[Step]],
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source, self.list_steps, self.articles = source, steps, articles
        self.context = _Domains(source)
        self.adapter: Adapter = adapter_for(source)
        self.numbers: dict[str, int] = {}
        self.current = 0  # the article being reported, 0: the list page

    async def start(self) -> AsyncIterator[Request]:
        first = self.adapter.start_requests()[0]
        yield first.replace(callback=self.list_page, errback=self.failed)

    def list_page(self, response: Response) -> Iterator[Request]:
        fetched = f"{response.url}: HTTP {response.status}, {len(response.body)} bytes"
        self.steps.append(Step("list page", fetched))
        try:
            listing = self.adapter.parse_list(response)
        except Exception as exc:
            self.steps.append(Step("links", f"the list page could not be parsed: {exc}", ok=False))
            return
        if not listing.items:
            self.steps.append(Step("links", _no_links_reason(self.source, response), ok=False))
            return
        first = listing.items[0].url
        self.steps.append(Step("links", f"{len(listing.items)} article links, the first {first}"))
        self.steps.append(Step("next page", listing.next.url if listing.next is not None else
                               "none found (only the first list page will be read)"))
        for number, item in enumerate(listing.items[:ARTICLES], start=1):
            self.numbers[item.url] = number
            if item.text:
                self.report_article(item, ArticleParts(item.title, iso(item.published), item.text))
            else:
                yield Request(item.url, callback=self.article_page, errback=self.failed,
                              meta={"source": self.source.name, "kind": ARTICLE, "item": item})

    def article_page(self, response: Response) -> None:
        item: ListItem = response.meta["item"]
        try:
            parts = self.adapter.parse_article(response)
        except Exception as exc:
            self.steps.append(Step(self.label(item), f"{item.url}: cannot be parsed: {exc}", ok=False))
            return
        self.report_article(item, parts)

    def label(self, item: ListItem) -> str:
        return f"article {self.numbers.get(item.url, '?')}"

    @property
    def steps(self) -> list[Step]:
        """Where the next step goes: the list page's, or (while an article is reported) that article's."""
        return self.articles.setdefault(self.current, []) if self.current else self.list_steps

    def report_article(self, item: ListItem, parts: ArticleParts) -> None:
        self.current = self.numbers.get(item.url, 0)
        try:
            self._report(item, parts)
        finally:
            self.current = 0

    def _report(self, item: ListItem, parts: ArticleParts) -> None:
        from crawler.visits import extract_visits

        label, title = self.label(item), parts.title or item.title
        published = parts.published or iso(item.published)
        self.steps.append(Step(label, item.url))
        self.steps.append(Step("  title", title or "none: neither the page nor the list gives one",
                               bool(title)))
        self.steps.append(Step("  date", published or "none found (visits are dated from their text)"))
        self.steps.append(Step("  body", f"{len(parts.text)} characters" if parts.text else
                               "empty: the body selector (or the fallback extractor) found no text",
                               bool(parts.text)))
        visits = extract_visits(parts.text, published=published, url=item.url, lang=self.source.language,
                                title=title)
        names = "; ".join(", ".join(o.name for o in v.officials) or "no official named" for v in visits)
        self.steps.append(Step("  visits", f"{len(visits)}" + (f" ({names})" if visits else
                                                               " (a meeting or notice, not a visit?)")))

    def failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        what = "list page" if request is None or request.meta.get("kind") != ARTICLE else \
            self.label(request.meta["item"])
        exc = failure.value if failure.value is not None else Exception("unknown error")
        if request is not None and request.meta.get("kind") == ARTICLE:
            self.current = self.numbers.get(request.meta["item"].url, 0)
        self.steps.append(Step(what, fetch_errors.reason(exc, url), ok=False))
        self.current = 0


def _child(source: SourceConfig, crawl: CrawlSettings, overrides: dict[str, Any] | None, out: Any) -> None:
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import build_settings

    steps: list[Step] = []
    articles: dict[int, list[Step]] = {}
    settings = build_settings(crawl, log_level="CRITICAL", overrides=overrides)
    settings.update(ITEM_PIPELINES={}, LOG_INSTALL_ROOT_HANDLER=False)
    process = CrawlerProcess(settings)
    process.crawl(ProbeSpider, source=source, steps=steps, articles=articles)
    process.start()
    out.put(steps + [step for number in sorted(articles) for step in articles[number]])


def probe(source: SourceConfig, crawl: CrawlSettings, overrides: dict[str, Any] | None = None) -> list[Step]:
    """Try ``source`` in a child process (the reactor cannot restart); return what each step found."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx: Any = multiprocessing.get_context(method)
    out = ctx.Queue()
    process = ctx.Process(target=_child, args=(source, crawl, overrides, out), name="inspectwatch-probe")
    process.start()
    try:
        steps: list[Step] = out.get(timeout=crawl.crawl_timeout)
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
    return steps
