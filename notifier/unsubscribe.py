"""Unsubscribe tokens, the links that carry them, and the secret that signs them.

A token is signed as every link token is (:mod:`notifier.tokens`, purpose
``unsubscribe``), keyed with the secret from the environment variable named
by ``digest.secret_env``. It never expires (an unsubscribe link must keep
working), and a changed id, email or signature makes it invalid. Links in
digests sent before that scheme carry the older format, which is still read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote

from core.config import DigestSettings, SmtpSettings
from notifier.tokens import TokenSubject, make_link_token, read_legacy_unsubscribe, read_link_token


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


def make_token(secret: str, subscriber_id: int, email: str) -> str:
    return make_link_token(secret, "unsubscribe", subscriber_id, email)


def read_token(secret: str, token: str) -> TokenSubject | None:
    """The subscriber a token was made for (in the current format, or the older one of digests
    already sent), or None when it is forged, tampered or malformed."""
    return read_link_token(secret, "unsubscribe", token) or read_legacy_unsubscribe(secret, token)


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
