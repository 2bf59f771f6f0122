"""``/manage/<token>``: a subscriber edits their watches and schedule, with the link from any digest.

    GET  /manage/<token>   the settings form, with the feed and unsubscribe links
    POST /manage/<token>   saves them (CSRF-checked; problems shown inline, watches with their caret)

The token (purpose ``manage``) is the login: it names the subscriber by id
and address, and stops working if either changes. Saving never changes
whether the subscriber is subscribed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.db.models import SubscriberRow
from notifier import signups
from notifier.subscribers import SubscriberError, make_entry
from notifier.tokens import make_link_token, read_link_token
from notifier.unsubscribe import make_token
from notifier.web import csrf
from notifier.web.context import WebContext
from notifier.web.signup import FORM_FIELDS, message, options_of, split_watches, watch_problems, with_form


def _web(request: Request) -> WebContext:
    web: WebContext = request.app.state.web
    return web


def _subscriber(request: Request) -> SubscriberRow | None:
    web = _web(request)
    subject = read_link_token(web.secret, "manage", request.path_params["token"])
    return None if subject is None else signups.find(web.db, subject.subscriber_id, subject.email)


def _values(row: SubscriberRow) -> dict[str, str]:
    return {"email": row.email, "watches": "\n".join(row.watches), "frequency": row.frequency,
            "send_at": row.send_at, "weekday": row.weekday, "timezone": row.timezone,
            "language": row.language or ""}


def _page(request: Request, row: SubscriberRow, status: int = 200, **context: Any) -> Response:
    web = _web(request)
    feed = f"/feed/{make_link_token(web.secret, 'feed', row.id, row.email)}.atom"
    unsubscribe = f"/unsubscribe?token={quote(make_token(web.secret, row.id, row.email))}"
    context.setdefault("form", _values(row))
    context.setdefault("problems", [])
    context.setdefault("saved", False)
    return with_form(request, "web_manage.html.j2", status, email=row.email, subscribed=row.status,
                     action=request.url.path, feed=feed, unsubscribe=unsubscribe, **context)


async def manage_page(request: Request) -> Response:
    row = await run_in_threadpool(_subscriber, request)
    if row is None:
        return message(request, 403, "bad_link", "bad_link_text")
    return _page(request, row)


async def save(request: Request) -> Response:
    web = _web(request)
    form = await request.form(max_files=0, max_fields=20)
    row = await run_in_threadpool(_subscriber, request)
    if row is None:
        return message(request, 403, "bad_link", "bad_link_text")
    if not csrf.valid(request, form, web.secret):
        return message(request, 403, "form_expired", "form_expired_text")
    values = {name: str(form.get(name) or "").strip()[:4000] for name in FORM_FIELDS if name != "email"}
    values["email"] = row.email
    watches = split_watches(values["watches"])
    try:
        entry = make_entry(row.email, watches, web.topics, **options_of(values))
    except SubscriberError as exc:
        problems = exc.problems + [p for p in watch_problems(watches) if p not in exc.problems]
        return _page(request, row, 400, form=values, problems=problems)
    if not await run_in_threadpool(signups.update_settings, web.db, row.id, entry):
        return message(request, 403, "bad_link", "bad_link_text")
    return _page(request, row, form=values, saved=True)


def routes() -> list[Route]:
    return [Route("/manage/{token}", manage_page, methods=["GET"]),
            Route("/manage/{token}", save, methods=["POST"])]
