"""Building the digest email: multipart/alternative, headers that cannot be injected.

Every header value goes through :func:`header_value` (control characters,
CR and LF removed; whitespace collapsed). The message uses the ``SMTP``
policy, so non-ASCII subjects are RFC 2047 encoded and long ones folded, and
both parts are UTF-8.

Speed (a digest run builds thousands of 50-100 KB messages): the parts are set
through :data:`TEXT_CONTENT`, the standard library's text handler with the C
quoted-printable encoder (``binascii.b2a_qp``, cached per line: a digest's
lines repeat across subscribers); it may break a long line at another place
than the pure-Python encoder, and decodes to the same text
(tests/test_mail_delivery.py checks it). Headers whose values repeat are
parsed and folded once. :mod:`core.mail` flattens and sends the message.
"""

from __future__ import annotations

import binascii
from datetime import UTC, datetime
from email import charset as email_charset
from email import contentmanager, quoprimime
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from email.utils import format_datetime, make_msgid, parseaddr
from functools import lru_cache
from typing import Any

from core.addresses import check_address
from notifier.compose import clean_text
from notifier.render import RenderedDigest
from notifier.unsubscribe import UnsubscribeLinks

MAX_SUBJECT = 200
_VERBATIM = ("list-unsubscribe", "message-id")
_QP_LINE = 76  # binascii.b2a_qp's lines (RFC 2045's limit); the policy allows 78


_SHARED = frozenset(["from", "date", "list-unsubscribe-post", "auto-submitted", "mime-version",
                     "content-type", "content-transfer-encoding"])  # values that repeat across messages
_PARSED: dict[tuple[str, str], tuple[str, Any]] = {}
_FOLDED: dict[tuple[str, str], bytes] = {}
_CACHE_LIMIT = 4096


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


class _MailPolicy(EmailPolicy):
    """The SMTP policy, except that URL-bearing headers are folded only between their <...> items.

    The standard folder would turn a long List-Unsubscribe into RFC 2047 encoded words, which mail
    clients do not decode there; a URL line may be longer than 78 characters (the hard limit is 998).
    Headers in :data:`_SHARED` are parsed and folded once per distinct value (header objects are
    immutable; the same text folds the same way).
    """

    def _verbatim(self, name: str, value: str) -> str:
        return f"{name}: " + str(value).replace(", <", "," + self.linesep + " <") + self.linesep

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        if not isinstance(value, str) or hasattr(value, "name") or name.lower() not in _SHARED:
            return super().header_store_parse(name, value)
        found = _PARSED.get((name, value))
        return found or _remember(_PARSED, (name, value), super().header_store_parse(name, value))

    def fold(self, name: str, value: str) -> str:
        if name.lower() in _VERBATIM:
            return self._verbatim(name, value)
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        key = name.lower()
        if key in _VERBATIM:
            return self._verbatim(name, value).encode("ascii", "replace")
        if key not in _SHARED:
            return super().fold_binary(name, value)
        found = _FOLDED.get((name, str(value)))
        return found or _remember(_FOLDED, (name, str(value)), super().fold_binary(name, value))


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
    if max_line_length < _QP_LINE:
        return _qp_sniff(line, max_line_length)
    return binascii.b2a_qp(line, istext=True).decode("ascii")


@lru_cache(maxsize=1 << 12)
def _qp_sniff(line: bytes, max_line_length: int) -> str:
    """A line as the standard library's encoder writes it: the choice of encoding is made on these."""
    return quoprimime.body_encode(line.decode("latin-1"), max_line_length)


def _qp_body(lines: list[bytes], max_line_length: int) -> str:
    """Quoted-printable for the lines joined by LF (each line is encoded on its own, as
    ``quoprimime.body_encode`` does)."""
    return "\n".join([_qp_line(line, max_line_length) for line in lines]) + "\n"


def _encode_text(string: str, charset: str, policy: Policy) -> tuple[str, str]:
    """``email.contentmanager._encode_text`` for ``cte=None``: the same choice of encoding; QP in C."""
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
    if sum(len(_qp_sniff(line, max_len)) + 1 for line in lines[:10]) > len(binascii.b2a_base64(sniff)):
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


def _recipient(text: str) -> Address:
    """The one address a digest goes to, by the rule of :mod:`core.addresses` (AddressError if not)."""
    user, _, domain = check_address(text).rpartition("@")
    return Address(username=user, domain=domain)


def build_message(rendered: RenderedDigest, *, sender: str, to: str, links: UnsubscribeLinks,
                  now: datetime, message_id: str | None = None) -> EmailMessage:
    """A multipart/alternative message: text first, then the HTML the client prefers."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = _address(sender)
    message["To"] = _recipient(to)
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
