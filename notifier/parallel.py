"""Building digests in forked worker processes.

A run with many digests due is CPU-bound on building them (templates, CSS,
MIME encoding) while the courier mostly waits for the server. :func:`forked_map`
spreads the building over worker processes forked from the run, which
inherit what the run has loaded (visits, watches, templates) without copying
it through a pipe; only the finished messages come back.

A worker never outlives the run: it holds no read end of any result pipe
(it closes those it inherited), so a write after the run died fails with
EPIPE, and on Linux the kernel kills it when the run dies
(:func:`core.lifeline.die_with_parent`).
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Generator, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from core.lifeline import die_with_parent

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A worker failed; the message holds its traceback."""


def worker_count(jobs: int, *, minimum_jobs: int = 24, limit: int = 4) -> int:
    """How many workers are worth forking for ``jobs`` jobs: one per CPU but one (that one sends
    and records), at most ``limit``; 0 (build in this process) when the jobs are few, there is
    one CPU, or the platform cannot fork safely (only Linux is trusted here)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if jobs < minimum_jobs or cpus < 2 or not sys.platform.startswith("linux"):
        return 0
    return min(limit, cpus - 1)


def forked_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> Generator[R, None, None]:
    """``map(function, items)`` computed by ``workers`` forked processes, yielded in order.

    Worker k computes items k, k + workers, ... and sends each result (pickled) down its own
    pipe; a full pipe makes it wait, so the workers stay only a few results ahead. An exception
    in a worker is raised here as :class:`WorkerError`; closing the iterator early stops them.
    """
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes = []
    parent = os.getpid()
    try:
        for k in range(workers):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            inherited = [*pipes, reader]  # read ends the worker must not keep open
            process = context.Process(target=_work, name=f"inspectwatch-digest-{k}", daemon=True,
                                      args=(function, items, k, workers, writer, inherited, parent))
            process.start()
            writer.close()
            pipes.append(reader)
            processes.append(process)
        for i in range(len(items)):
            yield _receive(pipes[i % workers], i % workers)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


PIPE_BYTES = 1 << 20  # room for about ten digests ahead of the consumer


def _widen(pipe: Connection) -> None:
    """Let a worker run ahead: a Linux pipe holds 64 KB, less than one digest, unless widened."""
    with contextlib.suppress(AttributeError, OSError):  # not Linux, or above /proc/sys/fs/pipe-max-size
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _receive(pipe: Connection, worker: int) -> Any:
    try:
        kind, value = pipe.recv()
    except EOFError:
        raise WorkerError(f"digest worker {worker} exited without sending its result") from None
    if kind == "error":
        raise WorkerError(f"digest worker {worker} failed:\n{value}")
    return value


def _work(function: Callable[[T], R], items: Sequence[T], first: int, step: int, writer: Connection,
          inherited: list[Connection], parent: int) -> None:
    """Worker ``first`` of ``step``: close the read ends it inherited, die with the run, compute and send."""
    for pipe in inherited:
        pipe.close()
    die_with_parent(parent)
    try:
        for i in range(first, len(items), step):
            writer.send(("ok", function(items[i])))
    except BrokenPipeError:  # the run is gone (or closed the iterator): nobody wants the rest
        pass
    except BaseException:  # noqa: BLE001 - everything goes back to the run, which raises it
        with contextlib.suppress(BrokenPipeError):
            writer.send(("error", traceback.format_exc()))
    finally:
        writer.close()
