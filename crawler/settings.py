"""Scrapy settings, built from the ``[crawl]`` section of inspectwatch.toml.

Polite by default: robots.txt obeyed (as RFC 9309 says: a robots.txt that
answers 5xx or cannot be fetched forbids the whole site), AutoThrottle on, at
most two concurrent requests per domain, retries with back-off. Safe by
default: responses over ``max_response_bytes`` (also after decompression) are
dropped, only the http and https download handlers exist (file, ftp, s3 and
data are switched off), the telnet console and the remote-control server are
off, and nothing secret is ever put into the settings (Scrapy logs the
overridden ones).
"""

from __future__ import annotations

from typing import Any

from scrapy.settings.default_settings import EXTENSIONS_BASE

from core.config import CrawlSettings

from .middlewares import ALLOW_PRIVATE

OFF_SCHEMES = ("file", "ftp", "s3", "data")
OFF_EXTENSIONS = ("scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl")
MAX_LINKS = "INSPECTWATCH_MAX_LINKS_PER_PAGE"
CONFIG_DIR = "INSPECTWATCH_CONFIG_DIR"  # for a crawl started by Scrapy's own commands (crawler.standalone)
DB_URL = "INSPECTWATCH_DB_URL"
RETRY_CODES = [500, 502, 503, 504, 522, 524, 408, 429]


def build_settings(crawl: CrawlSettings, *, log_level: str = "WARNING",
                   overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The settings of one crawl process; ``overrides`` are for tests and benchmarks."""
    settings: dict[str, Any] = {
        "BOT_NAME": "inspectwatch",
        # The Scrapy project (scrapy.cfg, crawler/project_settings.py) finds the news spider here.
        "SPIDER_MODULES": ["crawler.spider"],
        "NEWSPIDER_MODULE": "crawler.spider",
        "USER_AGENT": crawl.user_agent,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        # Left out of the list, not only switched off: Scrapy imports every extension it names, even
        # with None, and the remote-control one imports aiohttp (a tenth of a crawl process's start).
        "EXTENSIONS_BASE": {path: order for path, order in EXTENSIONS_BASE.items()
                            if path not in OFF_EXTENSIONS},
        **_polite(crawl),
        **_safe(crawl),
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        # What one response yields is handled by this many asyncio tasks (Scrapy's default, 100, makes
        # 100 tasks per response); the store has one writer anyway.
        "CONCURRENT_ITEMS": 16,
        # Scrapy re-parses a callback's source with ast on most requests to look for `return value` in a
        # generator (its cache is keyed by the bound method, new per request); ours return nothing.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "METAREFRESH_ENABLED": False,
        "COOKIES_ENABLED": True,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": log_level,
        "LOG_FORMATTER": "scrapy.logformatter.LogFormatter",
        "STATS_DUMP": False,
    }
    settings.update(overrides or {})
    return settings


def _polite(crawl: CrawlSettings) -> dict[str, Any]:
    """robots.txt, AutoThrottle, two requests at a time per site, retries with back-off."""
    return {
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": crawl.delay,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        "DOWNLOAD_DELAY": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": RETRY_CODES,
        "INSPECTWATCH_RETRY_BACKOFF": 1.0,
        "REDIRECT_MAX_TIMES": 5,
    }


def _safe(crawl: CrawlSettings) -> dict[str, Any]:
    """Size and time limits, the network guard, and only the http and https handlers."""
    return {
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_response_bytes,
        "DOWNLOAD_WARNSIZE": max(crawl.max_response_bytes // 2, 1024),
        MAX_LINKS: crawl.max_links_per_page,
        ALLOW_PRIVATE: crawl.allow_private_networks,
        # Only the web: a file://, ftp://, s3:// or data: URL has no handler and is never fetched.
        "DOWNLOAD_HANDLERS": {scheme: None for scheme in OFF_SCHEMES},
        "TWISTED_DNS_RESOLVER": "crawler.middlewares.GuardedResolver",
        "DOWNLOADER_MIDDLEWARES": {
            "crawler.middlewares.NetworkGuardMiddleware": 50,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawler.robots.RobotsRulesMiddleware": 100,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.middlewares.BackoffRetryMiddleware": 550,
            "crawler.middlewares.AccountingMiddleware": 950,
        },
    }
