"""Running a crawl: in a child process per call, because Twisted's reactor cannot restart.

:func:`crawl_sources` (for the CLI, the daemon, the demo) cuts the sources into
batches of ``crawl.max_parallel_sources``; per batch it opens a crawl run
(:mod:`core.crawl_runs`) per source, owned by that batch, starts a child that runs
:func:`crawler.child.run_in_process` (its log and progress come back here; each
source in it stops alone after ``crawl.crawl_timeout`` seconds), kills it when it
outlives that by ``download_timeout`` + 30 s (its runs are then recorded as
failed), judges each source's health, alerts the admin about newly broken
sources, and returns the figures read back from ``crawl_runs``. The child
never outlives this process (:mod:`core.lifeline`). By hand, for debugging a source with its log
on the terminal::

    python -m crawler.runner --config DIR [--db URL] [--source NAME] [--since DATE]
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import sys
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from core.config import Config, ConfigError, SourceConfig, load_config
from core.crawl_runs import FAILED, INTERRUPTED, SourceRunStats, fail_unfinished, read_runs, start_runs
from core.db.engine import Database
from core.lifeline import Lifeline
from core.owner import make_owner
from crawler.alerts import alert_broken
from crawler.child import child_main
from crawler.crawl_context import process_deadline, select_sources
from crawler.source_health import judge

logger = logging.getLogger(__name__)
Progress = Callable[[str, str, int], None]


def _relay(item: Any, on_progress: Progress | None) -> None:
    if isinstance(item, logging.LogRecord):
        logging.getLogger(item.name).handle(item)
    elif on_progress is not None:
        on_progress(*item)


def _wait(process: Any, events: Any, timeout: float, on_progress: Progress | None) -> str | None:
    """Wait for the child, relaying its log and progress; kill it at the deadline.

    Returns why the crawl failed, or None.
    """
    deadline = time.monotonic() + timeout
    while process.is_alive() and time.monotonic() < deadline:
        with contextlib.suppress(queue.Empty):
            _relay(events.get(timeout=0.05), on_progress)
    if process.is_alive():
        process.kill()
        process.join()
        return f"crawl timed out after {timeout:g}s; the crawl process was killed"
    process.join()
    if process.exitcode == 0:  # after a kill the queue may hold a torn message: drain only after a clean exit
        with contextlib.suppress(queue.Empty):  # a clean exit flushed everything into the pipe
            while True:
                _relay(events.get_nowait(), on_progress)
    return None if process.exitcode == 0 else f"crawl process exited with status {process.exitcode}"


# What the forkserver imports once, before it forks any crawl process; crawler.forkserver_start stays
# first and crawler.forkserver_exit last.
PRELOAD = ["crawler.forkserver_start", "crawler.preload", "crawler.forkserver_exit"]


def preload_extraction() -> None:
    """Have the forkserver load the visit extraction too, with its region tables built
    (:mod:`crawler.preload_extraction`), for a process that starts many crawl processes: the
    daemon, and a crawl of more than one batch. Call it before the first crawl: a crawl of one
    batch loads extraction only when an article needs it."""
    if "crawler.preload_extraction" not in PRELOAD:
        PRELOAD.insert(-1, "crawler.preload_extraction")


def _preload_for(config: Config, sources: int) -> None:
    """Preload the extraction when ``sources`` make more than one batch (crawl process)."""
    if sources > config.settings.crawl.max_parallel_sources:
        preload_extraction()


def _context() -> Any:
    """A forkserver (fast: it forks from a thread-free process that imported the crawl code and
    Scrapy's components once, see :mod:`crawler.preload`), else spawn.

    Both start a fresh interpreter with ``python -c``, which would put the working directory
    first on its ``sys.path``: a ``crawler/`` or ``core/`` lying there would be imported instead
    of the installed code. PYTHONSAFEPATH (Python 3.11+) keeps it off, in every child.
    """
    os.environ["PYTHONSAFEPATH"] = "1"
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def start_crawl_server(config: Config, sources: int = 1) -> None:
    """Start the crawl processes' forkserver now, when crawls run on this machine: it imports
    Scrapy and the crawl code (about a second of CPU) while this process goes on with its own work
    (another core takes it), and the crawl started next forks at once. Without this call the
    forkserver starts with the first crawl; nothing else changes. ``sources``: how many are to be
    crawled (more than one batch: the extraction is preloaded too)."""
    if config.settings.crawl.backend != "local":
        return
    _preload_for(config, sources)
    ctx = _context()
    if ctx.get_start_method() != "forkserver":
        return
    try:
        with main_module_hidden():
            multiprocessing.forkserver.ensure_running()
    except OSError as exc:  # only a head start: the crawl tries again and records why it cannot run
        logger.debug("the crawl forkserver did not start ahead of the crawl: %s", exc)


@contextmanager
def main_module_hidden() -> Iterator[None]:
    """While a crawl process starts, hide this process's main module from multiprocessing, which
    would otherwise run it again in the crawl process: for the console script that is the whole
    command line (and under ``python -m``, that module). The crawl process imports what it needs by
    name. (The forkserver's own "__main__" preload never takes effect on Python 3.11: it is handed
    no path.)"""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _spawn(config: Config, db_url: str, run_ids: dict[str, int], since: date | None,
           on_progress: Progress | None, overrides: dict[str, Any] | None, owner: str) -> str | None:
    ctx = _context()
    events = ctx.Queue()
    lifeline = Lifeline(ctx)  # the crawl process ends when this process does, however it ends
    level = logging.getLogger().getEffectiveLevel()
    process = ctx.Process(target=child_main, name="inspectwatch-crawl", args=(
        config, db_url, run_ids, since, events, on_progress is not None, overrides, level, owner,
        lifeline.child_end))
    try:
        with main_module_hidden():
            process.start()
        lifeline.started()
        return _wait(process, events, process_deadline(config), on_progress)
    except BaseException:
        if process.pid is not None:
            process.kill()
            process.join()
        raise
    finally:
        lifeline.close()
        events.close()
        events.cancel_join_thread()


def crawl_sources(config: Config, db: Database | str, *, sources: list[str] | None = None,
                  since: date | None = None, on_progress: Progress | None = None,
                  overrides: dict[str, Any] | None = None) -> list[SourceRunStats]:
    """One crawl pass over ``sources`` (default: every enabled source): a child process per batch of
    ``crawl.max_parallel_sources``, one batch after another; or, with ``crawl.backend = "scrapyd"``,
    a job per source on the Scrapyd nodes (:mod:`crawler.scrapyd_backend`).

    ``db`` is an open Database (a daemon keeps one: an engine per crawl would fill the ORM's
    per-dialect statement caches) or a URL, opened and closed here. ``on_progress`` receives
    each source's figures as they grow (``jobs.commands.crawl.live_display`` shows them). Raises
    ConfigError for an unknown source name.
    """
    chosen = select_sources(config, sources)
    if not chosen:
        raise ConfigError([f"{config.directory / 'sources.toml'}: no enabled sources to crawl"])
    if isinstance(db, str):
        opened = Database(db)
        try:
            return crawl_sources(config, opened, sources=sources, since=since, on_progress=on_progress,
                                 overrides=overrides)
        finally:
            opened.close()
    if config.settings.crawl.backend == "scrapyd":  # jobs on Scrapyd nodes, recorded the same way
        from crawler.scrapyd_backend import crawl_on_nodes

        return crawl_on_nodes(config, db, chosen, since=since)
    run_ids: dict[str, int] = {}
    size = config.settings.crawl.max_parallel_sources
    _preload_for(config, len(chosen))  # many crawl processes: each forks with extraction loaded
    for first in range(0, len(chosen), size):
        run_ids |= _crawl_batch(config, db, chosen[first:first + size], since, on_progress, overrides)
    for name, reason in judge(db, list(run_ids), config.settings.crawl.broken_after_runs):
        alert_broken(db, config.settings, name, reason)
    return read_runs(db, run_ids)


def _crawl_batch(config: Config, db: Database, batch: list[SourceConfig], since: date | None,
                 on_progress: Progress | None, overrides: dict[str, Any] | None) -> dict[str, int]:
    """One crawl process for ``batch``; its runs' ids. Runs it did not record are failed, or
    interrupted when this process is stopped (Ctrl-C, SIGTERM) while it runs."""
    owner = make_owner()  # this batch's: only its crawl process writes its runs
    run_ids = start_runs(db, batch, owner)
    try:
        message = _spawn(config, db.url, run_ids, since, on_progress, overrides, owner)
    except Exception as exc:
        fail_unfinished(db, run_ids, f"the crawl process could not run: {exc}")
        raise
    except BaseException:
        fail_unfinished(db, run_ids, "interrupted: this process was stopped during the crawl", INTERRUPTED)
        raise
    fail_unfinished(db, run_ids, message or "the crawl process ended without recording its figures", FAILED)
    return run_ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.runner", description="Run one crawl now.")
    parser.add_argument("--config", default="config")
    parser.add_argument("--db")
    parser.add_argument("--source", action="append")
    parser.add_argument("--since", type=date.fromisoformat)
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    config = load_config(args.config)
    db_url = args.db or config.settings.database
    for run in crawl_sources(config, db_url, sources=args.source, since=args.since):
        print(f"{run.source}: {run.status} pages={run.list_pages} new={run.articles_new} "
              f"updated={run.articles_updated} failures={run.parse_failures} errors={run.errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
