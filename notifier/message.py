"""Building the digest email: multipart/alternative, headers that cannot be injected.

Every header value goes through :func:`header_value` (control characters,
CR and LF removed; whitespace collapsed). The message uses the ``SMTP``
policy, so non-ASCII subjects are RFC 2047 encoded and long ones folded, and
both parts are UTF-8.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from notifier.compose import clean_text
from notifier.render import RenderedDigest
from notifier.unsubscribe import UnsubscribeLinks

MAX_SUBJECT = 200


def header_value(value: str, limit: int | None = None) -> str:
    """``value`` made safe for a header: one line, no control characters, at most ``limit`` chars."""
    cleaned = clean_text(value)
    if limit and len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def sender_domain(sender: str) -> str:
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or "localhost"


def make_message_id(sender: str) -> str:
    return make_msgid("digest", domain=sender_domain(sender))


def _address(text: str) -> Address | str:
    name, address = parseaddr(header_value(text))
    if not address or "@" not in address:
        raise ValueError(f"expected an email address; got {text!r}")
    user, _, domain = address.rpartition("@")
    return Address(display_name=header_value(name), username=user, domain=domain)


def build_message(rendered: RenderedDigest, *, sender: str, to: str, links: UnsubscribeLinks,
                  now: datetime, message_id: str | None = None) -> EmailMessage:
    """A multipart/alternative message: text first, then the HTML the client prefers."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _address(sender)
    message["To"] = _address(to)
    message["Subject"] = header_value(rendered.subject, MAX_SUBJECT)
    moment = now if now.tzinfo else now.replace(tzinfo=UTC)
    message["Date"] = format_datetime(moment)
    message["Message-ID"] = header_value(message_id or make_message_id(sender))
    message["List-Unsubscribe"] = header_value(links.header)
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text, charset="utf-8")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return message
