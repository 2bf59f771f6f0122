"""Imported by the crawl processes' forkserver only, first in :data:`crawler.runner.PRELOAD`: the
garbage collector pauses while the forkserver imports Scrapy, SQLAlchemy and the crawl code.

Each full collection during those imports would walk the whole growing heap again, about an
eighth of the forkserver's start-up CPU. :mod:`crawler.forkserver_exit`, imported last, freezes
what was imported (the collections of every crawl process forked from it skip those objects,
which also keeps their memory pages shared) and lets the collector run again.
"""

from __future__ import annotations

import gc

gc.disable()
