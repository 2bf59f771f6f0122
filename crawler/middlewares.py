"""Downloader middlewares and the DNS resolver that keep the crawl on its sources.

- :class:`NetworkGuardMiddleware` refuses, on every request and every
  redirect hop, any scheme but http and https (``file:``, ``ftp:``, ``s3:``,
  ``data:`` would read local files or reach other services), hosts outside
  the request's source domains and IP literals in private, loopback,
  link-local or metadata ranges (``dont_filter`` does not bypass it); it also
  waits out the back-off of retried requests.
- :class:`GuardedResolver` checks the *resolved* address of every hostname,
  so a DNS name pointing at 10.x or 127.0.0.1 is refused at connect time.
- :class:`BackoffRetryMiddleware` retries 5xx and timeouts with exponential back-off.
- :class:`AccountingMiddleware` counts requests and bytes per source.

Private addresses are allowed only when ``crawl.allow_private_networks`` is true.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from core.urls import is_web_url
from crawler.source_health import count

logger = logging.getLogger(__name__)

ALLOW_PRIVATE = "INSPECTWATCH_ALLOW_PRIVATE"
BLOCKED = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16", "::1/128", "::/128", "fc00::/7", "fe80::/10"))


def is_private(address: str) -> bool:
    """True for loopback, private, link-local (cloud metadata) and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in net for net in BLOCKED if net.version == ip.version) or ip.is_private


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def base_domain(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") and not is_ip(host) else host


def host_allowed(host: str, domains: Sequence[str]) -> bool:
    """``host`` is one of ``domains`` or a subdomain of one (exact match for IP addresses)."""
    host = host.lower().rstrip(".")
    return any(host == d or (not is_ip(d) and host.endswith("." + d)) for d in domains)


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing names that resolve to private addresses."""

    def __init__(self, reactor: Any, cache_size: int, timeout: float, allow_private: bool) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.allow_private = allow_private

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        settings = crawler.settings
        size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(reactor, size, settings.getfloat("DNS_TIMEOUT"), settings.getbool(ALLOW_PRIVATE))

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        return super().getHostByName(name, timeout).addCallback(self._check, name)

    def _check(self, address: str, name: str) -> str:
        if not self.allow_private and is_private(address):
            logger.warning("refused %s: it resolves to %s, a private address "
                           "(crawl.allow_private_networks is false)", name, address)
            raise DNSLookupError(f"{name} resolves to private address {address}; refused")
        return address


class NetworkGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allow_private = crawler.settings.getbool(ALLOW_PRIVATE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetworkGuardMiddleware:
        return cls(crawler)

    def domains(self, source: str | None) -> list[str] | None:
        """The domains ``source`` may fetch from; None for a spider that is not the news spider
        (``scrapy shell URL``: the URL typed is the one fetched; the private-network guard still holds)."""
        context = getattr(self.crawler.spider, "context", None)
        if context is None:
            return None
        table: dict[str, list[str]] = context.domains()
        if source is None:
            return sorted({d for names in table.values() for d in names})
        return table.get(source, [])

    def refusal(self, request: Request) -> str | None:
        if not is_web_url(request.url):
            return f"{request.url[:200]} is not an http or https URL"
        host = urlsplit(request.url).hostname or ""
        source = request.meta.get("source")
        domains = self.domains(source)
        if domains is not None and not host_allowed(host, domains):
            return f"{request.url} is outside the domains of source {source or '(any)'}"
        if not self.allow_private and is_ip(host) and is_private(host):
            return f"{request.url} is a private address (crawl.allow_private_networks is false)"
        return None

    async def process_request(self, request: Request) -> None:
        reason = self.refusal(request)
        if reason is not None:
            logger.warning("refused request: %s", reason)
            raise IgnoreRequest(f"refused: {reason}")
        delay = float(request.meta.get("backoff_delay") or 0)
        if delay > 0:
            await asyncio.sleep(delay)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (5xx, 429, timeouts, connection errors) with an exponential pause."""

    def _retry(self, request: Request, reason: str | Exception | type[Exception]) -> Request | None:
        retry = super()._retry(request, reason)
        if retry is not None:
            base = self.crawler.settings.getfloat("INSPECTWATCH_RETRY_BACKOFF", 1.0)
            attempts = int(retry.meta.get("retry_times", 1))
            retry.meta["backoff_delay"] = min(base * 2 ** (attempts - 1), 60.0)
        return retry


class AccountingMiddleware:
    """Counts responses and bytes received per source (before decompression)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AccountingMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        source = request.meta.get("source")
        count(self.crawler, source, "requests")
        count(self.crawler, source, "bytes", len(response.body))
        return response
