"""The unsubscribe web endpoint (``inspectwatch serve``, also started by the daemon).

    GET  /unsubscribe?token=T   a confirmation page with a button (mail scanners
                                that prefetch links change nothing)
    POST /unsubscribe?token=T   unsubscribes at once: the RFC 8058 one-click POST
                                (body ``List-Unsubscribe=One-Click``) or the button
    GET  /healthz               "ok"

A forged or tampered token gets 403 and changes nothing. :func:`start_server`
runs the server in a daemon thread and returns a handle with its URL.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from core.db.engine import Database
from notifier.render import render_page
from notifier.subscribers import unsubscribe_id
from notifier.unsubscribe import read_token

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024


class UnsubscribeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], db: Database, secret: str) -> None:
        super().__init__(address, UnsubscribeHandler)
        self.db, self.secret = db, secret


class UnsubscribeHandler(BaseHTTPRequestHandler):
    server: UnsubscribeServer
    server_version = "inspectwatch"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: HTTPStatus, body: str, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "form-action 'self'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _token(self) -> tuple[str, str]:
        parts = urlsplit(self.path)
        return parts.path.rstrip("/"), (parse_qs(parts.query).get("token") or [""])[0]

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path, token = self._token()
        if path == "/healthz":
            return self._send(HTTPStatus.OK, "ok\n", "text/plain; charset=utf-8")
        if path != "/unsubscribe":
            return self._send(HTTPStatus.NOT_FOUND, render_page("unsubscribe_invalid.html.j2"))
        subject = read_token(self.server.secret, token)
        if subject is None:
            return self._send(HTTPStatus.FORBIDDEN, render_page("unsubscribe_invalid.html.j2"))
        page = render_page("unsubscribe_confirm.html.j2", email=subject.email, action=self.path)
        self._send(HTTPStatus.OK, page)

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        if length:
            self.rfile.read(length)
        path, token = self._token()
        if path != "/unsubscribe":
            return self._send(HTTPStatus.NOT_FOUND, render_page("unsubscribe_invalid.html.j2"))
        subject = read_token(self.server.secret, token)
        if subject is None or not unsubscribe_id(self.server.db, subject.subscriber_id, subject.email):
            log.warning("unsubscribe refused: bad or unknown token from %s", self.address_string())
            return self._send(HTTPStatus.FORBIDDEN, render_page("unsubscribe_invalid.html.j2"))
        log.info("unsubscribed %s", subject.email)
        self._send(HTTPStatus.OK, render_page("unsubscribe_done.html.j2", email=subject.email))


@dataclass
class RunningServer:
    server: UnsubscribeServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def make_server(db: Database, secret: str, host: str = "127.0.0.1", port: int = 8080) -> UnsubscribeServer:
    """The server bound to ``host:port`` (port 0: any free port), not yet serving."""
    return UnsubscribeServer((host, port), db, secret)


def start_server(db: Database, secret: str, host: str = "127.0.0.1", port: int = 8080) -> RunningServer:
    """Bind and serve in a daemon thread; ``stop()`` the handle to shut down."""
    server = make_server(db, secret, host, port)
    thread = threading.Thread(target=server.serve_forever, name="inspectwatch-serve", daemon=True)
    thread.start()
    return RunningServer(server, thread)
