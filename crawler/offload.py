"""The crawl process's second core: article pages read, visits extracted and articles stored in a
worker process, while the crawl process's reactor goes on fetching.

Reading a page (BeautifulSoup, selectors, trafilatura) and extracting its visits cost about as
much CPU as Scrapy's own fetching, and in one process they share one interpreter lock: the
reactor waited for the writer thread at every socket call. :meth:`Offload.start` forks one
worker from the crawl process first thing (:func:`crawler.child.start_worker`: before the crawl
process has threads of its own, and while its memory is still the forkserver's, which all three
then share), and :meth:`Offload.read_article`, :meth:`Offload.read_continuation` and
:meth:`Offload.store` send it work: a page's URL, Content-Type and body, to read with the
source's adapter; a batch of articles, to extract visits from and store in one transaction. The
worker dies with the crawl process (``PR_SET_PDEATHSIG``).

A worker that dies (killed, out of memory, a crash in a parser) takes the work it held with it:
each page or article it held fails with :class:`WorkerDied`, which the spider and the pipeline
count and log as a parse failure (an article not stored is not seen: a later crawl that reaches
its list page fetches it again), and the crawl goes on in the crawl process itself, as it does
when no worker was started (``scrapy crawl``, a Scrapyd job, tests that build a spider alone).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from core.lifeline import die_with_parent
from core.store import SaveOutcome, save_article, save_articles

if TYPE_CHECKING:
    from scrapy.http import Response

    from core.config import SourceConfig
    from core.db.engine import Database
    from core.records import Visit
    from crawler.adapters import Adapter, ArticleParts
    from crawler.items import ArticleItem

logger = logging.getLogger(__name__)
T = TypeVar("T")


class WorkerDied(Exception):
    """The worker process ended while it held this page or article."""


class Offload:
    """The crawl process's worker, once :meth:`start` ran; until then (and after the worker died)
    pages are read on the reactor thread and the pipeline stores on its own writer thread."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def start(self, db_url: str) -> None:
        """Fork the worker now: call it before the reactor (and its threads) start."""
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_init, initargs=(db_url, os.getpid()))
        pool.submit(os.getpid).result()  # with "fork" the worker is forked on the first call
        self.pool = pool

    def close(self) -> None:
        """Let the worker finish what it holds and end; wait for it."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    async def read_article(self, adapter: Adapter, response: Response) -> ArticleParts:
        """What ``adapter`` reads from an article page."""
        future = self._submit(_read_article, *_page(adapter, response)) if self.pool else None
        return await future if future is not None else adapter.parse_article(response)

    async def read_continuation(self, adapter: Adapter, response: Response) -> str:
        """The text of a further page of a multi-page article."""
        future = self._submit(_read_continuation, *_page(adapter, response)) if self.pool else None
        return await future if future is not None else adapter.continuation_text(response)

    def store(self, items: Sequence[ArticleItem], topics: dict[str, list[str]]
              ) -> asyncio.Future[list[SaveOutcome | Exception]] | None:
        """Visits extracted and the batch stored by the worker (:func:`store_batch`); None when there
        is no worker to do it."""
        future = self._submit(_store, list(items), topics)
        return asyncio.ensure_future(_with_visits(future, items)) if future is not None else None

    def _submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T] | None:
        if self.pool is None:
            return None
        try:
            inner = self.pool.submit(fn, *args)
        except (BrokenExecutor, RuntimeError) as exc:  # it died while idle: nothing of ours was in it
            self._gone(exc)
            return None
        outer: asyncio.Future[T] = asyncio.get_running_loop().create_future()

        def settle(done: asyncio.Future[T]) -> None:
            if outer.cancelled():
                return
            error = BrokenExecutor("cancelled") if done.cancelled() else done.exception()
            if isinstance(error, BrokenExecutor):
                self._gone(error)
                outer.set_exception(WorkerDied(f"the crawl's worker process died holding it ({error})"))
            elif error is not None:
                outer.set_exception(error)
            else:
                outer.set_result(done.result())

        asyncio.wrap_future(inner).add_done_callback(settle)
        return outer

    def _gone(self, error: BaseException) -> None:
        if self.pool is None:
            return
        logger.warning("the crawl's worker process died (%s); pages are read and stored in the crawl "
                       "process from now on", error)
        pool, self.pool = self.pool, None
        pool.shutdown(wait=False, cancel_futures=True)


async def _with_visits(stored: asyncio.Future[tuple[list[SaveOutcome | Exception], list[list[Visit]]]],
                       items: Sequence[ArticleItem]) -> list[SaveOutcome | Exception]:
    """The outcomes, once the visits the worker found are on the crawl process's articles too."""
    outcomes, found = await stored
    for item, visits in zip(items, found, strict=True):
        item.article.visits = visits
    return outcomes


