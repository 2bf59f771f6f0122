"""`inspectwatch status`: each source's health, last run and next due time; each subscriber's digests."""

from __future__ import annotations

import json

import click

from core.cli_app import App, pass_app


@click.command("status")
@click.option("--runs", "per_source", default=1, show_default=True, metavar="N",
              help="How many recent crawl runs to show per source.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people (lines of at most 78 characters, wrapped, never cut); json for machines.")
@pass_app
def status(app: App, per_source: int, fmt: str) -> None:
    """Show each configured source (crawled or not) with its health (healthy, failing,
    broken, never succeeded, not crawled yet), when it is next due, and its last run:
    start time, duration, result, figures (list pages, 304s, article links, new and
    updated articles, visits, parse failures, errors) and why it failed. Then each
    subscriber's last digest, pending and failed deliveries, and when a delivery in
    retry back-off is tried again.

    \b
    Example:
        inspectwatch status --runs 3
        inspectwatch status --format json | jq '.sources[] | select(.health != "healthy")'
    """
    from jobs.status_report import as_json, as_text, gather

    report = gather(app.existing_db, app.config, per_source)
    if fmt == "json":
        click.echo(json.dumps(as_json(report), ensure_ascii=False, indent=1))
    else:
        click.echo(as_text(report))
