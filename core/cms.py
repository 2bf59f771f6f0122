"""The CMS families a source can name (``cms`` in sources.toml), each with its site adapter.

This is the one registry of CMS families: config validation accepts exactly
these names (:class:`core.config.SourceConfig`), and the crawler builds a
source's adapter from the class named here (:func:`crawler.adapters.adapter_for`).
Adapters are named by import path, ``module:Class``, so that reading the config
never imports the crawler. Adding a family is one adapter class under
``crawler/adapters/`` and one entry here (see CONTRIBUTING.md).
"""

from __future__ import annotations

CMS_ADAPTERS: dict[str, str] = {
    "hanweb": "crawler.adapters.hanweb:HanwebAdapter",
    "trs": "crawler.adapters.trs:TrsAdapter",
    "wordpress": "crawler.adapters.wordpress:WordpressAdapter",
    "feed": "crawler.adapters.feed:FeedAdapter",
    "generic": "crawler.adapters.generic:GenericAdapter",
}

