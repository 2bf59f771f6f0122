"""Who a process is, as written into the database: ``host:pid:token``.

The scheduler lock names its holder this way, a crawl run its owning
process and a deliveries row the process sending it. The token tells two
lives of one pid apart (a container's PID 1 restarted, say). On the same host
an owner whose process no longer exists is known to be gone, so what it held
can be taken over at once instead of after a timeout.
"""

from __future__ import annotations

import os
import socket
import uuid
from functools import cache

_OURS: set[str] = set()  # owners made by this process: a pid match with another token is a past life


def make_owner() -> str:
    """A fresh ``host:pid:token`` for this process."""
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    _OURS.add(owner)
    return owner


@cache
def _process_owner(pid: int) -> str:
    return make_owner()


def process_owner() -> str:
    """This process's owner, the same for every call in one process (a forked child gets its own)."""
    return _process_owner(os.getpid())


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_is_gone(owner: str) -> bool:
    """True when ``owner`` ran on this host and its process no longer exists (or is us, reborn)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():  # a container's PID 1 restarted, say: gone unless made by this process
        return owner not in _OURS
    return not _pid_alive(pid)
