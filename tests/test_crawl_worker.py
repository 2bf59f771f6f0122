"""The crawl process's worker (crawler.offload): it reads pages and stores articles beside the
crawl's reactor; when it dies, what it held is counted and logged as failed, the crawl goes on
in the crawl process and ends, and no process is left behind."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sites import generic
from sites.harness import FAST, articles, config, source
from sites.server import Site, serve

from core.crawl_runs import SourceRunStats
from crawler.runner import crawl_sources

COUNT = 40


def children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return found


def crawl_workers() -> list[int]:
    """Processes three levels below this one: forkserver, crawl process, its worker."""
    level = [os.getpid()]
    for _ in range(3):
        level = [child for pid in level for child in children(pid)]
    return level


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def crawl(tmp_path: Path, site: Site, db_url: str) -> SourceRunStats:
    cfg = config(tmp_path, [source("slow", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)],
                 max_pages_per_source=10)
    [run] = crawl_sources(cfg, db_url, overrides=FAST)
    return run


def test_a_worker_killed_holding_pages_costs_only_those_pages_and_the_crawl_ends(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with serve(lambda b: generic.build(b, count=COUNT, per_page=20)) as site:
        site.delay = 0.05  # a crawl of a few seconds, two requests at a time
        result: list[SourceRunStats] = []
        thread = threading.Thread(target=lambda: result.append(crawl(tmp_path, site, db_url)))
        thread.start()
        try:
            wait_for(lambda: len(crawl_workers()) == 1 and site.count("show.php") >= 5, 60,
                     "articles fetched")
            [worker] = crawl_workers()
            os.kill(worker, signal.SIGSTOP)  # it holds whatever the crawl hands it from now on
            fetched = site.count("show.php")
            wait_for(lambda: site.count("show.php") >= fetched + 3, 30,
                     "pages fetched for the stopped worker")
            time.sleep(0.3)  # their responses reach the crawl process and are handed over
            os.kill(worker, signal.SIGKILL)
        finally:
            thread.join(120)
        assert not thread.is_alive(), "the crawl did not end after its worker died"
        [run] = result
        assert run.status == "ok", run
        assert run.parse_failures >= 1, run  # what the worker held when it died
        assert run.articles_new + run.parse_failures == COUNT, run  # the others were read and stored here
        assert len(articles(db_url)) == run.articles_new
        assert crawl_workers() == [], "a process outlived the crawl"
