"""`inspectwatch digest`: queue new matches, then build and send the digests due now."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from core.cli_app import App, UsageError, WorkError, pass_app
from core.db.engine import utcnow
from core.mail import MailConfigError
from notifier.delivery import DigestReport, PlannedDigest, preview_digest, safe_filename, send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.unsubscribe import SecretMissing


def _progress(total_hint: list[int]) -> Callable[[PlannedDigest], None] | None:
    if not sys.stderr.isatty():
        return None

    def tick(planned: PlannedDigest) -> None:
        total_hint[0] += 1
        click.echo(f"\r  {total_hint[0]} digests handled, last: {planned.email} ({planned.outcome})   ",
                   err=True, nl=False)

    return tick


def _summary(report: DigestReport, dry_run: bool) -> None:
    if dry_run:
        for planned in report.digests:
            click.echo(f"would send to {planned.email}: {planned.subject}")
        click.echo(f"dry run: {len(report.digests)} digests due, nothing sent")
        return
    for error in report.errors:
        click.echo(f"  failed: {error}", err=True)
    written = " (written to the outbox)" if report.files and report.digests_sent else ""
    click.echo(f"{report.digests_sent} digests sent{written}, {report.visits_delivered} visits delivered, "
               f"{report.failures} failed (will retry), {report.gave_up} ledger rows given up, "
               f"{report.bounced} bouncing, {report.deferred} deferred")


def _preview(app: App, email: str, output: str | None) -> None:
    path = Path(output or f"digest-preview-{safe_filename(email.strip().lower())}.html")
    now = utcnow()
    queue_new_matches(app.db, app.config.topic_keywords(), now,
                      fresh_days=app.config.settings.digest.first_digest_days)
    try:
        count = preview_digest(app.db, app.config, email, now, path)
    except LookupError as exc:
        raise UsageError(f"{exc} (see `inspectwatch subscribers list`)") from None
    if count == 0:
        click.echo(f"{email}: no matching visit is pending; nothing to preview")
    else:
        click.echo(f"{email}: {count} visits; wrote {path}")


@click.command("digest")
@click.option("--dry-run", is_flag=True, help="List the digests that would be sent; send nothing.")
@click.option("--outbox", type=click.Path(file_okay=False), metavar="DIR",
              help="Write each digest as an .eml file in DIR instead of sending (counts as delivered).")
@click.option("--preview", metavar="EMAIL", help="Write the digest EMAIL would get now to an .html file.")
@click.option("--output", metavar="FILE", help="With --preview: the .html file to write.")
@click.option("--force", is_flag=True,
              help="Send to every subscriber with pending visits now, ignoring send_at and retry back-off.")
@pass_app
def digest(app: App, dry_run: bool, outbox: str | None, preview: str | None, output: str | None,
           force: bool) -> None:
    """Match new visits, then build and send the digests that are due now.

    Each (subscriber, visit) pair is delivered once; a failed send stays queued and is retried with
    backoff. The unsubscribe-link secret comes from the variable named by digest.secret_env.

    \b
    Examples:
        inspectwatch digest --dry-run
        inspectwatch digest --preview ana@example.org --output /tmp/ana.html
    """
    if output and not preview:
        raise UsageError("--output goes with --preview EMAIL (it names the preview's .html file); "
                         "nothing was sent")
    if preview:
        return _preview(app, preview, output)
    config, now = app.config, utcnow()
    queued = queue_new_matches(app.db, config.topic_keywords(), now,
                               fresh_days=config.settings.digest.first_digest_days)
    click.echo(f"{queued} new matching (subscriber, visit) pairs queued")
    try:
        report = send_due_digests(app.db, config, now, outbox=Path(outbox) if outbox else None,
                                  dry_run=dry_run, force=force, retry_now=force, progress=_progress([0]))
    except (SecretMissing, MailConfigError) as exc:
        raise UsageError(str(exc)) from None
    if sys.stderr.isatty() and report.digests and not dry_run:
        click.echo("", err=True)
    _summary(report, dry_run)
    if report.failures:
        raise WorkError(f"{report.failures} digests could not be sent; they stay queued for the next run")
