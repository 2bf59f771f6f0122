"""A real HTTP server on loopback for fixture sites.

    with serve(build_site) as site:       # build_site(base_url) -> Site, or a Site
        crawl(site.base + "/index.html")
        assert site.count("/art/") == 30

Pages are served from a dict keyed by path (with or without the query);
``handlers`` answer dynamic requests (POST endpoints). Pages marked
``validators`` get an ETag and Last-Modified and answer conditional GETs with
304. Every request is logged in ``site.hits``.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LAST_MODIFIED = "Thu, 30 Mar 2023 08:00:00 GMT"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = False


@dataclass(frozen=True)
class Call:
    """What a dynamic handler sees of a request."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    status: int
    user_agent: str = ""


Handler = Callable[[Call], Page | None]


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    handlers: dict[str, Handler] = field(default_factory=dict)  # path -> handler
    robots: str = "User-agent: *\nAllow: /\n"
    delay: float = 0.0
    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    active: int = 0
    max_active: int = 0  # the most requests in progress at once

    def count(self, fragment: str = "", method: str | None = None) -> int:
        """Requests whose path contains ``fragment`` (and, if given, used ``method``)."""
        with self.lock:
            return sum(1 for h in self.hits if fragment in h.path and (method is None or h.method == method))

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()

    def answer(self, call: Call, full_path: str) -> Page | None:
        if call.path == "/robots.txt":
            return Page(self.robots.encode(), "text/plain")
        handler = self.handlers.get(call.path)
        if handler is not None:
            return handler(call)
        return self.pages.get(full_path) or self.pages.get(call.path)


def _etag(page: Page) -> str:
    return '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _call(self, method: str) -> Call:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        form = {k: v[0] for k, v in parse_qs(raw).items()}
        return Call(method, parts.path, query, form, {k.lower(): v for k, v in self.headers.items()})

    def _serve(self, method: str) -> None:
        site = self.server.site
        with site.lock:
            site.active += 1
            site.max_active = max(site.max_active, site.active)
        try:
            self._answer(site, method)
        finally:
            with site.lock:
                site.active -= 1

    def _answer(self, site: Site, method: str) -> None:
        if site.delay:
            time.sleep(site.delay)
        call = self._call(method)
        page = site.answer(call, self.path)
        if page is None:
            page = Page(b"<html><body>not found</body></html>", status=404)
        status, headers, body = page.status, dict(page.headers), page.body
        if page.validators:
            headers.update({"ETag": _etag(page), "Last-Modified": LAST_MODIFIED})
            if call.headers.get("if-none-match") == _etag(page):
                status, body = 304, b""
        with site.lock:
            site.hits.append(Hit(method, self.path, status, call.headers.get("user-agent", "")))
        self.send_response(status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_HEAD(self) -> None:
        self._serve("HEAD")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 drops SYNs under load: 1 s retransmit stalls
    site: Site


@contextmanager
def serve(site: Site | Callable[[str], Site], host: str = "127.0.0.1") -> Iterator[Site]:
    """Serve a site on ``host`` with an ephemeral port; yields it with ``base`` set."""
    server = _Server((host, 0), _Handler)
    base = f"http://{host}:{server.server_address[1]}"
    server.site = site if isinstance(site, Site) else site(base)
    server.site.base = base
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
