"""English articles (placeholder)."""

from __future__ import annotations

from core.records import Visit
from crawler.visits.dates import Reference


def extract_en(text: str, ref: Reference | None, title: str | None = None) -> list[Visit]:
    return []
