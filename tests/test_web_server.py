"""The web endpoint under hostile clients, over real sockets on loopback: idle and slow connections,
malformed lengths, oversized bodies, a locked database, what /healthz tells, and `inspectwatch serve`."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from email.message import Message
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.routing import Route
from starlette.testclient import TestClient
from test_daemon import BIN, SECRET, free_port, wait_for

from core.config import SubscriberConfig
from core.db.engine import Database
from core.db.models import SubscriberRow
from notifier.subscribers import import_subscribers, list_subscribers
from notifier.unsubscribe import make_token
from notifier.web.app import WebContext, create_app
from notifier.web.limits import WebLimits
from notifier.web.server import RunningServer, start_server

LIMITS = WebLimits(keep_alive=1, request_timeout=1.5, max_connections=50, db_busy_ms=200, max_body=1024)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'web.db'}")
    import_subscribers(database, [SubscriberConfig(email="ana@example.org", watches=["carbon"])])
    yield database
    database.close()


@pytest.fixture
def served(db: Database) -> Iterator[RunningServer]:
    server = start_server(db, SECRET, "127.0.0.1", 0, limits=LIMITS)
    yield server
    server.stop()


def port_of(server: RunningServer) -> int:
    return int(server.url.rsplit(":", 1)[1])


def raw(port: int, request: bytes, timeout: float = 30) -> bytes:
    """Send ``request`` as is and read until the server closes the connection."""
    with closing(socket.create_connection(("127.0.0.1", port), timeout=timeout)) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def status_line(reply: bytes) -> bytes:
    return reply.split(b"\r\n", 1)[0]


def fetch(url: str, method: str = "GET", data: bytes | None = None) -> tuple[int, Message, str]:
    """Status, headers (names in any case) and body."""
    request = urllib.request.Request(url, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers, reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


def ana_link(db: Database, server: RunningServer) -> str:
    with db.session() as session:
        ident = session.scalar(select(SubscriberRow.id).where(SubscriberRow.email == "ana@example.org"))
    assert ident is not None
    return f"{server.url}/unsubscribe?token={make_token(SECRET, ident, 'ana@example.org')}"


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1, 2", b"99999999999999999999999"])
def test_a_malformed_content_length_gets_400_and_the_server_goes_on(served: RunningServer,
                                                                     length: bytes) -> None:
    request = b"POST /unsubscribe?token=x HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + b"\r\n\r\nbody"
    reply = raw(port_of(served), request)
    assert status_line(reply) == b"HTTP/1.1 400 Bad Request", reply[:200]
    assert b"Traceback" not in reply
    assert fetch(f"{served.url}/healthz")[0] == 200


def test_a_body_over_the_limit_gets_413(served: RunningServer) -> None:
    status, _, _ = fetch(f"{served.url}/unsubscribe?token=x", "POST", b"x" * 5000)
    assert status == 413
    chunked = (b"POST /unsubscribe?token=x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"400\r\n" + b"y" * 1024 + b"\r\n" + b"400\r\n" + b"y" * 1024 + b"\r\n0\r\n\r\n")
    assert status_line(raw(port_of(served), chunked)) == b"HTTP/1.1 413 Request Entity Too Large"


def test_idle_and_slow_connections_use_no_thread_each_and_are_closed(served: RunningServer) -> None:
    port = port_of(served)
    threads_before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=60) for _ in range(300)]
    slow = [socket.create_connection(("127.0.0.1", port), timeout=60) for _ in range(20)]
    for sock in slow:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n")  # a head that never ends
    try:
        assert threading.active_count() <= threads_before + 2  # one event loop for all of them
        # Beyond the cap a request is answered at once with 503, not queued behind the idle ones.
        assert status_line(raw(port, b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")) == (
            b"HTTP/1.1 503 Service Unavailable")
        for sock in idle + slow:  # the server hangs up on each of them: recv sees the end
            assert sock.recv(1024) == b""
    finally:
        for sock in idle + slow:
            sock.close()
    assert fetch(f"{served.url}/healthz")[:3:2] == (200, "ok\n")  # and serves again once they are gone


def test_a_kept_alive_connection_is_closed_after_its_request_when_idle(served: RunningServer) -> None:
    with closing(socket.create_connection(("127.0.0.1", port_of(served)), timeout=60)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        reply = b""
        while not reply.endswith(b"ok\n"):
            reply += sock.recv(4096)
        assert status_line(reply) == b"HTTP/1.1 200 OK"
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")  # a second request that never finishes
        assert sock.recv(1024) == b""


def test_a_locked_database_gets_503_with_retry_after_and_changes_nothing(db: Database,
                                                                        served: RunningServer) -> None:
    link = ana_link(db, served)
    holder = sqlite3.connect(db.engine.url.database or "", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        status, headers, page = fetch(link, "POST", b"List-Unsubscribe=One-Click")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status == 503 and headers["Retry-After"] == str(LIMITS.retry_after)
    assert "try again" in page and "Traceback" not in page and "sqlite" not in page.lower()
    assert {row.email: row.status for row in list_subscribers(db)} == {"ana@example.org": "active"}
    assert fetch(link, "POST", b"List-Unsubscribe=One-Click")[0] == 200  # lock gone: it works


def test_responses_carry_the_security_headers_and_no_server_name(served: RunningServer) -> None:
    status, headers, body = fetch(f"{served.url}/healthz")
    assert (status, body) == (200, "ok\n")
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "Server" not in headers
    assert fetch(f"{served.url}/unsubscribe?token=x", "PUT", b"")[0] == 405


@contextmanager
def serve_process(tmp_path: Path, env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[str]]:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    database = f'database = "sqlite:///{tmp_path / "s.db"}"\n'
    (config / "inspectwatch.toml").write_text(database, encoding="utf-8")
    proc = subprocess.Popen([str(BIN), "--config", str(config), "serve", *args], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "INSPECTWATCH_SECRET": SECRET, **env})
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def test_serve_honours_the_host_and_port_variables_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {"INSPECTWATCH_HTTP_HOST": "127.0.0.2", "INSPECTWATCH_HTTP_PORT": str(port)}
    with serve_process(tmp_path, env) as proc:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.2:{port}/unsubscribe" in first, first
        wait_for(lambda: fetch(f"http://127.0.0.2:{port}/healthz")[0] == 200, 30, "serve answers")
        assert fetch(f"http://127.0.0.2:{port}/healthz")[2] == "ok\n"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        assert "stopped" in proc.stdout.read()


def test_serve_on_a_busy_port_is_an_error_without_traceback(tmp_path: Path) -> None:
    with closing(socket.create_server(("127.0.0.1", 0))) as taken:
        port = taken.getsockname()[1]
        with serve_process(tmp_path, {}, "--port", str(port)) as proc:
            assert proc.wait(60) == 1
            assert proc.stdout is not None
            output = proc.stdout.read()
    assert output.startswith(f"Error: cannot listen on 127.0.0.1:{port}") and "Traceback" not in output


def test_a_failing_route_answers_500_without_a_stack_trace(db: Database) -> None:
    app = create_app(WebContext(db, SECRET, LIMITS))

    def broken(_request: object) -> None:
        raise RuntimeError("secret detail /etc/inspectwatch")

    app.router.routes.append(Route("/broken", broken))
    with TestClient(app, raise_server_exceptions=False) as client:
        reply = client.get("/broken")
    assert reply.status_code == 500
    assert not any(leak in reply.text for leak in ("Traceback", "secret detail", "RuntimeError"))


def test_no_log_line_holds_a_link_token(db: Database, served: RunningServer,
                                        caplog: pytest.LogCaptureFixture) -> None:
    link = ana_link(db, served)
    token = link.split("token=")[1]
    with caplog.at_level(logging.DEBUG):
        assert fetch(link)[0] == 200
        assert fetch(f"{served.url}/manage/{token}")[0] == 403
    assert token not in caplog.text


def test_a_request_head_growing_past_the_limit_gets_400(served: RunningServer) -> None:
    padding = b"X-Pad: " + b"a" * (LIMITS.max_header_bytes + 1024) + b"\r\n"  # and the head never ends
    reply = raw(port_of(served), b"GET /healthz HTTP/1.1\r\nHost: a\r\n" + padding)
    assert status_line(reply) == b"HTTP/1.1 400 Bad Request", reply[:200]
