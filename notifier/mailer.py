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
from types import TracebackType

from core.config import SmtpSettings
from notifier.message import Wire


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
