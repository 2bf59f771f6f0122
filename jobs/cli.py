"""The ``inspectwatch`` command line: global options, then one command per job.

    inspectwatch --config DIR --db URL COMMAND ...

Exit status: 0 done, 1 the work failed, 2 bad usage or bad config.
"""

from __future__ import annotations

import gc
import importlib
import os
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    import logging

# name -> (module:attribute, the line `inspectwatch --help` shows). Commands are imported only
# when run (or asked for their own help): `--help` and light commands skip Scrapy and the rest.
COMMANDS: dict[str, tuple[str, str]] = {
    "check-config": ("jobs.commands.check_config:check_config",
                     "Validate the config directory; name file, key and what was expected."),
    "crawl": ("jobs.commands.crawl:crawl", "Crawl the configured news sources once, now."),
    "demo": ("jobs.commands.demo:demo", "Run the whole pipeline offline, end to end."),
    "digest": ("jobs.commands.digest:digest", "Match new visits, then send the digests that are due."),
    "extract": ("jobs.commands.extract:extract", "Print the visit records of one article as JSON."),
    "records": ("jobs.commands.records:records", "Browse and export stored visit records."),
    "run": ("jobs.commands.run:run", "Run the scheduler (crawls and digests) until SIGTERM."),
    "serve": ("jobs.commands.serve:serve", "Serve the web pages and unsubscribe links."),
    "status": ("jobs.commands.status:status", "Show each source's health and runs, each digest's state."),
    "subscribers": ("jobs.commands.subscribers:subscribers", "Manage subscribers and their watches."),
    "test-source": ("jobs.commands.test_source:test_source", "Try one source and show what each step found."),
    "tick": ("jobs.commands.tick:tick", "Run every job that is due now and exit."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first used; its help lists them from COMMANDS."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, _, attr = COMMANDS[cmd_name][0].partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1] if name in COMMANDS else self.commands[name].get_short_help_str())
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


VERBOSITY = [0]  # -v count, for main()'s last-resort handler
CRITICAL = 50  # logging.CRITICAL, without importing logging before a command needs it

# Commands that read the config or the database, print and exit run with Python's cycle collector
# paused: importing SQLAlchemy, pydantic and rich makes a few hundred thousand long-lived objects
# that the collector would walk again and again (about a twelfth of the CPU of `records`), and
# the memory is left to the operating system moments later. Commands that keep running, crawl,
# render or send keep the collector.
QUICK = ("check-config", "records", "status", "subscribers")


def brief(record: logging.LogRecord) -> bool:
    """Without -v: no Scrapy chatter (each failed source gets its own line from the command)
    and no tracebacks, only the first line of each message."""
    if record.name.startswith(("scrapy", "twisted")) and record.levelno < CRITICAL:
        return False
    message = record.getMessage()
    if record.exc_info or "\n" in message:
        record.msg, record.args, record.exc_info, record.exc_text = message.splitlines()[0], None, None, None
    return True


@click.group(cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    VERBOSITY[0] = verbose
    quick = ctx.invoked_subcommand in QUICK
    if verbose or not quick:
        _log_to_stderr(verbose)
    if not quick:
        gc.enable()
    from core.cli_app import App

    app = App(config_dir, db_url)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _log_to_stderr(verbose: int) -> None:
    """Log lines with time and logger name; without -v only warnings, each cut by :func:`brief`.
    The QUICK commands skip this (and the logging import) unless -v is given: the few warnings
    they may meet reach stderr through logging's last-resort handler, message only."""
    import logging

    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not verbose:
        for handler in logging.getLogger().handlers:
            handler.addFilter(brief)


def main() -> None:
    """The console script: a database error or any unexpected exception is one ``Error:`` line
    (exit 1); ``-v`` adds the full detail."""
    gc.disable()  # until the command is known: back on unless it is QUICK
    # pydantic looks for plugins in every installed package's entry points the first time it
    # builds a model (some 9 ms); the config has no use for one. An operator may still set it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli(prog_name="inspectwatch")
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, not a traceback
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            message = str(exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc).splitlines()[0]
            _fail(f"database: {message}")
        _fail(f"{type(exc).__name__}: {(str(exc) or 'no message').splitlines()[0]}")
    finally:
        # The command is done (click closed its context: the database is disposed). Objects
        # frozen here are left to the operating system at exit instead of being walked by the
        # interpreter's last garbage collections, which cost about 0.2 s of CPU once SQLAlchemy,
        # pydantic and Scrapy's parent side are loaded. atexit handlers and stream flushes still run.
        gc.freeze()


def _fail(message: str) -> None:
    if VERBOSITY[0]:
        import traceback

        traceback.print_exc()
    click.echo(f"Error: {message}" + ("" if VERBOSITY[0] else " (run with -v for the full detail)"), err=True)
    raise SystemExit(1) from None


if __name__ == "__main__":
    main()
