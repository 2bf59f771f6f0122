"""Article URLs: which may be fetched at all (http and https only), and the canonical key an article is
stored under."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "spm", "from", "share", "fbclid", "gclid", "isappinstalled", "scene")
DEFAULT_PORTS = {"http": 80, "https": 443}
WEB_SCHEMES = frozenset(DEFAULT_PORTS)


def is_web_url(url: str) -> bool:
    """True for an absolute http:// or https:// URL with a host: the only URLs a crawl may request.

    >>> [is_web_url(u) for u in ("https://jinan.gov.cn/a.html", "file://jinan.gov.cn/etc/passwd", "data:,x")]
    [True, False, False]
    """
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return any(key == p or key.startswith(p) for p in TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters.

    >>> canonical_url("HTTP://WWW.Jinan.gov.cn:80/art/2023/3/30/art_1_2.html?utm_source=x#top")
    'http://www.jinan.gov.cn/art/2023/3/30/art_1_2.html'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _is_tracking(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))
