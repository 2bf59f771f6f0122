"""Signed unsubscribe tokens and the links that carry them.

A token is ``base64url("<id>:<email>") + "." + base64url(HMAC-SHA256)``,
keyed with the secret from the environment variable named by
``digest.secret_env``. It never expires (an unsubscribe link must keep
working), and a changed id, email or signature makes it invalid.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from urllib.parse import quote

from core.config import DigestSettings, SmtpSettings


class SecretMissing(RuntimeError):
    """The environment variable holding the link-signing secret is not set."""

    def __init__(self, variable: str) -> None:
        super().__init__(f"environment variable {variable} is not set; it holds the secret that signs "
                         f"unsubscribe links (set it to a long random string, e.g. `export {variable}="
                         f"$(python -c 'import secrets; print(secrets.token_urlsafe(32))')`)")
        self.variable = variable


def resolve_secret(settings: DigestSettings, explicit: str | None = None) -> str:
    """``explicit`` when given, else the value of ``settings.secret_env``; raise SecretMissing."""
    if explicit:
        return explicit
    value = os.environ.get(settings.secret_env, "")
    if not value:
        raise SecretMissing(settings.secret_env)
    return value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, payload: bytes) -> bytes:
    return hmac.new(secret.encode("utf-8"), b"unsubscribe\0" + payload, hashlib.sha256).digest()


def make_token(secret: str, subscriber_id: int, email: str) -> str:
    payload = f"{subscriber_id}:{email}".encode()
    return f"{_b64(payload)}.{_b64(_mac(secret, payload))}"


@dataclass(frozen=True)
class TokenSubject:
    subscriber_id: int
    email: str


def read_token(secret: str, token: str) -> TokenSubject | None:
    """The subscriber a token was made for, or None when it is forged, tampered or malformed."""
    try:
        payload_text, _, mac_text = token.partition(".")
        payload, mac = _unb64(payload_text), _unb64(mac_text)
        if not hmac.compare_digest(mac, _mac(secret, payload)):
            return None
        ident, _, email = payload.decode("utf-8").partition(":")
        return TokenSubject(int(ident), email) if email else None
    except (ValueError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class UnsubscribeLinks:
    https: str
    mailto: str

    @property
    def header(self) -> str:
        """The List-Unsubscribe header value."""
        return f"<{self.https}>, <{self.mailto}>"


def _sender_address(smtp: SmtpSettings) -> str:
    from email.utils import parseaddr

    return parseaddr(smtp.sender)[1] or "inspectwatch@localhost"


def unsubscribe_links(digest: DigestSettings, smtp: SmtpSettings, token: str,
                      language: str = "en") -> UnsubscribeLinks:
    """The web link (GET confirms, POST unsubscribes at once) and the mailto alternative; the web
    pages speak ``language`` (``lang=zh`` in the link; English needs none)."""
    base = digest.base_url.rstrip("/")
    mailbox = digest.unsubscribe_mailto or _sender_address(smtp)
    mailbox = mailbox.removeprefix("mailto:")
    lang = f"&lang={quote(language)}" if language != "en" else ""
    return UnsubscribeLinks(https=f"{base}/unsubscribe?token={quote(token)}{lang}",
                            mailto=f"mailto:{mailbox}?subject={quote('unsubscribe ' + token)}")
