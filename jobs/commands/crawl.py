"""`inspectwatch crawl`: one crawl pass now, with per-source figures at the end."""

from __future__ import annotations

import sys
from datetime import date, datetime

import click
from rich import box
from rich.console import Console
from rich.table import Table

from core.cli_app import App, UsageError, WorkError, pass_app
from core.config import ConfigError
from core.crawl_runs import SourceRunStats
from crawler.crawl_context import select_sources
from crawler.runner import crawl_sources
from jobs.crawl_progress import live_display

CAPTION = ("lists: list pages fetched (304: not modified); links: article links found; "
           "new/upd: articles; fail: parse failures; err: errors; s: seconds")
COLUMNS = ("source", "status", "lists", "links", "new", "upd", "visits", "fail", "err", "KB", "s")


def _status(run: SourceRunStats) -> str:
    return "304" if run.status == "ok" and run.not_modified and not run.list_pages else run.status


def run_row(run: SourceRunStats) -> list[str]:
    return [run.source, _status(run), str(run.list_pages), str(run.list_items), str(run.articles_new),
            str(run.articles_updated), str(run.visits_new), str(run.parse_failures), str(run.errors),
            f"{run.bytes / 1024:.0f}", f"{run.duration:.1f}"]


def runs_table(runs: list[SourceRunStats], title: str) -> Table:
    table = Table(title=title, box=box.SIMPLE, caption=CAPTION)
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("source", "status") else "right",
                         no_wrap=True, min_width=len(column))
    for run in runs:
        table.add_row(*run_row(run))
    return table


def _since(value: datetime | None) -> date | None:
    return value.date() if value else None


@click.command("crawl")
@click.option("--source", "sources", multiple=True, metavar="NAME",
              help="Crawl only this source (repeatable; default: every enabled source).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Backfill: follow list pages back to DATE (YYYY-MM-DD) instead of stopping at known ones.")
@pass_app
def crawl(app: App, sources: tuple[str, ...], since: datetime | None) -> None:
    """Crawl the configured news sources once, now: fetch new articles, extract their
    visits, store both, and print each source's figures (list pages, 304s, new and
    updated articles, parse failures, errors, bytes, duration).

    Articles already stored are never fetched again; list pages are fetched with
    conditional GET, and paging stops at the first page whose articles are all known.
    A source that looks broken is flagged in `inspectwatch status` and reported to
    the `admin` address.

    \b
    Example:
        inspectwatch crawl --source jinan-zh --since 2023-01-01
    """
    try:
        names = [s.name for s in select_sources(app.config, list(sources) or None)]
        with live_display(names, None) as relay:
            runs = crawl_sources(app.config, app.db, sources=list(sources) or None, since=_since(since),
                                 on_progress=relay)
    except ConfigError as exc:
        raise UsageError("\n".join(exc.problems)) from None
    Console(width=None if sys.stdout.isatty() else 200).print(runs_table(runs, "crawl"))  # piped: never cut
    for run in runs:
        if run.broken:
            click.echo(f"{run.source}: {run.broken}")
    failed = [r for r in runs if r.status != "ok"]
    for run in failed:
        click.echo(run.failure_line, err=True)
    if failed:
        raise WorkError(f"the crawl failed for {len(failed)} of {len(runs)} source(s)")
