"""`inspectwatch status`: each source's last runs and health, each subscriber's last digest."""

from __future__ import annotations

from datetime import datetime

import click
from rich import box
from rich.console import Console
from rich.table import Table
from sqlalchemy import case, func, select

from core.app import App, pass_app
from core.db.engine import Database
from core.db.models import Delivery, SubscriberRow
from crawler.health import health_label, recent_runs, succeeded_sources
from jobs.commands.crawl import runs_table


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def deliveries_table(db: Database) -> Table:
    table = Table(title="digests", box=box.SIMPLE)
    for column in ("subscriber", "status", "last digest sent", "pending", "failed"):
        table.add_column(column)
    pending = func.sum(case((Delivery.state == "pending", 1), else_=0))
    failed = func.sum(case((Delivery.state == "failed", 1), else_=0))
    query = (select(SubscriberRow.email, SubscriberRow.status, func.max(Delivery.sent_at),
                    SubscriberRow.last_digest_at, pending, failed)
             .outerjoin(Delivery, Delivery.subscriber_id == SubscriberRow.id)
             .group_by(SubscriberRow.id).order_by(SubscriberRow.email))
    with db.session() as session:
        for email, state, sent, last_digest, n_pending, n_failed in session.execute(query):
            table.add_row(email, state, _when(max(filter(None, (sent, last_digest)), default=None)),
                          str(n_pending or 0), str(n_failed or 0))
    return table


@click.command("status")
@click.option("--runs", "per_source", default=3, show_default=True, metavar="N",
              help="How many recent crawl runs to show per source.")
@pass_app
def status(app: App, per_source: int) -> None:
    """Show each source's last crawl runs (list pages, 304s, new and updated articles,
    parse failures, errors, bytes, duration) and whether it looks broken, then each
    subscriber's last digest and their pending and failed deliveries.

    \b
    Example:
        inspectwatch status --runs 5
    """
    console = Console()
    db = app.existing_db
    sources = recent_runs(db, per_source)
    if not sources:
        click.echo("No crawl has run yet: try `inspectwatch crawl`.")
    succeeded = succeeded_sources(db)
    for source, runs in sources:
        health = health_label(source, runs, source.name in succeeded)
        console.print(runs_table(runs, f"{source.name} ({source.cms}, {source.language}): {health}"))
        if source.broken_reason:
            click.echo(f"{source.name}: {source.broken_reason} (since {_when(source.broken_since)})")
    console.print(deliveries_table(db))
