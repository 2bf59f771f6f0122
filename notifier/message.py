"""Building the digest email: multipart/alternative, headers that cannot be injected.

Every header value goes through :func:`header_value` (control characters,
CR and LF removed; whitespace collapsed). The message uses the ``SMTP``
policy, so non-ASCII subjects are RFC 2047 encoded and long ones folded, and
both parts are UTF-8.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, make_msgid, parseaddr

from notifier.compose import clean_text
from notifier.render import RenderedDigest
from notifier.unsubscribe import UnsubscribeLinks

MAX_SUBJECT = 200
_VERBATIM = ("list-unsubscribe", "message-id")


class _MailPolicy(EmailPolicy):
    """The SMTP policy, except that URL-bearing headers are folded only between their <...> items.

    The standard folder would turn a long List-Unsubscribe into RFC 2047 encoded words, which mail
    clients do not decode there; a URL line may be longer than 78 characters (the hard limit is 998).
    """

    def _verbatim(self, name: str, value: str) -> str:
        return f"{name}: " + str(value).replace(", <", "," + self.linesep + " <") + self.linesep

    def fold(self, name: str, value: str) -> str:
        if name.lower() in _VERBATIM:
            return self._verbatim(name, value)
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() in _VERBATIM:
            return self._verbatim(name, value).encode("ascii", "replace")
        return super().fold_binary(name, value)


MAIL_POLICY = _MailPolicy(linesep="\r\n")


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
    message = EmailMessage(policy=MAIL_POLICY)
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
