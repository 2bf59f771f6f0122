"""The languages articles are read in (``language`` of a source), each with its extraction package.

This is the one registry of article languages: config validation accepts exactly
these codes (:class:`core.config.SourceConfig`), and visit extraction calls the
``extract`` of the package named here (:data:`crawler.visits.api.EXTRACTORS`).
Packages are named by import path, so that reading the config never imports the
extractors. Adding a language is one package under ``crawler/visits/`` and one
entry here (see CONTRIBUTING.md).
"""

from __future__ import annotations

EXTRACTION_PACKAGES: dict[str, str] = {
    "en": "crawler.visits.en",
    "zh": "crawler.visits.zh",
}

