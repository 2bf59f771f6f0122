"""Settings of a crawl job on a Scrapyd node, from the config files the deployed egg carries.

The egg's settings module (written by :mod:`crawler.egg`) calls :func:`node_settings`
with the scheduler's config files. They are written to a temporary folder (removed when
the job ends) and read with :func:`core.config.load_config`, so a node crawls with
exactly the scheduler's ``[crawl]`` settings and sources. The database comes from the
job's ``INSPECTWATCH_DB_URL`` setting (the scheduler passes it to ``schedule.json``),
else ``$INSPECTWATCH_DB``, else the config's ``crawl.scrapyd_database`` or ``database``.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from core.config import ConfigError, load_config
from crawler.settings import CONFIG_DIR, DB_URL, build_settings

logger = logging.getLogger(__name__)


def node_settings(files: dict[str, str], origin: str = "") -> dict[str, Any]:
    """Scrapy settings for a job on this node; exits with the config's problems if it is bad."""
    directory = Path(tempfile.mkdtemp(prefix="inspectwatch-config-"))
    atexit.register(shutil.rmtree, directory, True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    try:
        config = load_config(directory)
    except ConfigError as exc:
        sys.exit("Error: bad configuration in the deployed egg:\n" + "\n".join(exc.problems))
    crawl = config.settings.crawl
    database = os.environ.get("INSPECTWATCH_DB") or crawl.scrapyd_database or config.settings.database
    logger.debug("inspectwatch egg %s, config in %s", origin, directory)
    return build_settings(crawl, log_level="INFO", overrides={CONFIG_DIR: str(directory), DB_URL: database})
