"""Email addresses: the one rule every address meets, wherever it comes from.

A subscriber's address (``subscribers add``, ``subscribers import``,
subscribers.toml), the ``admin`` and ``smtp.sender`` of inspectwatch.toml, and
the recipient of every message at send time all pass :func:`check_address`
(the sender, which may carry a name, :func:`check_mailbox`). The syntax is
email-validator's, without DNS look-ups: one address, nothing before or after
it, no group syntax (``a:victim@example.com``), no list (``a,b@example.org``),
no quoting, no unsafe Unicode, and a domain that can receive mail from the
internet (not ``localhost`` or ``.local``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


class AddressError(ValueError):
    """Not one valid email address; the message says what was found and why."""

    def __init__(self, text: str, reason: str) -> None:
        self.text, self.reason = text, reason
        super().__init__(f"expected one email address such as ana@example.org; got {text!r} ({reason})")


@dataclass(frozen=True)
class Mailbox:
    """An address as validated: the optional display name, the local part and the domain."""

    name: str
    local_part: str
    domain: str

    @property
    def address(self) -> str:
        return f"{self.local_part}@{self.domain}"


@lru_cache(maxsize=1 << 14)  # a digest run checks each due subscriber's address once per run
def _validate(text: str, display_name: bool) -> Mailbox:
    from email_validator import EmailNotValidError, validate_email  # slow to import: when first needed

    try:
        found = validate_email(text, check_deliverability=False, allow_display_name=display_name)
    except EmailNotValidError as exc:
        raise AddressError(text, str(exc).rstrip(".")) from None
    return Mailbox(found.display_name or "", found.local_part, found.domain)


def check_mailbox(text: str) -> Mailbox:
    """``text`` as one address, optionally with a display name (``inspectwatch <alerts@example.org>``)."""
    return _validate(text.strip(), True)


def check_address(text: str) -> str:
    """``text`` as one plain address, trimmed and lowercased (how subscribers are stored)."""
    return _validate(text.strip(), False).address.lower()
