"""robots.txt obeyed as RFC 9309 (section 2.3.1) reads it, in place of Scrapy's RobotsTxtMiddleware.

- 2xx: the rules of the file (parsed by Scrapy's ``ROBOTSTXT_PARSER``);
- 4xx ("unavailable"): no rules, everything may be fetched;
- 5xx, a timeout or any other failure to fetch it ("unreachable"): complete
  disallow, so nothing on that site is fetched in this run. Scrapy's own
  middleware allows everything in that case, which lets a site whose
  robots.txt is down be crawled against its wishes.

robots.txt is fetched once per scheme, host and port, through the downloader
middlewares (the network guard, retries with back-off, redirects).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.misc import build_from_crawler, load_object

from crawler import fetch_errors
from crawler.source_health import count

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unreachable:
    """robots.txt could not be read: nothing may be fetched from the site."""

    reason: str


Rules = RobotParser | Unreachable | None  # None: no rules (a 4xx), everything allowed


class RobotsRulesMiddleware:
    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or "Scrapy"
        self.parser: type[RobotParser] = load_object(settings.get("ROBOTSTXT_PARSER"))
        self.rules: dict[str, asyncio.Future[Rules]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsRulesMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            return
        parts = urlsplit(request.url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self.rules:
            self.rules[site] = asyncio.ensure_future(self.fetch(site))
        rules = await asyncio.shield(self.rules[site])
        if isinstance(rules, Unreachable):
            count(self.crawler, request.meta.get("source"), "robots_unreachable")
            raise IgnoreRequest(f"{site}/robots.txt is unreachable ({rules.reason}): "
                                "assuming complete disallow (RFC 9309)")
        if rules is not None and not rules.allowed(request.url, self.user_agent):
            count(self.crawler, request.meta.get("source"), "robots_forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    async def fetch(self, site: str) -> Rules:
        url = f"{site}/robots.txt"
        request = Request(url, priority=self.DOWNLOAD_PRIORITY, callback=NO_CALLBACK,
                          meta={"dont_obey_robotstxt": True})
        try:
            assert self.crawler.engine is not None
            response = await self.crawler.engine.download_async(request)
        except Exception as exc:  # a timeout, a refused connection, a refused redirect: unreachable
            reason = fetch_errors.reason(exc, url)
            logger.info("%s is unreachable (%s): nothing on %s is fetched", url, reason, site)
            return Unreachable(reason)
        return self.read(url, response)

    def read(self, url: str, response: Response) -> Rules:
        if response.status >= 500:
            logger.info("%s answered %d: nothing on that site is fetched (RFC 9309)", url, response.status)
            return Unreachable(f"it answered {response.status}")
        if response.status >= 400:
            return None
        parser: RobotParser = build_from_crawler(self.parser, self.crawler, response.body)
        return parser
