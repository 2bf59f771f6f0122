"""What the crawl processes' forkserver imports once, so that each crawl forks ready to run.

Importing this module imports the crawl code and every Scrapy component a crawl
with our settings loads (Scrapy imports each middleware and extension its settings
name, switched off or not, and the download handlers of the schemes it fetches), and
configures the ORM mappers: a crawl process would otherwise do it each time (most
of it in deprecation shims of the TLS context factory). Components a crawl never
loads (feed exporters and storages, spider contracts, the handlers of switched-off
schemes) are left out. None of them installs a Twisted reactor; the crawl process
installs the asyncio one itself. The visit extraction is imported on the first
article that needs it (or preloaded by the daemon: :func:`crawler.runner.preload_extraction`).
"""

from __future__ import annotations

import contextlib

from scrapy.settings import Settings
from scrapy.utils.misc import load_object
from sqlalchemy.orm import configure_mappers

import core.db.models
import crawler.child
import crawler.pipelines
import crawler.spider
from core.cms import CMS_ADAPTERS
from core.config import CrawlSettings
from crawler.adapters import adapter_class
from crawler.settings import build_settings

__all__ = ["core", "crawler", "scrapy_components"]

# Dict settings whose keys (import paths) Scrapy loads when a crawl starts, and their _BASE parts.
COMPONENT_DICTS = ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS", "ITEM_PIPELINES")


def _paths(strings: object) -> set[str]:
    values = strings if isinstance(strings, list | set | tuple) else [strings]
    return {s for s in values if isinstance(s, str) and s.startswith(("scrapy.", "twisted.", "crawler."))
            and " " not in s and "/" not in s}


def scrapy_components() -> list[str]:
    """Import paths of the components a crawl with our settings loads."""
    settings = Settings(build_settings(CrawlSettings()))
    found: set[str] = set()
    for name in COMPONENT_DICTS:
        found |= _paths(list(settings.getdict(f"{name}_BASE")) + list(settings.getdict(name)))
    handlers = {**settings.getdict("DOWNLOAD_HANDLERS_BASE"), **settings.getdict("DOWNLOAD_HANDLERS")}
    found |= _paths([path for path in handlers.values() if path])
    for name, value in settings.items():
        if isinstance(value, str) and not name.startswith(("FEED_", "HTTPCACHE_")):
            found |= _paths(value)
    return sorted(found)


for _path in scrapy_components():
    with contextlib.suppress(Exception):  # an optional dependency missing: the crawl will say so
        load_object(_path)
for _cms in CMS_ADAPTERS:  # each registered site adapter's module
    adapter_class(_cms)
configure_mappers()  # the ORM's first query would do it in every crawl process
