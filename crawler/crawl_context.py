"""What one crawl works on: the sources chosen from the config, and the context a crawl process
hands the news spider (its database, the runs it records, its limits and progress queue)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from core.config import Config, SourceConfig
from core.db.engine import Database

if TYPE_CHECKING:  # the worker machinery is the crawl process's, not the CLI's
    from crawler.offload import Offload


def select_sources(config: Config, names: list[str] | None) -> list[SourceConfig]:
    """The enabled sources, or the named ones (an unknown name is a ConfigError)."""
    if names:
        return [config.source(name) for name in names]
    return [s for s in config.sources if s.enabled]


def process_deadline(config: Config) -> float:
    """Seconds after which a crawl process is killed: each source in it is stopped at
    ``crawl_timeout`` (:func:`crawler.child.time_out`), and its last requests end within
    ``download_timeout``; what is still running then is hung for good."""
    crawl = config.settings.crawl
    return crawl.crawl_timeout + crawl.download_timeout + 30


def no_worker() -> Offload:
    """An :class:`~crawler.offload.Offload` with no worker: pages are read and articles stored in
    the crawl process itself."""
    from crawler.offload import Offload

    return Offload()


@dataclass
class CrawlContext:
    """Everything one crawl process needs; built inside the child process."""

    db: Database
    sources: list[SourceConfig]
    run_ids: dict[str, int]
    since: date | None = None
    max_pages: int = 50
    topics: dict[str, list[str]] = field(default_factory=dict)
    progress: Any = None  # a multiprocessing queue of (source, field, n), or None
    owner: str | None = None  # the runs' owner: only while they are its, and running, are they written
    on_close: Callable[[], None] | None = None  # after the runs are recorded (crawler.standalone)
    # where pages are read and articles stored: the crawl process's worker once started (crawler.child)
    offload: Offload = field(default_factory=no_worker)

    @cached_property
    def source_domains(self) -> dict[str, list[str]]:
        from crawler.middlewares import base_domain  # Scrapy: in the crawl process only

        return {s.name: sorted({base_domain(urlsplit(u).hostname or "") for u in s.start_urls})
                for s in self.sources}

    def domains(self) -> dict[str, list[str]]:
        """Each source's own domains (its start URLs' hosts, without www.): requests go nowhere else."""
        return self.source_domains
