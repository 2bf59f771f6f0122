"""`inspectwatch serve`: the web endpoint (unsubscribe pages, /healthz) under uvicorn."""

from __future__ import annotations

import signal
from types import FrameType

import click

from core.cli_app import App, UsageError, WorkError, pass_app
from notifier.unsubscribe import SecretMissing, resolve_secret


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, envvar="INSPECTWATCH_HTTP_HOST",
              help="Address to listen on ($INSPECTWATCH_HTTP_HOST).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              envvar="INSPECTWATCH_HTTP_PORT",
              help="Port to listen on ($INSPECTWATCH_HTTP_PORT; 0: any free port).")
@click.option("--max-connections", default=200, show_default=True, type=click.IntRange(1),
              help="Connections served at once; beyond this, requests get 503.")
@pass_app
def serve(app: App, host: str, port: int, max_connections: int) -> None:
    """Answer unsubscribe links: GET shows a confirmation page, POST unsubscribes (RFC 8058 one-click).
    /healthz answers ok (200) while the database answers, else failing (503).

    Put it behind the https address configured as digest.base_url. Stop with Ctrl-C or SIGTERM:
    requests in progress are finished first.

    \b
    Example:
        INSPECTWATCH_SECRET=... inspectwatch serve --host 0.0.0.0 --port 8080
    """
    from notifier.web.app import WebContext, create_app
    from notifier.web.database import open_web_database
    from notifier.web.limits import WebLimits
    from notifier.web.server import address, bind, serve_forever

    try:
        secret = resolve_secret(app.config.settings.digest)
    except SecretMissing as exc:
        raise UsageError(str(exc)) from None
    limits = WebLimits(max_connections=max_connections)
    db = app.db  # opened (and migrated) here, so a bad URL is an error before anything is served
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise WorkError(f"cannot listen on {host}:{port}: {exc}") from None
    web_db = open_web_database(db.url, limits.db_busy_ms)
    click.echo(f"serving unsubscribe links on {address(sock)}/unsubscribe "
               f"(public base URL: {app.config.settings.digest.base_url})")
    config = app.config
    web = create_app(WebContext(web_db, secret, limits, config.topic_keywords(), config.settings))
    signal.signal(signal.SIGTERM, _interrupt)  # uvicorn stops gracefully, then re-raises it: exit 0 here
    try:
        serve_forever(web, sock, limits)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        web_db.close()
    click.echo("stopped")
