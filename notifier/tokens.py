"""Signed, purpose-bound tokens for the links the web pages answer: confirm, manage, feed.

A token is itsdangerous' URL-safe signature of ``[subscriber id, email]``,
salted with its purpose, so a token made for one purpose is refused for
another (and an unsubscribe token, signed as :mod:`notifier.unsubscribe`
does, is none of these). A confirm token is timed and expires after
:data:`CONFIRM_MAX_AGE`. Manage and feed tokens carry no time: they stand as
long as the subscriber's address does, like the unsubscribe link in the same
digest, and are the same in every digest (a feed reader keeps one URL; a
digest renders the same in a worker as in one process). The key is the
link-signing secret (``digest.secret_env``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from itsdangerous import BadData, URLSafeSerializer, URLSafeTimedSerializer

from core.config import DigestSettings
from notifier.unsubscribe import TokenSubject

Purpose = Literal["confirm", "manage", "feed"]
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGE: dict[str, timedelta | None] = {"confirm": CONFIRM_MAX_AGE, "manage": None, "feed": None}


def make_link_token(secret: str, purpose: Purpose, subscriber_id: int, email: str) -> str:
    salt = f"inspectwatch-{purpose}"
    if MAX_AGE[purpose] is None:
        return URLSafeSerializer(secret, salt=salt).dumps([subscriber_id, email])
    return URLSafeTimedSerializer(secret, salt=salt).dumps([subscriber_id, email])


def _load(secret: str, purpose: Purpose, token: str, limit: timedelta | None) -> object:
    salt = f"inspectwatch-{purpose}"
    if MAX_AGE[purpose] is None:
        return URLSafeSerializer(secret, salt=salt).loads(token)
    seconds = int((limit or MAX_AGE[purpose] or CONFIRM_MAX_AGE).total_seconds())
    return URLSafeTimedSerializer(secret, salt=salt).loads(token, max_age=seconds)


def read_link_token(secret: str, purpose: Purpose, token: str,
                    max_age: timedelta | None = None) -> TokenSubject | None:
    """Whom ``token`` was made for, or None when it is forged, for another purpose, or expired."""
    try:
        value = _load(secret, purpose, token, max_age)
    except BadData:
        return None
    match value:
        case [int(subscriber_id), str(email)] if email:
            return TokenSubject(subscriber_id, email)
    return None


def self_service_links(digest: DigestSettings, secret: str, subscriber_id: int, email: str) -> dict[str, str]:
    """The manage page and Atom feed links every digest carries (``manage_url``, ``feed_url``)."""
    base = digest.base_url.rstrip("/")
    return {"manage_url": f"{base}/manage/{make_link_token(secret, 'manage', subscriber_id, email)}",
            "feed_url": f"{base}/feed/{make_link_token(secret, 'feed', subscriber_id, email)}.atom"}
