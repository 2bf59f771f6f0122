"""Building the digest email: multipart/alternative, headers that cannot be injected.

Every header value goes through :func:`header_value` (control characters,
CR and LF removed; whitespace collapsed). The message uses the ``SMTP``
policy, so non-ASCII subjects are RFC 2047 encoded and long ones folded, and
both parts are UTF-8.

Speed (a digest run builds thousands of 50-100 KB messages): the parts are set
through :data:`TEXT_CONTENT`, the standard library's text handler with a
line-cached quoted-printable encoder, and :func:`message_bytes` flattens with
a generator that writes each body in one piece instead of line by line. Both
give exactly the bytes the standard library gives (tests/test_mail_delivery.py
checks it); a digest's lines repeat across subscribers, so most are encoded once.
"""

from __future__ import annotations

import binascii
import io
import re
from datetime import UTC, datetime
from email import charset as email_charset
from email import contentmanager, quoprimime
from email.generator import BytesGenerator
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from email.utils import format_datetime, make_msgid, parseaddr
from functools import lru_cache

from notifier.compose import clean_text
from notifier.render import RenderedDigest
from notifier.unsubscribe import UnsubscribeLinks

MAX_SUBJECT = 200
_VERBATIM = ("list-unsubscribe", "message-id")
_NEWLINE = re.compile(r"\r\n|\r|\n")  # email.generator.NLCRE


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


class _HeaderClasses(HeaderRegistry):
    """HeaderRegistry that makes each header class once (the standard one builds a new type per header)."""

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type[BaseHeader]] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


MAIL_POLICY = _MailPolicy(linesep="\r\n", header_factory=_HeaderClasses())


@lru_cache(maxsize=1 << 16)
def _qp_line(line: bytes, max_line_length: int) -> str:
    return quoprimime.body_encode(line.decode("latin-1"), max_line_length)


def _qp_body(lines: list[bytes], max_line_length: int) -> str:
    """``quoprimime.body_encode`` of the lines joined by LF: it encodes every line on its own."""
    return "\n".join([_qp_line(line, max_line_length) for line in lines]) + "\n"


def _encode_text(string: str, charset: str, policy: Policy) -> tuple[str, str]:
    """``email.contentmanager._encode_text`` for ``cte=None``: same choice, same bytes; QP cached per line."""
    lines = string.encode(charset).splitlines()
    max_len = policy.max_line_length or 78
    if max((len(x) for x in lines), default=0) <= max_len:
        try:
            return "7bit", (b"\n".join(lines) + b"\n").decode("ascii")
        except UnicodeDecodeError:
            pass
        if policy.cte_type == "8bit":
            return "8bit", (b"\n".join(lines) + b"\n").decode("ascii", "surrogateescape")
    sniff = policy.linesep.encode("ascii").join(lines[:10]) + policy.linesep.encode("ascii")
    if len(_qp_body(lines[:10], max_len)) > len(binascii.b2a_base64(sniff)):
        embedded = policy.linesep.encode("ascii").join(lines) + policy.linesep.encode("ascii")
        return "base64", contentmanager._encode_base64(embedded, max_len)  # type: ignore[attr-defined]
    return "quoted-printable", _qp_body(lines, max_len)


def _set_text(message: EmailMessage, string: str, subtype: str = "plain", charset: str = "utf-8") -> None:
    """``email.contentmanager.set_text_content`` for the arguments this module uses."""
    contentmanager._prepare_set(message, "text", subtype, None)  # type: ignore[attr-defined]
    cte, payload = _encode_text(string, charset, message.policy)
    message.set_payload(payload)
    message.set_param("charset", email_charset.ALIASES.get(charset, charset), replace=True)
    message["Content-Transfer-Encoding"] = cte
    contentmanager._finalize_set(message, None, None, None, None)  # type: ignore[attr-defined]


TEXT_CONTENT = contentmanager.ContentManager()
TEXT_CONTENT.add_set_handler(str, _set_text)


class _Generator(BytesGenerator):
    """BytesGenerator writing a body in one piece (the same bytes as its line-by-line loop)."""

    def _write_lines(self, lines: str) -> None:
        if lines:
            self.write(_NEWLINE.sub(self._NL, lines))  # type: ignore[attr-defined]


def message_bytes(message: EmailMessage) -> bytes:
    """``message.as_bytes()`` with CRLF line ends: what ``smtplib.send_message`` transmits."""
    with io.BytesIO() as buffer:
        _Generator(buffer, policy=message.policy).flatten(message, linesep="\r\n")
        return buffer.getvalue()


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
    message.set_content(rendered.text, charset="utf-8", content_manager=TEXT_CONTENT)
    message.add_alternative(rendered.html, subtype="html", charset="utf-8", content_manager=TEXT_CONTENT)
    return message
