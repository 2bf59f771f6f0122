"""Visit extraction: article text -> visit records.

Pure functions, no network: ``extract_visits(text, published=..., url=...)``
and ``extract_row(row)`` for one ../shared/eval/FORMAT.md input line.
Each language is a package (``en/``, ``zh/``) named in ``core.languages`` (``api.EXTRACTORS``);
the pieces both use (dates, officials, stops, detection, topics) sit here.
"""

from crawler.visits.api import EXTRACTORS, extract_row, extract_visits

__all__ = ["EXTRACTORS", "extract_row", "extract_visits"]
