"""`inspectwatch serve`: the unsubscribe web endpoint."""

from __future__ import annotations

import click

from core.app import App, UsageError, WorkError, pass_app
from notifier.server import make_server
from notifier.unsubscribe import SecretMissing, resolve_secret


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@pass_app
def serve(app: App, host: str, port: int) -> None:
    """Answer unsubscribe links: GET shows a confirmation page, POST unsubscribes (RFC 8058 one-click).

    Put it behind the https address configured as digest.base_url. Stop with Ctrl-C.

    \b
    Example:
        INSPECTWATCH_SECRET=... inspectwatch serve --host 0.0.0.0 --port 8080
    """
    try:
        secret = resolve_secret(app.config.settings.digest)
    except SecretMissing as exc:
        raise UsageError(str(exc)) from None
    try:
        server = make_server(app.db, secret, host, port)
    except OSError as exc:
        raise WorkError(f"cannot listen on {host}:{port}: {exc}") from None
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving unsubscribe links on http://{bound_host!s}:{bound_port}/unsubscribe "
               f"(public base URL: {app.config.settings.digest.base_url})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()
