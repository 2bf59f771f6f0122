"""Signing up with double opt-in: ``/subscribe`` and ``/confirm/<token>``.

    GET  /subscribe          the form: email, watches, frequency, send time, weekday, time zone
    POST /subscribe          checks the form (problems shown inline, watches with their caret),
                             records a pending sign-up, mails a confirmation link
    GET  /confirm/<token>    a Confirm button (mail scanners that fetch links confirm nothing)
    POST /confirm/<token>    makes the subscriber active; tokens expire after 7 days

``POST /subscribe`` answers the same page whether the address is new, pending
or already subscribed (a known address gets its manage link by mail instead),
and sends its mail after the answer. Forms carry CSRF tokens (:mod:`.csrf`);
sign-ups are rate-limited per client and per address (:mod:`.ratelimit`).
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.config import SubscriberConfig
from notifier import signups
from notifier.subscribers import SubscriberError, make_entry
from notifier.tokens import make_link_token, read_link_token
from notifier.watches import WatchSyntaxError, parse_watch
from notifier.web import csrf
from notifier.web.context import WebContext
from notifier.web.mails import send_link_mail
from notifier.web.pages import STRINGS, language, render
from notifier.web.ratelimit import SignupLimits

log = logging.getLogger(__name__)
FORM_FIELDS = ("email", "watches", "frequency", "send_at", "weekday", "timezone", "language")
OPTIONS = ("frequency", "send_at", "weekday", "timezone", "language")
DEFAULTS = {"email": "", "watches": "", "frequency": "daily", "send_at": "08:00", "weekday": "mon",
            "timezone": "Asia/Shanghai", "language": ""}


def options_of(values: dict[str, str]) -> dict[str, str]:
    """The settings a form gave (an empty language: taken from the watches' script)."""
    return {name: values[name] for name in OPTIONS if values[name] or name != "language"}


def _web(request: Request) -> WebContext:
    web: WebContext = request.app.state.web
    return web


def message(request: Request, status: int, heading: str, text: str, **extra: Any) -> Response:
    t = STRINGS[language(request)]
    return render(request, "web_message.html.j2", status, heading=t[heading], text=t[text],
                  link=extra.get("link"), link_text=t[extra["link_text"]] if "link_text" in extra else "")


def with_form(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """``name`` rendered with a CSRF token for its form (and the cookie it is bound to, when new)."""
    token, fresh = csrf.form_token(request, _web(request).secret)
    return csrf.set_cookie(request, render(request, name, status, csrf=token, **context), fresh)


async def subscribe_form(request: Request) -> Response:
    return with_form(request, "web_subscribe.html.j2", form={**DEFAULTS, "language": language(request)},
                     problems=[])


def split_watches(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def watch_problems(watches: list[str]) -> list[str]:
    """Each watch that does not parse, with the caret under the fault (as make_entry words it)."""
    problems = []
    for watch in watches:
        try:
            parse_watch(watch)
        except WatchSyntaxError as exc:
            problems.append(f"watch {watch!r}: {exc}")
    return problems


def _record(web: WebContext, entry: SubscriberConfig) -> signups.Signup:
    signups.remove_stale(web.db)  # sign-ups never confirmed go after 7 days
    return signups.register(web.db, entry)


async def subscribe(request: Request) -> Response:
    web = _web(request)
    form = await request.form(max_files=0, max_fields=20)
    if not csrf.valid(request, form, web.secret):
        return message(request, 403, "form_expired", "form_expired_text")
    limits: SignupLimits = request.app.state.signup_limits
    if not limits.client_allowed(request.client.host if request.client else "?"):
        response = message(request, 429, "too_many", "too_many_text")
        response.headers["Retry-After"] = "3600"
        return response
    values = {name: str(form.get(name) or "").strip()[:4000] for name in FORM_FIELDS}
    watches = split_watches(values["watches"])
    try:
        entry = make_entry(values["email"], watches, web.topics, **options_of(values))
    except SubscriberError as exc:
        more = watch_problems(watches)
        problems = exc.problems + [p for p in more if p not in exc.problems]
        return with_form(request, "web_subscribe.html.j2", 400, form=values, problems=problems)
    signup = await run_in_threadpool(_record, web, entry)
    mail = None
    if limits.address_allowed(entry.email):
        mail = BackgroundTask(send_link_mail, web.settings, web.secret, signup)
    else:
        log.warning("sign-up mail to subscriber %d not sent: too many for this address", signup.subscriber_id)
    response = message(request, 200, "check_inbox", "check_inbox_text")
    response.background = mail
    return response


async def confirm_page(request: Request) -> Response:
    subject = read_link_token(_web(request).secret, "confirm", request.path_params["token"])
    if subject is None:
        return message(request, 403, "bad_link", "bad_link_text")
    return with_form(request, "web_confirm.html.j2", email=subject.email, action=request.url.path)


async def confirm(request: Request) -> Response:
    web = _web(request)
    form = await request.form(max_files=0, max_fields=5)
    subject = read_link_token(web.secret, "confirm", request.path_params["token"])
    if subject is None:
        return message(request, 403, "bad_link", "bad_link_text")
    if not csrf.valid(request, form, web.secret):
        return message(request, 403, "form_expired", "form_expired_text")
    if not await run_in_threadpool(signups.confirm, web.db, subject.subscriber_id, subject.email):
        return message(request, 403, "bad_link", "bad_link_text")
    log.info("subscriber %d confirmed", subject.subscriber_id)
    manage = "/manage/" + make_link_token(web.secret, "manage", subject.subscriber_id, subject.email)
    t = STRINGS[language(request)]
    return render(request, "web_message.html.j2", heading=t["confirmed"],
                  text=t["confirmed_text"].format(subject.email), link=manage, link_text=t["manage_link"])


def routes() -> list[Route]:
    return [Route("/subscribe", subscribe_form, methods=["GET"]),
            Route("/subscribe", subscribe, methods=["POST"]),
            Route("/confirm/{token}", confirm_page, methods=["GET"]),
            Route("/confirm/{token}", confirm, methods=["POST"])]
