"""`inspectwatch run`: the scheduler daemon, until SIGTERM or SIGINT."""

from __future__ import annotations

import click

from core.cli_app import App, UsageError, WorkError, pass_app
from core.crawl_schedule import parse_schedule
from jobs.logging_setup import setup_logging


def _seconds(value: str, option: str) -> int:
    try:
        interval = parse_schedule(value).interval
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if interval is None:
        raise UsageError(f"{option}: expected an interval such as '30s' or '5m'; got {value!r}")
    return int(interval.total_seconds())


def _secret(app: App) -> str:
    from notifier.unsubscribe import SecretMissing, resolve_secret

    try:
        return resolve_secret(app.config.settings.digest)
    except SecretMissing as exc:
        raise UsageError(str(exc)) from None


@click.command("run")
@click.option("--host", default="127.0.0.1", show_default=True, envvar="INSPECTWATCH_HTTP_HOST",
              help="Address of the unsubscribe and /healthz endpoint ($INSPECTWATCH_HTTP_HOST).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              envvar="INSPECTWATCH_HTTP_PORT", help="Its port ($INSPECTWATCH_HTTP_PORT; 0: any free port).")
@click.option("--health-host", default="127.0.0.1", show_default=True, envvar="INSPECTWATCH_HEALTH_HOST",
              help="Address of the detailed /healthz report: jobs, errors, sources "
                   "($INSPECTWATCH_HEALTH_HOST). The public address's /healthz says only ok or failing.")
@click.option("--health-port", default=8081, show_default=True, type=click.IntRange(0, 65535),
              envvar="INSPECTWATCH_HEALTH_PORT",
              help="Its port ($INSPECTWATCH_HEALTH_PORT; 0: any free port).")
@click.option("--digest-every", default="5m", show_default=True, metavar="INTERVAL",
              help="How often due digests and retries are swept, besides the send times.")
@click.option("--jitter", default=0, show_default=True, type=click.IntRange(0), metavar="SECONDS",
              help="Spread each crawl's start by up to this many seconds.")
@click.option("--grace", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="On SIGTERM/SIGINT, how long running jobs may take to finish.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Jobs run at the same time (each crawl is its own child process).")
@click.option("--lock-stale", default=60.0, show_default=True, type=click.FloatRange(5), metavar="SECONDS",
              help="A daemon lock without heartbeat for this long is taken over.")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Log lines as text or one JSON object per line.")
@pass_app
def run(app: App, host: str, port: int, health_host: str, health_port: int, digest_every: str, jitter: int,
        grace: float, workers: int, lock_stale: float, log_format: str) -> None:
    """Run the scheduler until SIGTERM/SIGINT: each source is crawled on its
    schedule (at once on the first start), digests go out at their send
    times and right after crawls that found new visits. Jobs are kept in the
    database; a second daemon on the same database refuses to start. Also
    serves the unsubscribe pages and /healthz (ok or failing), and the
    detailed /healthz report on --health-host/--health-port.

    \b
    Example:
        INSPECTWATCH_SECRET=... inspectwatch --config ./config run --port 8080 --log-format json
    """
    from crawler.runner import preload_extraction
    from jobs.daemon import Daemon, DaemonOptions
    from jobs.lock import LockHeld
    from jobs.work import Runtime

    preload_extraction()  # the daemon's crawl processes then start with it loaded
    setup_logging("json" if log_format == "json" else "text")
    options = DaemonOptions(host=host, port=port, health_host=health_host, health_port=health_port,
                            grace=grace, jitter=jitter, workers=workers, lock_stale=lock_stale,
                            sweep_seconds=_seconds(digest_every, "--digest-every"))
    runtime = Runtime(app.config, app.db, secret=_secret(app))
    try:
        code = Daemon(runtime, options).run()
    except LockHeld as exc:
        raise WorkError(f"{exc}; refusing to run") from None
    except OSError as exc:
        raise WorkError(f"cannot serve on {host}:{port} or {health_host}:{health_port}: {exc}") from None
    if code:
        raise WorkError("the scheduler lock was taken over by another process; stopped")
