"""The Scrapy project's settings module (``scrapy.cfg`` names it), for Scrapy's own commands.

``scrapy list``, ``scrapy crawl news -a source=NAME [-a since=YYYY-MM-DD]`` and
``scrapy shell URL``, run from the repository root (or by Scrapyd), get the
settings the ``inspectwatch`` CLI gives its crawl processes:
:func:`crawler.settings.build_settings` over the ``[crawl]`` section of the
config in ``$INSPECTWATCH_CONFIG`` (default ``./config``), with the database
from ``$INSPECTWATCH_DB`` (default the config's ``database``). A bad config
stops the command with the file and key, as the CLI does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.config import ConfigError, load_config
from crawler.settings import CONFIG_DIR, DB_URL, build_settings

_directory = Path(os.environ.get("INSPECTWATCH_CONFIG") or "config")
try:
    _config = load_config(_directory)
except ConfigError as _exc:
    sys.exit("Error: bad configuration:\n" + "\n".join(_exc.problems))

globals().update(build_settings(_config.settings.crawl, log_level="INFO", overrides={
    CONFIG_DIR: str(_directory.resolve()),
    DB_URL: os.environ.get("INSPECTWATCH_DB") or _config.settings.database,
}))
