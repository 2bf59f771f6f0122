"""``GET /feed/<token>.atom``: an Atom feed of the visits matching one subscriber's watches (feedgen).

The newest :data:`FEED_SIZE` matching visits, newest first. Entry ids are
``tag:`` URIs of the visit's id, which a re-crawl of the article keeps, so a
feed reader never shows a visit twice; the feed's id names the subscriber,
not the token (a new token for the same subscriber is the same feed). Each
entry links to its article and says who went where and which watch matched.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.db.models import SubscriberRow
from core.stored_visits import StoredVisit
from notifier import signups
from notifier.compose import DigestItem, visit_view
from notifier.context import VisitView
from notifier.matching import Match
from notifier.tokens import read_link_token
from notifier.web.browse import matching
from notifier.web.context import WebContext
from notifier.web.signup import message

FEED_SIZE = 50
TAG_YEAR = 2024


def _tag(host: str, what: str) -> str:
    return f"tag:{host},{TAG_YEAR}:{what}"


def _summary(view: VisitView) -> str:
    parts = []
    if view.officials:
        parts.append("Led by " + "; ".join(f"{p.name} ({p.title})" if p.title else p.name
                                           for p in view.officials))
    if view.regions:
        parts.append("Where: " + ", ".join(view.regions))
    if view.stops:
        parts.append("Stops: " + "; ".join(f"{s.name} ({s.kind})" for s in view.stops))
    parts.extend(view.emphasized)
    parts.append("Matched: " + "; ".join(hit.watch for hit in view.matches))
    return "\n".join(parts)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def build_feed(row: SubscriberRow, found: list[tuple[StoredVisit, list[Match]]], base_url: str,
               self_url: str) -> bytes:
    host = urlsplit(base_url).hostname or "localhost"
    feed = FeedGenerator()
    feed.id(_tag(host, f"subscriber/{row.id}/feed"))
    feed.title(f"inspectwatch: visits matching the watches of {row.email}")
    feed.author({"name": "inspectwatch"})
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.link(href=base_url, rel="alternate", type="text/html")
    feed.updated(max((_utc(v.created_at) for v, _ in found), default=_utc(row.updated_at)))
    for stored, matches in found:
        view = visit_view(DigestItem(stored, matches))
        entry = feed.add_entry(order="append")
        entry.id(_tag(host, f"visit/{stored.id}"))
        entry.title(view.title or "(untitled)")
        if view.url:
            entry.link(href=view.url, rel="alternate")
        entry.updated(_utc(stored.created_at))
        if stored.published:
            entry.published(datetime.fromisoformat(stored.published).replace(tzinfo=UTC))
        entry.summary(_summary(view))
    return bytes(feed.atom_str(pretty=True))


def _load(web: WebContext, token: str, self_url: str) -> bytes | None:
    subject = read_link_token(web.secret, "feed", token)
    row = None if subject is None else signups.find(web.db, subject.subscriber_id, subject.email)
    if row is None:
        return None
    found = matching(web.db, web.topics, list(row.watches), FEED_SIZE)
    return build_feed(row, found, web.settings.digest.base_url, self_url)


async def atom(request: Request) -> Response:
    web: WebContext = request.app.state.web
    body = await run_in_threadpool(_load, web, request.path_params["token"], str(request.url))
    if body is None:
        return message(request, 403, "bad_link", "bad_link_text")
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def routes() -> list[Route]:
    return [Route("/feed/{token}.atom", atom, methods=["GET"])]
