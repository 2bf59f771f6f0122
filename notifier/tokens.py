"""Signed, purpose-bound tokens for the links the web pages answer: confirm, manage, feed.

A token is itsdangerous' URL-safe timed signature of ``[subscriber id, email]``,
salted with its purpose, so a token made for one purpose is refused for
another (and an unsubscribe token, signed as :mod:`notifier.unsubscribe`
does, is none of these). A confirm token expires after :data:`CONFIRM_MAX_AGE`;
manage and feed tokens stand as long as the subscriber's address does,
like the unsubscribe link in the same digest. The key is the link-signing
secret (``digest.secret_env``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from itsdangerous import BadData, URLSafeTimedSerializer

from notifier.unsubscribe import TokenSubject

Purpose = Literal["confirm", "manage", "feed"]
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGE: dict[str, timedelta | None] = {"confirm": CONFIRM_MAX_AGE, "manage": None, "feed": None}


def _serializer(secret: str, purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=f"inspectwatch-{purpose}")


def make_link_token(secret: str, purpose: Purpose, subscriber_id: int, email: str) -> str:
    return _serializer(secret, purpose).dumps([subscriber_id, email])


def read_link_token(secret: str, purpose: Purpose, token: str,
                    max_age: timedelta | None = None) -> TokenSubject | None:
    """Whom ``token`` was made for, or None when it is forged, for another purpose, or expired."""
    limit = max_age if max_age is not None else MAX_AGE[purpose]
    try:
        value = _serializer(secret, purpose).loads(
            token, max_age=int(limit.total_seconds()) if limit is not None else None)
    except BadData:
        return None
    match value:
        case [int(subscriber_id), str(email)] if email:
            return TokenSubject(subscriber_id, email)
    return None
