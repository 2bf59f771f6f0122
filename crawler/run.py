"""Run one crawl in this process: ``python -m crawler.run --config DIR [--db URL] [--source NAME]``.

The CLI and the daemon go through :func:`crawler.runner.crawl_sources`, which
spawns a fresh process per crawl; this entry point is for debugging a source
by hand with Scrapy's log on the terminal.
"""

from __future__ import annotations

import argparse
import logging
from datetime import date

from core.config import load_config
from crawler.runner import crawl_sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__)
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