# In the worker process.
_db: Database | None = None
_adapters: dict[str, Adapter] = {}


def _worker_init(db_url: str, crawl_pid: int) -> None:
    global _db
    die_with_parent(crawl_pid)  # killed with the crawl process, however it ends
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl process's to handle
    from core.db.engine import Database

    _db = Database(db_url, apply_migrations=False)


def _page(adapter: Adapter, response: Response) -> tuple[SourceConfig, str, str, bytes]:
    """What the worker needs of a response to read it as the crawl process would."""
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    return adapter.source, response.url, content_type, response.body


def _response(source: SourceConfig, url: str, content_type: str, body: bytes) -> tuple[Adapter, Response]:
    from scrapy.http import Response

    from crawler.adapters import adapter_for

    adapter = _adapters.get(source.name)
    if adapter is None or adapter.source != source:
        adapter = _adapters[source.name] = adapter_for(source)
    return adapter, Response(url, body=body, headers={"Content-Type": content_type} if content_type else None)


def _read_article(source: SourceConfig, url: str, content_type: str, body: bytes) -> ArticleParts:
    adapter, response = _response(source, url, content_type, body)
    return adapter.parse_article(response)


def _read_continuation(source: SourceConfig, url: str, content_type: str, body: bytes) -> str:
    adapter, response = _response(source, url, content_type, body)
    return adapter.continuation_text(response)


def _store(items: list[ArticleItem], topics: dict[str, list[str]]
           ) -> tuple[list[SaveOutcome | Exception], list[list[Visit]]]:
    assert _db is not None, "the worker was started without its database"
    return store_batch(_db, items, topics), [item.article.visits for item in items]


def visits(item: ArticleItem, topics: dict[str, list[str]]) -> list[Visit]:
    """The visits of the item's article; none (logged) when extraction fails on it."""
    # Imported on the first article to extract (its tables take a while to load): a re-crawl
    # that finds nothing new never loads them.
    from crawler.visits import extract_visits

    article = item.article
    try:
        return extract_visits(article.text, published=article.published, url=article.url,
                              lang=article.language, title=article.title, topics=topics)
    except Exception:
        logger.exception("%s: visit extraction failed for %s; stored without visits",
                         article.source, article.url)
        return []


def store_batch(db: Database, items: list[ArticleItem], topics: dict[str, list[str]]
                ) -> list[SaveOutcome | Exception]:
    """Visits extracted, then the batch stored in one transaction (on the crawl's worker process,
    :mod:`crawler.offload`, or on a writer thread); an article that fails is that article's outcome."""
    for item in items:
        item.article.visits = visits(item, topics)
    try:
        return list(save_articles(db, [(item.article, item.cms) for item in items]))
    except Exception as exc:
        if len(items) == 1:
            return [exc]
    return [_store_one(db, item) for item in items]  # one bad article must not cost the others


def _store_one(db: Database, item: ArticleItem) -> SaveOutcome | Exception:
    try:
        return save_article(db, item.article, cms=item.cms)
    except Exception as exc:
        return exc
