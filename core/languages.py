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


def check_language(value: object) -> str:
    """``value`` when it is a registered language code; else ValueError naming the codes."""
    if isinstance(value, str) and value in EXTRACTION_PACKAGES:
        return value
    raise ValueError(f"expected one of {', '.join(EXTRACTION_PACKAGES)}; got {value!r}")
