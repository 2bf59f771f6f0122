"""What the crawl processes' forkserver imports once, so that each crawl forks ready to run.

Importing this module imports the crawl code and every component Scrapy's
default settings name (download handlers, middlewares, extensions, ...), and
configures the ORM mappers: a crawl process would otherwise do it each time
(about 1.5 s, most of it in deprecation shims of the TLS context factory). None of them installs a
Twisted reactor; the crawl process installs the asyncio one itself.
"""

from __future__ import annotations

import contextlib

from scrapy.settings import default_settings
from scrapy.utils.misc import load_object
from sqlalchemy.orm import configure_mappers

import core.db.models
import crawler.child
import crawler.pipelines
import crawler.visits
from core.cms import CMS_ADAPTERS
from crawler.adapters import adapter_class

__all__ = ["core", "crawler", "scrapy_components"]


def scrapy_components() -> list[str]:
    """Import paths (scrapy.* and twisted.*) named by Scrapy's default settings."""
    found: set[str] = set()
    for name in dir(default_settings):
        value = getattr(default_settings, name)
        if not name.isupper() or not isinstance(value, str | dict):
            continue
        strings = [value] if isinstance(value, str) else [s for kv in value.items() for s in kv]
        found.update(s for s in strings if isinstance(s, str) and s.startswith(("scrapy.", "twisted."))
                     and " " not in s and "/" not in s)
    return sorted(found)


for _path in scrapy_components():
    with contextlib.suppress(Exception):  # an optional dependency missing: the crawl will say so
        load_object(_path)
for _cms in CMS_ADAPTERS:  # each registered site adapter's module
    adapter_class(_cms)
configure_mappers()  # the ORM's first query would do it in every crawl process
