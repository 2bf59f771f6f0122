"""Why a fetch failed, in the words an operator reads: one line, no traceback.

Scrapy and Twisted describe network failures in their own terms
("DNS lookup failed: no results for hostname lookup: x.", "Connection was
refused by other side: 111: Connection refused."). :func:`reason` turns a
failure's exception and URL into a short sentence naming the host, such as
``DNS lookup failed for english.jinan.gov.cn``; a run's status message and
``crawl``'s per-source lines use it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

# Scrapy wraps Twisted's errors in its own (2.13+); either may arrive.
DNS = (net.DNSLookupError, scrapy_errors.CannotResolveHostError)
REFUSED = (net.ConnectionRefusedError, scrapy_errors.DownloadConnectionRefusedError)
TIMEOUT = (net.TimeoutError, net.TCPTimedOutError, scrapy_errors.DownloadTimeoutError)
LOST = (ResponseNeverReceived, ResponseFailed, net.ConnectionLost, net.ConnectionDone,
        scrapy_errors.DownloadFailedError, scrapy_errors.ResponseDataLossError)


def _host(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or url
    return f"{host}:{parts.port}" if parts.port else host


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def reason(exc: BaseException, url: str) -> str:
    """One line saying why fetching ``url`` failed with ``exc``."""
    host = _host(url)
    if isinstance(exc, HttpError):
        status = getattr(getattr(exc, "response", None), "status", "?")
        return f"HTTP {status} from {url}"
    if isinstance(exc, IgnoreRequest):
        return _first_line(exc)
    if isinstance(exc, DNS):
        text = _first_line(exc)
        return text if "private address" in text else f"DNS lookup failed for {urlsplit(url).hostname or url}"
    if isinstance(exc, REFUSED):
        return f"connection refused by {host}"
    if isinstance(exc, TIMEOUT):
        return f"timed out connecting to {host}"
    if isinstance(exc, net.NoRouteError):
        return f"no route to {host}"
    if isinstance(exc, LOST):
        return f"connection to {host} closed before a full response arrived"
    return f"{type(exc).__name__} fetching {url}: {_first_line(exc)}"
