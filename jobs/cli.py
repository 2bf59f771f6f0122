"""The ``inspectwatch`` command line: global options, then one command per job.

    inspectwatch --config DIR --db URL COMMAND ...

Exit status: 0 done, 1 the work failed, 2 bad usage or bad config.
"""

from __future__ import annotations

import importlib
import logging
import traceback

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
    "jobs.commands.test_source:test_source",
)


VERBOSITY = [0]  # -v count, for main()'s last-resort handler


def brief(record: logging.LogRecord) -> bool:
    """Without -v: no Scrapy chatter (each failed source gets its own line from the command)
    and no tracebacks, only the first line of each message."""
    if record.name.startswith(("scrapy", "twisted")) and record.levelno < logging.CRITICAL:
        return False
    message = record.getMessage()
    if record.exc_info or "\n" in message:
        record.msg, record.args, record.exc_info, record.exc_text = message.splitlines()[0], None, None, None
    return True


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
    VERBOSITY[0] = verbose
    if not verbose:
        for handler in logging.getLogger().handlers:
            handler.addFilter(brief)
    app = App(config_dir, db_url)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    for spec in COMMANDS:
        module_name, _, attr = spec.partition(":")
        cli.add_command(getattr(importlib.import_module(module_name), attr))


_register()


def main() -> None:
    """The console script: a database error or any unexpected exception is one ``Error:`` line
    (exit 1); ``-v`` adds the full detail."""
    try:
        cli(prog_name="inspectwatch")
    except SQLAlchemyError as exc:
        message = str(exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc).splitlines()[0]
        _fail(f"database: {message}")
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, not a traceback
        _fail(f"{type(exc).__name__}: {(str(exc) or 'no message').splitlines()[0]}")


def _fail(message: str) -> None:
    if VERBOSITY[0]:
        traceback.print_exc()
    click.echo(f"Error: {message}" + ("" if VERBOSITY[0] else " (run with -v for the full detail)"), err=True)
    raise SystemExit(1) from None


if __name__ == "__main__":
    main()
