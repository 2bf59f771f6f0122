"""Chinese-language visit extraction: ``extract`` is this language's entry point."""

from crawler.visits.zh.extract import extract_zh as extract

__all__ = ["extract"]
