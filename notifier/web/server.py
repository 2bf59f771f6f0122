"""Serving the web app with uvicorn: limits, binding, a background thread, a foreground run.

uvicorn's h11 protocol closes a kept-alive connection after ``keep_alive``
seconds, answers a malformed request (a ``Content-Length`` of ``-1`` or
``abc``) with 400, and beyond ``max_connections`` answers 503. It does not
time out a connection whose request never arrives in full (a slow sender, or
one that connects and says nothing): :class:`DeadlineProtocol` adds that.
All connections share one event loop thread; database work runs on
anyio's bounded worker pool, so a flood of connections never grows threads.

:func:`bind` opens the socket first, so a busy port is an ``OSError`` for the
caller (uvicorn itself would exit the process).
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from core.config import Settings
from core.db.engine import Database
from notifier.web.limits import WebLimits

_FINISHED = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)


class DeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline for each request to arrive in full."""

    request_timeout: float = WebLimits.request_timeout
    _deadline: asyncio.TimerHandle | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.access_log = False  # whatever handlers uvicorn.access has: paths hold tokens

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state in _FINISHED:
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state not in _FINISHED:
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


def protocol_for(limits: WebLimits) -> type[DeadlineProtocol]:
    return type("LimitedProtocol", (DeadlineProtocol,), {"request_timeout": limits.request_timeout})


def uvicorn_config(app: ASGIApp, limits: WebLimits) -> uvicorn.Config:
    """uvicorn's settings for ``app``: our limits, the project's logging left alone, and no
    access log: its lines would hold the tokens in the paths (/manage/..., /unsubscribe?token=...),
    which are the subscribers' keys."""
    return uvicorn.Config(
        app, http=protocol_for(limits), lifespan="auto", log_config=None, server_header=False,
        access_log=False,
        timeout_keep_alive=int(max(1, limits.keep_alive)), limit_concurrency=limits.max_connections,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_graceful_shutdown=int(max(1, limits.shutdown_grace)),
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port); raises OSError."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=2048)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@dataclass
class RunningServer:
    """A uvicorn server in its own thread with its own event loop; ``stop()`` shuts it down."""

    server: uvicorn.Server
    sock: socket.socket
    thread: threading.Thread
    on_stop: Callable[[], None] | None = None

    @property
    def url(self) -> str:
        return address(self.sock)

    def stop(self, timeout: float = 15.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        self.sock.close()
        if self.on_stop is not None:
            self.on_stop()


def start_in_thread(app: ASGIApp, sock: socket.socket, limits: WebLimits, name: str = "inspectwatch-http",
                    on_stop: Callable[[], None] | None = None) -> RunningServer:
    """Serve ``app`` on the bound ``sock`` from a daemon thread (uvicorn sets no signal handlers there)."""
    server = uvicorn.Server(uvicorn_config(app, limits))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    return RunningServer(server, sock, thread, on_stop)


def serve_forever(app: ASGIApp, sock: socket.socket, limits: WebLimits) -> None:
    """Serve ``app`` in this thread until SIGINT or SIGTERM (uvicorn finishes requests in progress first)."""
    uvicorn.Server(uvicorn_config(app, limits)).run(sockets=[sock])


def start_server(db: Database, secret: str, host: str = "127.0.0.1", port: int = 8080,
                 limits: WebLimits | None = None, settings: Settings | None = None,
                 topics: Mapping[str, Sequence[str]] | None = None) -> RunningServer:
    """The public app on ``host:port`` in a thread, with its own short-waiting database engine."""
    from notifier.web.app import WebContext, create_app
    from notifier.web.database import open_web_database

    limits = limits or WebLimits()
    settings = settings or Settings()
    web_db = open_web_database(db.url, limits.db_busy_ms)
    sock = bind(host, port)
    app = create_app(WebContext(web_db, secret, limits, topics or {}, settings))
    return start_in_thread(app, sock, limits, on_stop=web_db.close)
