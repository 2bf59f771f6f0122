"""The crawl benchmark's baseline: Scrapy at its defaults following every link, as `scrapy bench` does.

    python benchmarks/baseline_spider.py START_URL

Run as a plain subprocess, exactly as ``inspectwatch crawl`` is, so both pay the same
interpreter start-up and imports. Prints the number of responses received.
"""

from __future__ import annotations

import sys
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor


class Bench(scrapy.Spider):
    name = "bench"
    links = LinkExtractor()

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_url = start_url

    async def start(self) -> Any:
        yield scrapy.Request(self.start_url)

    def parse(self, response: Any) -> Any:
        for link in self.links.extract_links(response):
            yield scrapy.Request(link.url)


def main() -> int:
    process = CrawlerProcess({"LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
                              "REMOTE_CONTROL_ENABLED": False, "ROBOTSTXT_OBEY": False})
    crawler = process.create_crawler(Bench)
    process.crawl(crawler, start_url=sys.argv[1])
    process.start()
    assert crawler.stats is not None
    print(int(crawler.stats.get_value("response_received_count", 0)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
