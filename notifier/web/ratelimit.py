"""How often one client, and one address, may use the sign-up form (the ``limits`` library).

Per client (its IP address, or the proxy's X-Forwarded-For from a trusted
proxy, as uvicorn sets it): beyond the limit the form answers 429. Per
address: beyond the limit no more mail goes to it, and the page says the
same as ever, so the form can neither mail-bomb an address nor tell whether
one is known. Counts are kept in memory, per process.
"""

from __future__ import annotations

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class SignupLimits:
    def __init__(self, per_client: str, per_address: str) -> None:
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.per_client, self.per_address = parse(per_client), parse(per_address)

    def client_allowed(self, client: str) -> bool:
        return bool(self.limiter.hit(self.per_client, "signup-client", client))

    def address_allowed(self, email: str) -> bool:
        return bool(self.limiter.hit(self.per_address, "signup-address", email.lower()))
