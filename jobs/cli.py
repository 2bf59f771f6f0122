"""The ``inspectwatch`` command line: global options, then one command per job.

    inspectwatch --config DIR --db URL COMMAND ...

Exit status: 0 done, 1 the work failed, 2 bad usage or bad config.
"""

from __future__ import annotations

import importlib
import logging

import click
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from core.app import App

COMMANDS = (
    "jobs.commands.check_config:check_config",
    "jobs.commands.extract:extract",
    "jobs.commands.records:records",
    "jobs.commands.demo:demo",
    "jobs.commands.subscribers:subscribers",
    "jobs.commands.digest:digest",
    "jobs.commands.serve:serve",
    "jobs.commands.run:run",
    "jobs.commands.tick:tick",
    "jobs.commands.crawl:crawl",
    "jobs.commands.status:status",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_dir", metavar="DIR", envvar="INSPECTWATCH_CONFIG",
              help="Config directory (default ./config, or $INSPECTWATCH_CONFIG).")
@click.option("--db", "db_url", metavar="URL", envvar="INSPECTWATCH_DB",
              help="Database URL (default: `database` of the config, or $INSPECTWATCH_DB).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="inspectwatch")
@click.pass_context
def cli(ctx: click.Context, config_dir: str | None, db_url: str | None, verbose: int) -> None:
    """Watch municipal news portals for officials' inspection visits and email
    each subscriber the visits that match their watches.

    \b
    Example:
        inspectwatch --config ./config crawl --source jinan-en
    """
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = App(config_dir, db_url)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    for spec in COMMANDS:
        module_name, _, attr = spec.partition(":")
        cli.add_command(getattr(importlib.import_module(module_name), attr))


_register()


def main() -> None:
    try:
        cli(prog_name="inspectwatch")
    except SQLAlchemyError as exc:
        message = str(exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc).splitlines()[0]
        click.echo(f"Error: database: {message}", err=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
