"""Storing and reading articles and their visits.

An article is keyed by its canonical URL: storing it again updates the row
and its visits in place (visit ids stay stable, so the deliveries ledger
still points at them), never duplicates them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.db.engine import Database, utcnow
from core.db.models import ArticleRow, OfficialRow, Source, StopRow, VisitRow
from core.records import Article, Official, Stop, Visit
from core.urls import canonical_url

SaveOutcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class StoredVisit:
    """A visit as read back from the store, with its article's identity."""

    id: int
    visit: Visit
    url: str
    title: str
    published: str | None
    source: str
    language: str
    created_at: datetime

    def to_dict(self) -> dict[str, object]:
        """FORMAT.md's visit fields plus the article's url, title, published, source."""
        data: dict[str, object] = {"id": self.id, **self.visit.to_dict()}
        data.update(url=self.url, title=self.title, published=self.published, source=self.source)
        return data


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def content_hash(article: Article) -> str:
    payload = json.dumps([article.title, article.published, article.text,
                          [v.to_dict() for v in article.visits]], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def ensure_source(session: Session, name: str, cms: str = "generic", language: str = "zh") -> Source:
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, cms=cms, language=language)
        session.add(source)
        session.flush()
    return source


def _fill_visit(row: VisitRow, visit: Visit) -> None:
    row.date = _parse_date(visit.date)
    row.end_date = _parse_date(visit.end_date)
    row.regions = list(visit.regions)
    row.topics = list(visit.topics)
    row.emphasized = list(visit.emphasized)
    people = [("lead", o) for o in visit.officials] + [("accompanying", o) for o in visit.accompanying]
    row.officials = [OfficialRow(seq=i, role=role, name=o.name, title=o.title)
                     for i, (role, o) in enumerate(people)]
    row.stops = [StopRow(seq=i, name=s.name, kind=s.kind, region=s.region)
                 for i, s in enumerate(visit.stops)]


def _sync_visits(row: ArticleRow, visits: list[Visit]) -> None:
    now = utcnow()
    existing = {v.seq: v for v in row.visits}
    for seq, visit in enumerate(visits):
        visit_row = existing.pop(seq, None)
        if visit_row is None:
            visit_row = VisitRow(seq=seq, created_at=now)
            row.visits.append(visit_row)
        _fill_visit(visit_row, visit)
    for stale in existing.values():
        row.visits.remove(stale)


def save_article(db: Database, article: Article, *, cms: str = "generic") -> SaveOutcome:
    """Insert or update one article and its visits, in one transaction."""
    url = canonical_url(article.url)
    digest = content_hash(article)
    with db.session() as session, session.begin():
        row = session.scalar(select(ArticleRow).where(ArticleRow.url == url)
                             .options(selectinload(ArticleRow.visits)))
        if row is not None and row.content_hash == digest:
            return "unchanged"
        outcome: SaveOutcome = "new" if row is None else "updated"
        source = ensure_source(session, article.source, cms, article.language) if article.source else None
        if row is None:
            row = ArticleRow(url=url)
            session.add(row)
        row.source = source or row.source
        row.language, row.title, row.body = article.language, article.title, article.text
        row.published, row.content_hash, row.fetched_at = _parse_date(article.published), digest, utcnow()
        _sync_visits(row, article.visits)
        return outcome


def known_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """The canonical forms of ``urls`` that are already stored."""
    wanted = {canonical_url(u) for u in urls}
    found: set[str] = set()
    chunk = list(wanted)
    with db.session() as session:
        for start in range(0, len(chunk), 500):
            part = chunk[start:start + 500]
            found.update(session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_(part))))
    return found


def _to_visit(row: VisitRow) -> Visit:
    leads = [Official(o.name, o.title) for o in row.officials if o.role == "lead"]
    others = [Official(o.name, o.title) for o in row.officials if o.role != "lead"]
    return Visit(date=_iso(row.date), end_date=_iso(row.end_date), officials=leads, accompanying=others,
                 regions=list(row.regions), stops=[Stop(s.name, s.kind, s.region) for s in row.stops],
                 topics=list(row.topics), emphasized=list(row.emphasized))


def _stored(row: VisitRow) -> StoredVisit:
    article = row.article
    return StoredVisit(id=row.id, visit=_to_visit(row), url=article.url, title=article.title,
                       published=_iso(article.published),
                       source=article.source.name if article.source else "",
                       language=article.language, created_at=row.created_at)


def load_visits(db: Database, *, since: date | None = None, ids: Iterable[int] | None = None,
                created_after: datetime | None = None) -> list[StoredVisit]:
    """Stored visits, newest article first; filtered by article date, ids or creation time."""
    query = (select(VisitRow).join(VisitRow.article)
             .options(selectinload(VisitRow.officials), selectinload(VisitRow.stops),
                      selectinload(VisitRow.article).selectinload(ArticleRow.source))
             .order_by(ArticleRow.published.desc(), ArticleRow.id.desc(), VisitRow.seq))
    if since is not None:
        query = query.where((ArticleRow.published >= since) | (VisitRow.date >= since))
    if ids is not None:
        query = query.where(VisitRow.id.in_(list(ids)))
    if created_after is not None:
        query = query.where(VisitRow.created_at > created_after)
    with db.session() as session:
        return [_stored(row) for row in session.scalars(query)]
