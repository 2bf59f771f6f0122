"""Imported by the crawl processes' forkserver only (last in :data:`crawler.runner.PRELOAD`): it
freezes what the forkserver imported and resumes garbage collection (paused by
:mod:`crawler.forkserver_start`), and makes the forkserver end at once when the program that
started it has ended.

The forkserver holds nothing to flush or close (its crawl processes are forked off and end on
their own), but tearing down the modules it preloaded (Scrapy, Twisted, SQLAlchemy) takes about
a third of a second of CPU, and whoever reads the program's output (cron, a shell pipe, a
benchmark) waits for that too: the forkserver shares the program's stdout and stderr.
"""

from __future__ import annotations

import atexit
import gc
import os


def _end_at_once() -> None:
    os._exit(0)


gc.freeze()  # the crawl processes' collections skip the preloaded modules
gc.enable()
atexit.register(_end_at_once)  # registered last, so it runs first: nothing after it runs
