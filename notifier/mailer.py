"""SMTP delivery: one connection reused for many messages, failures sorted by what to do next.

* :class:`MailUnavailable`: the server cannot be reached or dropped us (refused,
  timeout, TLS or login failure). Retry later; stop this run.
* :class:`MessageDeferred`: the server answered 4xx. Retry later with backoff.
* :class:`RecipientRejected`: the server answered 5xx for the recipient (a bounce).
* :class:`MessageRejected`: the server answered 5xx to the message itself.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import getaddresses
from types import TracebackType

from core.config import SmtpSettings
from notifier.message import message_bytes


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


class MailConfigError(MailError):
    """SMTP settings that cannot work (no host, missing password variable)."""


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


_NOT_PLAIN = ("Sender", "Cc", "Bcc", "Resent-Date", "Resent-Bcc")


def _plain_envelope(message: EmailMessage) -> tuple[str, list[str]] | None:
    """(sender, recipients) as ``send_message`` finds them, or None when it would do more than that."""
    if any(name in message for name in _NOT_PLAIN) or "From" not in message or "To" not in message:
        return None
    sender = getaddresses([str(message["From"])])[0][1]
    recipients = [address for _name, address in getaddresses([str(message["To"])])]
    if not "".join([sender, *recipients]).isascii():
        return None  # SMTPUTF8: send_message negotiates it
    return sender, recipients


class Mailer:
    """Sends messages over one SMTP connection, opened on first use and reopened after a drop."""

    def __init__(self, settings: SmtpSettings, password: str | None = None) -> None:
        if not settings.host:
            raise MailConfigError("smtp.host is not set in inspectwatch.toml; it is needed to send mail")
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

    def send(self, message: EmailMessage, data: bytes | None = None) -> None:
        """Send one message; return only when the server accepted it for every recipient.

        ``data`` is ``message_bytes(message)`` when the caller has it already. A plain message (From
        and To, ASCII addresses, no Sender, Cc, Bcc or Resent- headers) goes out with ``sendmail``
        and those bytes, which is what ``send_message`` would transmit, without flattening the
        message a second time; any other message goes through ``send_message``.
        """
        if self._smtp is None:
            self._smtp = self._connect()
        envelope = _plain_envelope(message)
        try:
            if envelope is None:
                refused = self._smtp.send_message(message)
            else:
                refused = self._smtp.sendmail(envelope[0], envelope[1],
                                              message_bytes(message) if data is None else data)
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
