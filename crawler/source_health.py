"""Source health: the figures each crawl run records, and the verdict "broken".

Every component counts through :func:`count` into Scrapy's stats under
``inspectwatch/<source>/<field>``; at the end of a crawl the figures are
written to ``crawl_runs`` (:mod:`core.crawl_runs`). A run is ``failed`` (:func:`outcome`) when the crawl
ended early, when no start URL could be fetched, or when the list pages gave
no article links. A source is broken when it used to yield article
links and the last ``broken_after_runs`` runs found none (runs answered by
304 are skipped: they say nothing either way), or when more than half of a
run's article pages failed to parse: "broken: did the page layout change?".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from core.crawl_runs import FAILED, FIELDS, OK, RUNNING, SourceRunStats, finished_runs
from core.db.engine import Database, utcnow
from core.db.models import CrawlRun, Source

PROGRESS_FIELDS = {"list_pages", "articles_new", "articles_updated", "parse_failures", "errors"}
BROKEN = "broken: did the page layout change?"
NO_LINKS = ("the list page gave no article links: did the page layout change, "
            "or do the selectors match nothing?")


def stat_key(source: str, field: str) -> str:
    return f"inspectwatch/{source}/{field}"


def count(crawler: Any, source: str | None, field: str, n: int = 1) -> None:
    """Add ``n`` to a source's figure (and tell the progress display, if any)."""
    if not source or crawler is None or crawler.stats is None:
        return
    crawler.stats.inc_value(stat_key(source, field), n)
    progress = getattr(getattr(getattr(crawler, "spider", None), "context", None), "progress", None)
    if progress is not None and field in PROGRESS_FIELDS:
        progress.put((source, field, n))


def figures(stats: dict[str, Any], source: str) -> dict[str, int]:
    return {f: int(stats.get(stat_key(source, f), 0)) for f in FIELDS}


def outcome(values: dict[str, int], close_reason: str, list_error: str | None) -> tuple[str, str | None]:
    """A run's status and message from its figures, Scrapy's close reason and its first list-page error."""
    if close_reason != "finished":
        return FAILED, f"crawl ended early: {close_reason}"
    if not values["list_pages"] and not values["not_modified"]:
        return FAILED, list_error or "no start URL could be fetched"
    if values["list_pages"] and not values["list_items"]:
        return FAILED, list_error or NO_LINKS
    return OK, None


def _empty(run: CrawlRun) -> bool:
    return not run.list_items


def _failing(run: CrawlRun) -> bool:
    attempted = run.articles_new + run.articles_updated + run.parse_failures
    return run.parse_failures > 0 and run.parse_failures * 2 > attempted


def verdict(runs: list[CrawlRun], after: int) -> str | None:
    """Why a source is broken, from its finished runs (newest first), or None.

    Runs answered by 304 carry no news either way and are skipped.
    """
    informative = [r for r in runs if not r.not_modified]
    if not informative:
        return None
    if _failing(informative[0]):
        return f"{BROKEN} {informative[0].parse_failures} article pages failed to parse in the last run"
    recent, earlier = informative[:after], informative[after:]
    if len(recent) == after and all(_empty(r) for r in recent) and any(r.list_items for r in earlier):
        return f"{BROKEN} no article links found in the last {after} runs"
    return None


def judge(db: Database, names: list[str], after: int) -> list[tuple[str, str]]:
    """Update each source's broken flag; return (source, reason) pairs that still need an alert."""
    unalerted: list[tuple[str, str]] = []
    with db.session() as session, session.begin():
        for source in session.scalars(select(Source).where(Source.name.in_(names))):
            reason = verdict(finished_runs(session, source), after)
            if reason is None:
                source.broken_reason = source.broken_since = source.alerted_at = None
                continue
            if source.broken_reason is None:
                source.broken_since = utcnow()
            source.broken_reason = reason
            if source.alerted_at is None:
                unalerted.append((source.name, reason))
    return unalerted


def mark_alerted(db: Database, name: str) -> None:
    with db.session() as session, session.begin():
        source = session.scalar(select(Source).where(Source.name == name))
        if source is not None:
            source.alerted_at = utcnow()


def health_label(source: Source, runs: list[SourceRunStats], ever_ok: bool) -> str:
    """One word or phrase for a source's health: never succeeded, broken, failing or healthy."""
    finished = [r for r in runs if r.status != RUNNING]
    if finished and not ever_ok:
        return "never succeeded"
    if source.broken_reason:
        return source.broken_reason
    if finished and finished[0].status != OK:
        return "failing: the last run failed"
    return "healthy" if finished else "not crawled yet"
