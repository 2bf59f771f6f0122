"""Crawl throughput, re-crawl cost and memory, on a 2,000-article fixture site on loopback.

    .venv/bin/python benchmarks/crawl.py [--articles 2000]

In one run:

1. baseline: a `scrapy bench`-style spider (Scrapy's default settings, no
   robots.txt, no throttling, LinkExtractor following every link, no
   processing) crawls the fixture site; pages/s of this machine;
2. full crawl: our spider (robots.txt, AutoThrottle, 2 requests per domain,
   article extraction, visit extraction, SQLite store) crawls the same site;
3. re-crawl: the same crawl again, with nothing new.

Both crawls run in a fresh process and are timed from start to exit. Prints
pages/s for both and their ratio (goal >= 0.5), requests made by the
re-crawl (goal <= 2 per source), and the crawl process's peak RSS (goal < 300 MB).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sites import generic  # noqa: E402
from sites.harness import config, source  # noqa: E402
from sites.server import serve  # noqa: E402

from crawler.runner import crawl_sources  # noqa: E402

GOAL_RATIO, GOAL_RECRAWL_REQUESTS, GOAL_RSS_MB = 0.5, 2, 300.0


def baseline_crawl(start_url: str, results: Any) -> None:
    """Scrapy at its defaults, following every link, as `scrapy bench` does."""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    class Bench(scrapy.Spider):
        name = "bench"
        links = LinkExtractor()

        async def start(self) -> Any:
            yield scrapy.Request(start_url)

        def parse(self, response: Any) -> Any:
            for link in self.links.extract_links(response):
                yield scrapy.Request(link.url)

    process = CrawlerProcess({"LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
                              "REMOTE_CONTROL_ENABLED": False, "ROBOTSTXT_OBEY": False})
    crawler = process.create_crawler(Bench)
    process.crawl(crawler)
    process.start()
    assert crawler.stats is not None
    results.put(int(crawler.stats.get_value("response_received_count", 0)))


def run_baseline(start_url: str) -> tuple[int, float]:
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    began = time.monotonic()
    process = ctx.Process(target=baseline_crawl, args=(start_url, results))
    process.start()
    pages = results.get(timeout=600)
    process.join()
    return pages, time.monotonic() - began


class PeakRss:
    """Polls the crawl process's VmHWM (peak resident set) while it runs."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self.done.wait(0.1):
            for child in multiprocessing.active_children():
                if child.name != "inspectwatch-crawl" or not child.pid:
                    continue
                try:
                    status = Path(f"/proc/{child.pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def __enter__(self) -> PeakRss:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def ours(cfg: Any, db_url: str) -> tuple[Any, float]:
    began = time.monotonic()
    [run] = crawl_sources(cfg, db_url, overrides={"AUTOTHROTTLE_START_DELAY": 0.0})
    return run, time.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    per_page = 20
    with tempfile.TemporaryDirectory() as tmp, serve(lambda b: generic.build(
            b, count=args.articles, per_page=per_page)) as site:
        pages_total = args.articles + -(-args.articles // per_page)
        base_pages, base_seconds = run_baseline(generic.start_url(site.base))
        site.reset()
        cfg = config(Path(tmp), [source("bench", "generic", generic.start_url(site.base), "zh",
                                        generic.SELECTORS)], max_pages_per_source=10_000)
        db_url = f"sqlite:///{tmp}/bench.db"
        with PeakRss() as rss:
            first, first_seconds = ours(cfg, db_url)
        site.reset()
        second, _ = ours(cfg, db_url)
        recrawl_requests = len(site.hits)
    base_rate = base_pages / base_seconds
    our_rate = first.requests / first_seconds
    ratio = our_rate / base_rate
    rss_mb = rss.peak_kb / 1024
    print(f"site: {args.articles} articles, {pages_total} pages on loopback")
    print(f"baseline (scrapy bench-style): {base_pages} pages in {base_seconds:.1f} s "
          f"= {base_rate:.0f} pages/s")
    print(f"full crawl (ours): {first.requests} pages, {first.articles_new} articles stored, "
          f"{first.visits_new} visits, in {first_seconds:.1f} s = {our_rate:.0f} pages/s")
    print(f"ratio ours/baseline: {ratio:.2f} (goal >= {GOAL_RATIO})")
    print(f"re-crawl: {recrawl_requests} requests for 1 source (goal <= {GOAL_RECRAWL_REQUESTS}); "
          f"articles new {second.articles_new}, 304s {second.not_modified}")
    print(f"peak RSS of the crawl process: {rss_mb:.0f} MB (goal < {GOAL_RSS_MB:.0f} MB)")
    ok = ratio >= GOAL_RATIO and recrawl_requests <= GOAL_RECRAWL_REQUESTS and 0 < rss_mb < GOAL_RSS_MB
    print("all goals met" if ok else "some goals missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
