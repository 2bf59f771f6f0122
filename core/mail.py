"""Sending mail over SMTP: the one client for digests and for the admin's alerts.

A message goes out as a :class:`Wire`, its envelope and bytes exactly as
``smtplib.send_message`` would transmit them, flattened once by
:func:`message_bytes` (a generator that writes each body in one piece and
checks a new boundary against the text with a substring test; both give the
standard library's bytes, tests/test_mail_delivery.py checks it).

:class:`Mailer` keeps one connection (none, STARTTLS or implicit TLS; a login
with the password from ``smtp.password_env``) and sorts failures by what to do next:

* :class:`MailUnavailable`: the server cannot be reached or dropped us (refused,
  timeout, TLS or login failure). Retry later; stop this run.
* :class:`MessageDeferred`: the server answered 4xx. Retry later with backoff.
* :class:`RecipientRejected`: the server answered 5xx for the recipient (a bounce).
* :class:`MessageRejected`: the server answered 5xx to the message itself.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import smtplib
import ssl
from dataclasses import dataclass
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import getaddresses
from types import TracebackType

from core.config import SmtpSettings

_NEWLINE = re.compile(r"\r\n|\r|\n")  # email.generator.NLCRE


class _Generator(BytesGenerator):
    """BytesGenerator writing a body in one piece (the same bytes as its line-by-line loop)."""

    def _write_lines(self, lines: str) -> None:
        if not lines:
            return
        if "\r" in lines:
            self.write(_NEWLINE.sub(self._NL, lines))  # type: ignore[attr-defined]
        else:
            self.write(lines.replace("\n", self._NL))  # type: ignore[attr-defined]

    @classmethod
    def _make_boundary(cls, text: bytes | None = None) -> str:
        """The standard random boundary; its regex check of the whole text is run only when the
        boundary occurs in it at all (it never does, short of a collision)."""
        boundary = str(super()._make_boundary())  # type: ignore[misc]
        if text is None or ("--" + boundary).encode("ascii") not in text:
            return boundary
        return str(super()._make_boundary(text))  # type: ignore[misc]


def message_bytes(message: EmailMessage, *, utf8: bool = False) -> bytes:
    """``message.as_bytes()`` with CRLF line ends (UTF-8 headers with ``utf8``)."""
    policy = message.policy.clone(utf8=True) if utf8 else message.policy  # type: ignore[call-arg]
    with io.BytesIO() as buffer:
        _Generator(buffer, policy=policy).flatten(message, linesep="\r\n")
        return buffer.getvalue()


@dataclass(frozen=True)
class Wire:
    """A message as SMTP carries it: envelope, bytes, and whether it needs SMTPUTF8."""

    sender: str
    recipients: tuple[str, ...]
    data: bytes
    message_id: str
    international: bool = False


_NOT_PLAIN = ("Sender", "Cc", "Bcc", "Resent-Date", "Resent-Bcc")


def to_wire(message: EmailMessage) -> Wire:
    """What ``smtplib.send_message`` would transmit for ``message`` (which has From and To, and none
    of Sender, Cc, Bcc and Resent- headers): envelope from those headers, the flattened bytes, with
    UTF-8 headers when an address is not ASCII."""
    if any(name in message for name in _NOT_PLAIN) or "From" not in message or "To" not in message:
        raise ValueError("to_wire: expected a message with From and To and no Sender, Cc, Bcc or Resent-")
    sender = getaddresses([str(message["From"])])[0][1]
    recipients = tuple(address for _name, address in getaddresses([str(message["To"])]))
    international = not "".join([sender, *recipients]).isascii()
    return Wire(sender, recipients, message_bytes(message, utf8=international), str(message["Message-ID"]),
                international)


class MailError(Exception):
    """Base of delivery failures."""


class MailUnavailable(MailError):
    pass


class MessageDeferred(MailError):
    pass


class RecipientRejected(MailError):
    pass


class MessageRejected(MailError):
    pass


class MailConfigError(MailUnavailable):
    """SMTP settings that cannot work (no host, missing password variable, a login without TLS):
    like an unreachable server, nothing can be sent until they change."""


def smtp_password(settings: SmtpSettings) -> str | None:
    """The password from ``smtp.password_env``; MailConfigError when a username needs one and it is unset."""
    if not settings.username:
        return None
    variable = settings.password_env
    value = os.environ.get(variable) if variable else None
    if not value:
        named = f"environment variable {variable} is not set" if variable else "smtp.password_env is not set"
        raise MailConfigError(f"smtp.username is {settings.username!r} but {named}; it must hold the "
                              "SMTP password")
    return value


def _code_error(code: int, text: str, *, recipient: bool) -> MailError:
    if 400 <= code < 500:
        return MessageDeferred(f"{code} {text}")
    if recipient:
        return RecipientRejected(f"{code} {text}")
    return MessageRejected(f"{code} {text}")


def _reply(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


class Mailer:
    """Sends messages over one SMTP connection, opened on first use and reopened after a drop."""

    def __init__(self, settings: SmtpSettings, password: str | None = None) -> None:
        if not settings.host:
            raise MailConfigError("smtp.host is not set in inspectwatch.toml; it is needed to send mail")
        plaintext = settings.plaintext_login_problem()
        if plaintext:  # the config refuses these settings too; settings built in code meet this check
            raise MailConfigError(f"smtp.security in inspectwatch.toml: {plaintext}")
        self.settings = settings
        self.password = password if password is not None else smtp_password(settings)
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        assert s.host is not None
        context = ssl.create_default_context()
        try:
            if s.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            smtp.ehlo_or_helo_if_needed()
            if s.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.username:
                smtp.login(s.username, self.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise MailUnavailable(f"cannot connect to SMTP server {s.host}:{s.port}: {exc}") from exc
        return smtp

    def send(self, wire: Wire) -> None:
        """Send one message; return only when the server accepted it for every recipient.

        ``wire`` (:func:`notifier.message.to_wire`) holds what ``send_message`` would transmit.
        """
        if self._smtp is None:
            self._smtp = self._connect()
        options: tuple[str, ...] = ()
        try:
            if wire.international:
                self._smtp.ehlo_or_helo_if_needed()
                if not self._smtp.has_extn("smtputf8"):
                    raise MessageRejected("a non-ASCII address needs SMTPUTF8; the server does not offer it")
                options = ("SMTPUTF8", "BODY=8BITMIME")
            refused = self._smtp.sendmail(wire.sender, list(wire.recipients), wire.data, options)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise _code_error(code, _reply(text), recipient=True) from exc
        except smtplib.SMTPSenderRefused as exc:
            raise _code_error(exc.smtp_code, _reply(exc.smtp_error), recipient=False) from exc
        except smtplib.SMTPResponseException as exc:
            raise _code_error(exc.smtp_code, _reply(exc.smtp_error), recipient=False) from exc
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            raise MailUnavailable(f"SMTP connection lost: {exc or type(exc).__name__}") from exc
        if refused:
            code, text = next(iter(refused.values()))
            raise _code_error(code, _reply(text), recipient=True)

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def close(self) -> None:
        if self._smtp is None:
            return
        with contextlib.suppress(smtplib.SMTPException, OSError):
            self._smtp.quit()
        self._drop()
