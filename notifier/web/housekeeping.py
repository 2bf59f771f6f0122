"""What the web app does while it serves: deletes sign-ups left unconfirmed past their link's life.

Run as the app's lifespan: once at start, then every :data:`SWEEP_SECONDS`,
on the worker pool; a failure is logged and tried again at the next sweep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool

from notifier import signups

log = logging.getLogger(__name__)
SWEEP_SECONDS = 3600.0


async def _sweep_forever(app: Starlette) -> None:
    while True:
        try:
            removed = await run_in_threadpool(signups.remove_stale, app.state.web.db)
            if removed:
                log.info("removed %d sign-up(s) never confirmed", removed)
        except Exception as exc:  # a busy or unreachable database: next time
            log.warning("could not remove stale sign-ups: %s", exc)
        await asyncio.sleep(SWEEP_SECONDS)


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    task = asyncio.create_task(_sweep_forever(app))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
