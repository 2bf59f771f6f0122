"""Helpers for crawl tests: configs pointing at fixture sites, fast settings, stored rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.config import Config, CrawlSettings, Selectors, Settings, SmtpSettings, SourceConfig
from core.db.engine import Database
from core.db.models import ArticleRow, Source

# Loopback needs no politeness delay; retries back off for 0.1 s instead of 1 s.
FAST: dict[str, Any] = {"AUTOTHROTTLE_START_DELAY": 0.0, "INSPECTWATCH_RETRY_BACKOFF": 0.1}


def source(name: str, cms: str, url: str, language: str = "zh",
           selectors: Selectors | None = None) -> SourceConfig:
    return SourceConfig.model_validate({"name": name, "cms": cms, "start_urls": [url], "language": language,
                                        "selectors": selectors})


def config(directory: Path, sources: list[SourceConfig], *, admin: str | None = None,
           smtp: SmtpSettings | None = None, **crawl: Any) -> Config:
    crawl.setdefault("allow_private_networks", True)
    settings = Settings(admin=admin, smtp=smtp or SmtpSettings(), crawl=CrawlSettings(**crawl))
    return Config(directory, settings, sources, {}, [])


def articles(db_url: str, source: str | None = None) -> list[ArticleRow]:
    db = Database(db_url, apply_migrations=False)
    try:
        query = select(ArticleRow).join(Source, ArticleRow.source_id == Source.id).order_by(ArticleRow.url)
        if source is not None:
            query = query.where(Source.name == source)
        with db.session() as session:
            return list(session.scalars(query))
    finally:
        db.close()


def article_count(db_url: str) -> tuple[int, int]:
    """(rows, distinct urls) in the articles table."""
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            return (session.scalar(select(func.count(ArticleRow.id))) or 0,
                    session.scalar(select(func.count(func.distinct(ArticleRow.url)))) or 0)
    finally:
        db.close()
