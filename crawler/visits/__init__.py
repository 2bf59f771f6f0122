"""Visit extraction: article text -> visit records (English and Chinese).

Pure functions, no network: ``extract_visits(text, published=..., url=...)``
and ``extract_row(row)`` for one ../shared/eval/FORMAT.md input line.
"""

from crawler.visits.api import extract_row, extract_visits

__all__ = ["extract_row", "extract_visits"]
