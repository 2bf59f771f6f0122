"""The Starlette app behind ``inspectwatch serve`` and the daemon's listener.

Routes: the unsubscribe pages (:mod:`notifier.web.unsubscribe`) and
``GET /healthz``, which says only ``ok`` (200) or ``failing`` (503): the
daemon's detailed report lives on its own admin address (:mod:`jobs.http`).

Every response carries the security headers of :class:`SecurityHeaders`. A
database that stays locked past the web's short busy timeout is answered 503
with ``Retry-After``; any other failure is a plain 500 page. No client ever
sees a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from core.db.engine import Database
from notifier.render import render_page
from notifier.web.context import WebContext
from notifier.web.limits import WebLimits
from notifier.web.middleware import BodyLimit, SecurityHeaders

log = logging.getLogger(__name__)
HealthCheck = Callable[[], bool]


def database_answers(db: Database) -> HealthCheck:
    """A health check that is true while ``db`` answers a trivial query."""

    def check() -> bool:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True

    return check


def _healthz(check: HealthCheck) -> Callable[[Request], object]:
    async def healthz(_request: Request) -> Response:
        try:
            healthy = await run_in_threadpool(check)
        except Exception:  # a failing check is the answer, not an error
            log.warning("health check failed", exc_info=True)
            healthy = False
        return PlainTextResponse("ok\n" if healthy else "failing\n", 200 if healthy else 503)

    return healthz


def _busy(request: Request, exc: Exception) -> Response:
    limits: WebLimits = request.app.state.web.limits
    log.warning("database busy or unavailable for %s %s: %s", request.method, request.url.path,
                str(getattr(exc, "orig", exc))[:200])
    page = render_page("unavailable.html.j2")
    return HTMLResponse(page, 503, headers={"Retry-After": str(limits.retry_after)})


def _http_error(_request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        return HTMLResponse(render_page("unsubscribe_invalid.html.j2"), 404)
    return PlainTextResponse(f"{status} {exc.detail if isinstance(exc, HTTPException) else ''}\n", status)


def _server_error(_request: Request, _exc: Exception) -> Response:
    return PlainTextResponse("500 the server failed to answer; try again later\n", 500)


def create_app(web: WebContext, health: HealthCheck | None = None) -> Starlette:
    """The app; ``health`` decides ``/healthz`` (default: the database answers)."""
    from notifier.web import browse, feed, manage, signup, unsubscribe
    from notifier.web.housekeeping import lifespan
    from notifier.web.ratelimit import SignupLimits

    routes = [Route("/healthz", _healthz(health or database_answers(web.db)), methods=["GET"]),
              *browse.routes(), *signup.routes(), *manage.routes(),
              *feed.routes(), *unsubscribe.routes()]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(BodyLimit, max_body=web.limits.max_body)],
        exception_handlers={OperationalError: _busy, HTTPException: _http_error, Exception: _server_error},
        lifespan=lifespan,
    )
    app.state.web = web
    app.state.signup_limits = SignupLimits(web.limits.signup_per_client, web.limits.signup_per_address)
    return app
