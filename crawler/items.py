"""What the news spider hands to the item pipeline (and the pipeline to the crawl's worker)."""

from __future__ import annotations

from dataclasses import dataclass

from core.records import Article


@dataclass
class ArticleItem:
    """What the spider hands to the pipeline."""

    article: Article
    cms: str
