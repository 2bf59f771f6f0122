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

import re
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


# The plain ASCII addresses nearly every subscriber has, in a form email-validator accepts
# unchanged but for the lowercased domain: a dot-atom local part of at most 64 characters, and
# letter-digit-hyphen labels of at most 63 (no "--", so no Punycode) under a letter-only top-level
# domain. Anything else, and the special-use domains email-validator refuses (kept equal to its list
# by tests/test_addresses.py), goes to email-validator itself, whose import compiles large Unicode
# expressions for some 20 ms: more than a whole `check-config` may spend on its own work.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN = re.compile(rf"(?=.{{1,64}}@)({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
_NAMED = re.compile(rf"({_ATOM}(?: {_ATOM})*) ?<([^<>]*)>")  # inspectwatch <alerts@example.org>
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")


def _plain(text: str, display_name: bool = False) -> Mailbox | None:
    """``text`` as a plain ASCII address (with a plain name if ``display_name``) that email-validator
    would take unchanged, or None."""
    name, named = "", _NAMED.fullmatch(text) if display_name else None
    if named is not None:
        name, text = named[1], named[2]
    found = _PLAIN.fullmatch(text)
    if found is None or len(text) > 254 or "--" in found[2]:
        return None
    domain = found[2].lower()
    if any(domain == special or domain.endswith("." + special) for special in _SPECIAL_USE):
        return None
    return Mailbox(name, found[1], domain)


@lru_cache(maxsize=1 << 14)  # a digest run checks each due subscriber's address once per run
def _validate(text: str, display_name: bool) -> Mailbox:
    plain = _plain(text, display_name)
    if plain is not None:
        return plain
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
