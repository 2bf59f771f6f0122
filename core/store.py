"""Storing articles and their visits (reading them back: :mod:`core.stored_visits`).

An article is keyed by its canonical URL: storing it again updates the row
and its visits in place (visit ids stay stable, so the deliveries ledger
still points at them), never duplicates them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, CursorResult, bindparam, delete, insert, select, update

from core.db import tables
from core.db.engine import Database, utcnow
from core.records import Article, Official, Stop, Visit
from core.stored_visits import iso_date
from core.urls import canonical_url
from core.visit_events import person_key, same_event

if TYPE_CHECKING:  # reading needs no ORM (inspectwatch records); ensure_source's callers have it loaded
    from sqlalchemy.orm import Session

    from core.db.models import Source

SaveOutcome = Literal["new", "updated", "unchanged"]


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
    from core.db.models import Source

    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, cms=cms, language=language)
        session.add(source)
        session.flush()
    return source


_ARTICLES, _VISITS, _OFFICIALS, _STOPS = tables.articles, tables.visits, tables.officials, tables.stops
_SOURCES = tables.sources
# Built once: executed with parameter dicts, their compiled forms are cached by the engine.
_FIND_ARTICLE = select(_ARTICLES.c.id, _ARTICLES.c.content_hash).where(_ARTICLES.c.url == bindparam("u"))
_UPDATE_ARTICLE = update(_ARTICLES).where(_ARTICLES.c.id == bindparam("pk"))
_FIND_SOURCE = select(_SOURCES.c.id).where(_SOURCES.c.name == bindparam("n"))
_ARTICLE_VISITS = select(_VISITS.c.seq, _VISITS.c.id).where(_VISITS.c.article_id == bindparam("a"))
_UPDATE_VISIT = update(_VISITS).where(_VISITS.c.id == bindparam("pk"))
_DELETE_VISITS = delete(_VISITS).where(_VISITS.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_ARTICLE, _INSERT_VISIT, _INSERT_SOURCE = insert(_ARTICLES), insert(_VISITS), insert(_SOURCES)
_INSERT_OFFICIALS, _INSERT_STOPS = insert(_OFFICIALS), insert(_STOPS)
_DELETE_CHILDREN = [delete(t).where(t.c.visit_id.in_(bindparam("ids", expanding=True)))
                    for t in (_OFFICIALS, _STOPS)]


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _source_id(conn: Connection, name: str, cms: str, language: str) -> int:
    found = conn.execute(_FIND_SOURCE, {"n": name}).scalar()
    if found is None:
        found = _new_id(conn.execute(_INSERT_SOURCE, {"name": name, "cms": cms, "language": language}))
    return int(found)


def _visit_values(visit: Visit) -> dict[str, object]:
    return {"date": _parse_date(visit.date), "end_date": _parse_date(visit.end_date),
            "regions": list(visit.regions), "topics": list(visit.topics),
            "emphasized": list(visit.emphasized)}


def _children(visit_id: int, visit: Visit, officials: list[dict[str, object]],
              stops: list[dict[str, object]]) -> None:
    people = [("lead", o) for o in visit.officials] + [("accompanying", o) for o in visit.accompanying]
    officials.extend({"visit_id": visit_id, "seq": i, "role": role, "name": o.name, "title": o.title}
                     for i, (role, o) in enumerate(people))
    stops.extend({"visit_id": visit_id, "seq": i, "name": s.name, "kind": s.kind, "region": s.region}
                 for i, s in enumerate(visit.stops))


def _sync_visits(conn: Connection, article_id: int, visits: list[Visit], *, new: bool) -> None:
    """Visit ``seq`` keeps its row (and id); its officials and stops are rewritten; extra rows go."""
    now = utcnow()
    existing: dict[int, int] = {} if new else {
        seq: vid for seq, vid in conn.execute(_ARTICLE_VISITS, {"a": article_id})}
    officials: list[dict[str, object]] = []
    stops: list[dict[str, object]] = []
    rewritten: list[int] = []
    for seq, visit in enumerate(visits):
        values = _visit_values(visit)
        visit_id = existing.pop(seq, None)
        if visit_id is None:
            visit_id = _new_id(conn.execute(_INSERT_VISIT, {"article_id": article_id, "seq": seq,
                                                            "created_at": now, **values}))
        else:
            conn.execute(_UPDATE_VISIT, {"pk": visit_id, **values})
            rewritten.append(visit_id)
        _children(visit_id, visit, officials, stops)
    stale = list(existing.values())
    if rewritten or stale:
        for statement in _DELETE_CHILDREN:
            conn.execute(statement, {"ids": rewritten + stale})
    if stale:
        conn.execute(_DELETE_VISITS, {"ids": stale})
    if officials:
        conn.execute(_INSERT_OFFICIALS, officials)
    if stops:
        conn.execute(_INSERT_STOPS, stops)


_EVENT_FIELDS = (_VISITS.c.id, _VISITS.c.article_id, _VISITS.c.date, _VISITS.c.regions, _VISITS.c.event_id)
# Other articles' visits on a day, with their first leading official (seq 0: leads come first).
_SAME_DAY = (select(*_EVENT_FIELDS, _OFFICIALS.c.name)
             .join(_OFFICIALS, (_OFFICIALS.c.visit_id == _VISITS.c.id) & (_OFFICIALS.c.seq == 0)
                   & (_OFFICIALS.c.role == "lead"))
             .where(_VISITS.c.date == bindparam("d"))
             .where(_VISITS.c.article_id != bindparam("a")).order_by(_VISITS.c.id))
_LEADS = (select(_OFFICIALS.c.visit_id, _OFFICIALS.c.name)
          .where(_OFFICIALS.c.visit_id.in_(bindparam("ids", expanding=True)), _OFFICIALS.c.role == "lead")
          .order_by(_OFFICIALS.c.visit_id, _OFFICIALS.c.seq.desc()))
_VISIT_STOPS = (select(_STOPS.c.visit_id, _STOPS.c.name, _STOPS.c.region)
                .where(_STOPS.c.visit_id.in_(bindparam("ids", expanding=True))))
_ARTICLE_EVENTS = select(_VISITS.c.id, _VISITS.c.seq, _VISITS.c.date, _VISITS.c.event_id).where(
    _VISITS.c.article_id == bindparam("a"))
_SET_EVENT = update(_VISITS).where(_VISITS.c.id == bindparam("pk")).values(event_id=bindparam("e"))


def _event_visits(conn: Connection, rows: Sequence[Any]) -> dict[int, Visit]:
    """What :func:`core.visit_events.same_event` reads of each visit row: date, lead, regions, stops."""
    ids = [r.id for r in rows]
    leads = {vid: name for vid, name in conn.execute(_LEADS, {"ids": ids})}  # the first lead wins
    stops: dict[int, list[Stop]] = {}
    for vid, name, region in conn.execute(_VISIT_STOPS, {"ids": ids}):
        stops.setdefault(vid, []).append(Stop(name, region=region))
    return {r.id: Visit(date=iso_date(r.date), officials=[Official(leads[r.id])] if r.id in leads else [],
                        regions=list(r.regions or []), stops=stops.get(r.id, [])) for r in rows}


def _link_events(conn: Connection, article_id: int, visits: list[Visit]) -> None:
    """Point each dated visit of the article at the first visit of its event in other articles."""
    for row in conn.execute(_ARTICLE_EVENTS, {"a": article_id}).all():
        visit = visits[row.seq]
        keys = person_key(visit.officials[0].name) if visit.officials and row.date else frozenset()
        others = conn.execute(_SAME_DAY, {"d": row.date, "a": article_id}).all() if keys else []
        others = [o for o in others if keys & person_key(o.name)]  # led by the same official
        found = _event_visits(conn, others) if others else {}
        root = next((o.event_id or o.id for o in others if same_event(visit, found[o.id])), None)
        root = root if root is not None and root != row.id else None
        if root != row.event_id:
            conn.execute(_SET_EVENT, {"pk": row.id, "e": root})


def _save(conn: Connection, article: Article, cms: str) -> SaveOutcome:
    url = canonical_url(article.url)
    digest = content_hash(article)
    row = conn.execute(_FIND_ARTICLE, {"u": url}).first()
    if row is not None and row.content_hash == digest:
        return "unchanged"
    values: dict[str, object] = {
        "language": article.language, "title": article.title, "body": article.text,
        "published": _parse_date(article.published), "content_hash": digest, "fetched_at": utcnow()}
    if article.source:
        values["source_id"] = _source_id(conn, article.source, cms, article.language)
    if row is None:
        article_id = _new_id(conn.execute(_INSERT_ARTICLE, {"url": url, **values}))
    else:
        article_id = row.id
        conn.execute(_UPDATE_ARTICLE, {"pk": article_id, **values})
    _sync_visits(conn, article_id, article.visits, new=row is None)
    _link_events(conn, article_id, article.visits)
    return "new" if row is None else "updated"


def save_article(db: Database, article: Article, *, cms: str = "generic") -> SaveOutcome:
    """Insert or update one article and its visits, in one transaction."""
    return save_articles(db, [(article, cms)])[0]


def save_articles(db: Database, articles: Sequence[tuple[Article, str]]) -> list[SaveOutcome]:
    """Insert or update several (article, cms) pairs in one transaction: all are stored, or none."""
    with db.engine.begin() as conn:
        return [_save(conn, article, cms) for article, cms in articles]


def known_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """The canonical forms of ``urls`` that are already stored."""
    wanted = {canonical_url(u) for u in urls}
    found: set[str] = set()
    chunk = list(wanted)
    with db.engine.connect() as conn:
        for start in range(0, len(chunk), 500):
            part = chunk[start:start + 500]
            found.update(conn.scalars(select(_ARTICLES.c.url).where(_ARTICLES.c.url.in_(part))))
    return found
