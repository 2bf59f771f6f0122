"""Signed, purpose-bound tokens for every link a subscriber gets: unsubscribe, confirm, manage, feed.

One scheme: a token is itsdangerous' URL-safe signature of ``[subscriber id, email]``,
salted with its purpose, so a token made for one purpose is refused for
another. A confirm token is timed and expires after :data:`CONFIRM_MAX_AGE`.
Unsubscribe, manage and feed tokens carry no time: they stand as long as the
subscriber's address does, and are the same in every digest (a feed reader
keeps one URL; an unsubscribe link must keep working). The key is the
link-signing secret (``digest.secret_env``).

Digests sent before this scheme carry unsubscribe links of an older, hand-made
format; :func:`read_legacy_unsubscribe` still reads them (no new one is made).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from itsdangerous import BadData, URLSafeSerializer, URLSafeTimedSerializer

from core.config import DigestSettings

Purpose = Literal["unsubscribe", "confirm", "manage", "feed"]
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGE: dict[str, timedelta | None] = {"unsubscribe": None, "confirm": CONFIRM_MAX_AGE, "manage": None,
                                        "feed": None}


@dataclass(frozen=True)
class TokenSubject:
    """Whom a token was made for."""

    subscriber_id: int
    email: str


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


def read_legacy_unsubscribe(secret: str, token: str) -> TokenSubject | None:
    """Whom an unsubscribe token of the older format was made for, or None when ``token`` is not
    one or is forged or tampered. That format: ``base64url("<id>:<email>")``, a dot, and
    ``base64url(HMAC-SHA256(secret, b"unsubscribe\\0" + payload))``, padding stripped."""
    try:
        payload_text, _, mac_text = token.partition(".")
        payload, mac = _unb64(payload_text), _unb64(mac_text)
        expected = hmac.new(secret.encode("utf-8"), b"unsubscribe\0" + payload, hashlib.sha256).digest()
        if not hmac.compare_digest(mac, expected):
            return None
        ident, _, email = payload.decode("utf-8").partition(":")
        return TokenSubject(int(ident), email) if email else None
    except (ValueError, UnicodeDecodeError):
        return None


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def self_service_links(digest: DigestSettings, secret: str, subscriber_id: int, email: str) -> dict[str, str]:
    """The manage page and Atom feed links every digest carries (``manage_url``, ``feed_url``)."""
    base = digest.base_url.rstrip("/")
    return {"manage_url": f"{base}/manage/{make_link_token(secret, 'manage', subscriber_id, email)}",
            "feed_url": f"{base}/feed/{make_link_token(secret, 'feed', subscriber_id, email)}.atom"}
