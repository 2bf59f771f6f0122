"""``GET /``: the stored visits, newest first, a page at a time, filtered by a watch expression.

``?q=`` takes the watch language of :mod:`notifier.watches`; one that does
not parse is shown back with the caret under the fault, and no visits.
Matching runs over the newest :data:`SCAN_LIMIT` visits, read
:data:`SCAN_BATCH` at a time, until the page (and one more visit, to know
whether there is a next page) is filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.db.engine import Database
from core.db.models import ArticleRow, VisitRow
from core.stored_visits import StoredVisit, load_visits
from notifier.compose import DigestItem, visit_view
from notifier.context import VisitView
from notifier.matching import Match, WatchIndex
from notifier.watches import WatchSyntaxError, parse_watch
from notifier.web.context import WebContext
from notifier.web.pages import render

PAGE_SIZE = 20
SCAN_BATCH = 500
SCAN_LIMIT = 20_000
MAX_PAGE = 1000
MAX_QUERY = 500


@dataclass
class Browsed:
    visits: list[VisitView] = field(default_factory=list)
    has_next: bool = False


def newest_ids(db: Database, offset: int, limit: int) -> list[int]:
    """Visit ids, newest article first (undated articles last), from ``offset``."""
    query = (select(VisitRow.id).join(VisitRow.article)
             .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc(), VisitRow.seq)
             .offset(offset).limit(limit))
    with db.session() as session:
        return list(session.scalars(query))


def load_in_order(db: Database, ids: list[int]) -> list[StoredVisit]:
    found = {v.id: v for v in load_visits(db, ids=ids)} if ids else {}
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class _Search:
    id: int
    watches: list[str]


def recent(db: Database, page: int) -> Browsed:
    ids = newest_ids(db, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1)
    views = [visit_view(DigestItem(v, [])) for v in load_in_order(db, ids[:PAGE_SIZE])]
    return Browsed(views, len(ids) > PAGE_SIZE)


def matching(db: Database, topics: Mapping[str, Sequence[str]], watches: list[str],
             wanted: int) -> list[tuple[StoredVisit, list[Match]]]:
    """The newest ``wanted`` visits (at most) that match any of ``watches``, with the matches."""
    index = WatchIndex.build([_Search(0, watches)], topics)
    found: list[tuple[StoredVisit, list[Match]]] = []
    for offset in range(0, SCAN_LIMIT, SCAN_BATCH):
        ids = newest_ids(db, offset, SCAN_BATCH)
        for stored in load_in_order(db, ids):
            matches = index.match(stored)
            if matches:
                found.append((stored, matches))
        if len(found) >= wanted or len(ids) < SCAN_BATCH:
            break
    return found[:wanted]


def search(db: Database, topics: Mapping[str, Sequence[str]], query: str, page: int) -> Browsed:
    """The ``page``-th page of visits matching ``query`` (already parsed once)."""
    found = matching(db, topics, [query], page * PAGE_SIZE + 1)
    start = (page - 1) * PAGE_SIZE
    shown = found[start:start + PAGE_SIZE]
    return Browsed([visit_view(DigestItem(v, m)) for v, m in shown], len(found) > start + PAGE_SIZE)


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return min(max(int(raw), 1), MAX_PAGE) if raw.isdigit() else 1


async def index(request: Request) -> Response:
    web: WebContext = request.app.state.web
    query = request.query_params.get("q", "").strip()[:MAX_QUERY]
    page = _page_number(request)
    error = None
    browsed = Browsed()
    if query:
        try:
            parse_watch(query)
        except WatchSyntaxError as exc:
            error = str(exc)
    if error is None:
        browsed = await run_in_threadpool(
            lambda: search(web.db, web.topics, query, page) if query else recent(web.db, page))

    def page_url(number: int) -> str:
        params = {"q": query, "page": number, "lang": request.query_params.get("lang", "")}
        return "/?" + urlencode({k: v for k, v in params.items() if v})

    return render(request, "web_index.html.j2", 400 if error else 200, query=query, error=error,
                  visits=browsed.visits, has_next=browsed.has_next, page=page, page_url=page_url)


def routes() -> list[Route]:
    return [Route("/", index, methods=["GET"])]
