"""`inspectwatch tick`: run every job that is due now, once, and exit."""

from __future__ import annotations

import click

from core.cli_app import App, UsageError, WorkError, pass_app
from core.mail import MailConfigError
from jobs.commands.run import _secret
from jobs.logging_setup import setup_logging


@click.command("tick")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Log lines as text or one JSON object per line.")
@pass_app
def tick(app: App, log_format: str) -> None:
    """Run every job that is due now and exit: crawl each source whose
    schedule has come since its last crawl, then send the digests that are
    due. Due-ness comes from the database, so running it twice in a row does
    no duplicate work. For cron, systemd timers or a Kubernetes CronJob;
    refuses to run while a daemon or another tick holds the database lock.

    \b
    Example:
        INSPECTWATCH_SECRET=... inspectwatch --db postgresql+psycopg://iw@db/iw tick
    """
    from core.crawl_runs import mark_interrupted
    from jobs.lock import DbLock, Heartbeat, LockHeld
    from jobs.work import Runtime
    from jobs.work import tick as run_tick

    setup_logging("json" if log_format == "json" else "text")
    runtime = Runtime(app.config, app.db, secret=_secret(app))
    lock = DbLock(app.db)
    try:
        lock.acquire()
    except LockHeld as exc:
        raise WorkError(f"{exc}; not ticking") from None
    runtime.lease = lock.heartbeat  # each digest is sent only while the lease is ours
    heartbeat = Heartbeat(lock, lock.stale_after.total_seconds() / 4)  # a crawl may take minutes
    heartbeat.start()
    try:
        mark_interrupted(app.db)
        report = run_tick(runtime)
    except MailConfigError as exc:  # settings that cannot work: bad config, not a failed send
        raise UsageError(str(exc)) from None
    finally:
        heartbeat.stop()
        lock.release()
    crawled = ", ".join(report.due) or "none due"
    click.echo(f"tick: crawled {len(report.due)} source(s) ({crawled}), {report.visits_new} new visit(s); "
               f"sent {report.digests_sent} digest(s)")
    for line in report.crawl_failures:
        click.echo(line, err=True)
    if report.crawl_failures:
        raise WorkError(f"the crawl failed for {len(report.crawl_failures)} of {len(report.due)} source(s)")
    if report.digest_failures:
        raise WorkError(f"{report.digest_failures} digest(s) could not be sent; they stay queued")
