"""A loopback SMTP server for the demo and the tests: aiosmtpd on 127.0.0.1.

:func:`local_smtp` starts it on a free port and yields ``(port, handler)``; the
:class:`RecordingHandler` keeps every accepted message and can be told to refuse
recipients (5xx) or defer messages (4xx). aiosmtpd comes with the ``demo`` and
``test`` extras (``pip install 'inspectwatch[demo]'``); the rest of inspectwatch
does not need it.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class EphemeralController(Controller):
    """aiosmtpd's Controller, but port 0 picks a free port (read it from ``.port`` after start)."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        super()._trigger_server()


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class RecordingHandler:
    """Accepts and keeps messages; ``refuse`` maps recipients to a 5xx reply, ``defer`` answers DATA."""

    messages: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)
    defer: str | None = None
    keep: bool = True
    count: int = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.defer:
            return self.defer
        self.count += 1
        if self.keep:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@contextmanager
def local_smtp(handler: RecordingHandler | None = None, port: int = 0, *,
               smtputf8: bool = False) -> Iterator[tuple[int, RecordingHandler]]:
    """An aiosmtpd server on 127.0.0.1 for the duration of the block (offering SMTPUTF8 if asked)."""
    handler = handler or RecordingHandler()
    controller = EphemeralController(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=smtputf8)
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()
