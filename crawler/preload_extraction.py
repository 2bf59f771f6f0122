"""What the crawl processes' forkserver also loads before it forks, for the daemon and for a crawl
of more than one batch (:func:`crawler.runner.preload_extraction`): the visit extraction and the
region tables it reads. Each crawl process then starts with them ready instead of importing the
extraction (pypinyin's dictionaries, the rule tables) and building the tables itself, about a
second of CPU per crawl process.
"""

from __future__ import annotations

import crawler.visits
from core.gazetteer import gazetteer

__all__ = ["crawler"]

gazetteer()
