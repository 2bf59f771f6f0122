"""What one client may cost the web endpoint: time, connections, body size, database waits.

The defaults are for a public address behind a reverse proxy. Tests pass
smaller ones to see each limit act without waiting long.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WebLimits:
    keep_alive: float = 5.0
    """An idle kept-alive connection is closed after this many seconds."""
    request_timeout: float = 10.0
    """A request (head and body) must arrive in full within this many seconds of the connection
    opening or of the previous response, else the connection is closed (slow senders)."""
    max_connections: int = 200
    """Connections (or requests in progress) beyond this get 503 (uvicorn's ``limit_concurrency``)."""
    max_header_bytes: int = 16 * 1024
    """A request head larger than this is refused (h11's ``max_incomplete_event_size``)."""
    max_body: int = 64 * 1024
    """A request body larger than this gets 413."""
    db_busy_ms: int = 2000
    """How long a request waits for a locked database before it is answered 503."""
    retry_after: int = 10
    """The ``Retry-After`` seconds sent with a 503."""
    shutdown_grace: float = 5.0
    """On shutdown, how long requests in progress may take to finish."""
    signup_per_client: str = "10/hour"
    """Sign-ups one client may submit (beyond: 429), in the ``limits`` library's notation."""
    signup_per_address: str = "3/day"
    """Mails the sign-up form may send one address (beyond: the page is the same, no mail goes)."""
