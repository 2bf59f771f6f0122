"""CSRF protection of the forms: a double-submit cookie, its value signed into each form.

The first page with a form sets a random ``iw_csrf`` cookie (HttpOnly,
SameSite=Strict); the form carries an HMAC of it under the link-signing
secret. A POST is accepted only when the cookie came back and the form's
value matches it: another site can neither read the cookie nor make the
browser send it along.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

COOKIE = "iw_csrf"
FIELD = "csrf"


def _sign(secret: str, value: str) -> str:
    return hmac.new(secret.encode(), b"csrf\0" + value.encode(), hashlib.sha256).hexdigest()


def form_token(request: Request, secret: str) -> tuple[str, str | None]:
    """(the value for the form's hidden field, a new cookie value to set or None)."""
    cookie = request.cookies.get(COOKIE, "")
    fresh = None
    if len(cookie) < 32:
        cookie = fresh = secrets.token_urlsafe(32)
    return _sign(secret, cookie), fresh


def set_cookie(request: Request, response: Response, fresh: str | None) -> Response:
    if fresh is not None:
        response.set_cookie(COOKIE, fresh, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")
    return response


def valid(request: Request, form: FormData, secret: str) -> bool:
    cookie = request.cookies.get(COOKIE, "")
    sent = form.get(FIELD)
    return len(cookie) >= 32 and isinstance(sent, str) and hmac.compare_digest(sent, _sign(secret, cookie))
