"""English-language visit extraction: ``extract`` is this language's entry point."""

from crawler.visits.en.extract import extract_en as extract

__all__ = ["extract"]
