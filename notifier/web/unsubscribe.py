"""The unsubscribe pages, as RFC 8058 wants them.

    GET  /unsubscribe?token=T   a confirmation page with a button (mail scanners
                                that prefetch links change nothing)
    POST /unsubscribe?token=T   unsubscribes at once: the one-click POST (body
                                ``List-Unsubscribe=One-Click``) or the button

A forged or tampered token gets 403 and changes nothing; repeating a POST is harmless.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from notifier.labels import Labels, labels_for
from notifier.render import render_page
from notifier.subscribers import unsubscribe_id
from notifier.unsubscribe import read_token
from notifier.web.context import WebContext

log = logging.getLogger(__name__)


def _web(request: Request) -> WebContext:
    web: WebContext = request.app.state.web
    return web


def _labels(request: Request) -> Labels:
    """The digest's language, carried by its link (``lang=zh``); English otherwise."""
    return labels_for(request.query_params.get("lang"))


def _invalid(labels: Labels, status: int = 403) -> Response:
    return HTMLResponse(render_page("unsubscribe_invalid.html.j2", labels=labels), status)


def confirm_page(request: Request) -> Response:
    subject = read_token(_web(request).secret, request.query_params.get("token", ""))
    if subject is None:
        return _invalid(_labels(request))
    action = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return HTMLResponse(render_page("unsubscribe_confirm.html.j2", email=subject.email, action=action,
                                    labels=_labels(request)))


def _unsubscribe(web: WebContext, token: str, client: str, labels: Labels) -> Response:
    subject = read_token(web.secret, token)
    if subject is None or not unsubscribe_id(web.db, subject.subscriber_id, subject.email):
        log.warning("unsubscribe refused: bad or unknown token from %s", client)
        return _invalid(labels)
    log.info("unsubscribed %s", subject.email)
    return HTMLResponse(render_page("unsubscribe_done.html.j2", email=subject.email, labels=labels))


async def unsubscribe(request: Request) -> Response:
    await request.body()  # the one-click body says nothing the token does not; read it to keep the connection
    client = request.client.host if request.client else "?"
    return await run_in_threadpool(_unsubscribe, _web(request), request.query_params.get("token", ""), client,
                                   _labels(request))


def routes() -> list[Route]:
    return [Route("/unsubscribe", confirm_page, methods=["GET"]),
            Route("/unsubscribe", unsubscribe, methods=["POST"])]
