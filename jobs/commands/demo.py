"""`inspectwatch demo`: the whole pipeline, offline, on the bundled snapshot."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table

from core.cli_app import App, UsageError, WorkError, pass_app
from core.config import ConfigError

if TYPE_CHECKING:
    from jobs.demo.pipeline import DemoSummary

NO_SMTP_SERVER = ("the demo delivers its digests to a local SMTP server, aiosmtpd, which is not installed: "
                  "install the demo extra, pip install 'inspectwatch[demo]' (make demo does)")


def _print_summary(summary: DemoSummary) -> None:
    table = Table(title="inspectwatch demo", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles crawled and stored", str(summary.articles))
    table.add_row("visits extracted", str(summary.visits))
    table.add_row("subscribers", str(summary.subscribers))
    table.add_row("digests sent (SMTP accepted)", str(summary.digests_sent))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    Console().print(table)
    click.echo(f"Digests written to {summary.out_dir}/ (.eml and .html); "
               f"database {summary.out_dir / 'demo.db'}")


@click.command("demo")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default="demo-out",
              show_default=True, help="Folder for the demo database and the delivered digests.")
@pass_app
def demo(app: App, out_dir: Path) -> None:
    """Run the whole pipeline offline: serve the bundled snapshot of a municipal
    news site on localhost, crawl it, extract visits, import the subscribers of
    the config (or the bundled defaults), and deliver their digests to a local
    SMTP server. Each delivered email is also written to the output folder.

    \b
    Example:
        inspectwatch demo --out demo-out
    """
    try:
        from jobs.demo.pipeline import run_demo
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] != "aiosmtpd":
            raise
        raise UsageError(NO_SMTP_SERVER) from None
    try:
        summary = run_demo(app.config_dir, out_dir, progress=sys.stderr.isatty())
    except ConfigError as exc:
        raise UsageError("bad configuration:\n" + "\n".join(exc.problems)) from None
    _print_summary(summary)
    if summary.digests_sent == 0:
        raise WorkError("the demo delivered no digest: see the log above")
