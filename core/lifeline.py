"""Tying a child process's life to its parent's, so that no worker outlives a killed parent.

Two mechanisms, used together by the crawl processes and the digest workers:

- :func:`die_with_parent`: on Linux, ``prctl(PR_SET_PDEATHSIG)`` asks the kernel to
  kill this process when the process (strictly, the thread) that forked it exits.
  A child of multiprocessing's forkserver is forked by the forkserver, not by the
  program that asked for it, so for those the death signal follows the forkserver.
- :class:`Lifeline`: a parent-alive pipe. The parent keeps the write end and never
  writes; the child watches the read end on a thread and kills itself when it
  reads end-of-file, which happens when every copy of the write end is closed,
  at the latest when the parent dies. It works on any POSIX system and through
  a forkserver, which only relays the read end.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection, wait
from typing import Any

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent_pid: int | None = None, signum: int = signal.SIGKILL) -> bool:
    """Have the kernel send ``signum`` to this process when its parent exits (Linux only).

    When ``parent_pid`` is given and the parent is no longer that process (it died before the
    call, and this process was re-parented), exit at once. Returns whether the signal is set.
    """
    armed = False
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
        if not armed:
            log.warning("prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)
    return armed


def _kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class Lifeline:
    """A parent-alive pipe: made in the parent, handed to the child, watched there.

    Parent: ``lifeline = Lifeline(context)``, pass ``lifeline.child_end`` to the child process,
    call :meth:`started` once it started (closes the parent's copy of the child's end) and
    :meth:`close` when the child is done with. Child: ``watch(child_end)``.
    """

    def __init__(self, context: Any) -> None:
        self.child_end, self._parent_end = context.Pipe(duplex=False)

    def started(self) -> None:
        """The child has its copy of the read end now: drop ours, so that only the child holds one."""
        self.child_end.close()

    def close(self) -> None:
        self._parent_end.close()
        if not self.child_end.closed:
            self.child_end.close()


def watch(child_end: Connection, on_parent_gone: Any = _kill_self) -> threading.Thread:
    """Watch the read end of a :class:`Lifeline` on a daemon thread; call ``on_parent_gone``
    (default: SIGKILL this process) when the parent's end is closed."""

    def run() -> None:
        wait([child_end])  # ready only at end-of-file: the parent never writes
        on_parent_gone()

    thread = threading.Thread(target=run, name="inspectwatch-lifeline", daemon=True)
    thread.start()
    return thread
