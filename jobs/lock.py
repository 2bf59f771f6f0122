"""A named lock held in the database, so that one scheduler runs jobs at a time.

The ``locks`` table has one row per held lock: its name, its owner
(``host:pid:token``) and the owner's last heartbeat. Taking the lock inserts
the row; a row whose heartbeat is older than ``stale_after`` is taken over
with a compare-and-swap update, so two processes racing for a stale lock
cannot both win. A holder on this same host whose process is gone (a daemon
killed with ``kill -9``) is stale at once, so a restarted daemon need not wait
out the heartbeat timeout. Release deletes the row, but only the owner's.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from core.db.engine import Database, utcnow
from core.db.models import Lock
from core.owner import make_owner, owner_is_gone

log = logging.getLogger(__name__)

SCHEDULER_LOCK = "scheduler"
DEFAULT_STALE_AFTER = timedelta(seconds=60)


class LockHeld(Exception):
    """Another live process holds the lock."""

    def __init__(self, name: str, owner: str, heartbeat_at: datetime) -> None:
        super().__init__(f"lock {name!r} is held by {owner} (last heartbeat {heartbeat_at:%Y-%m-%d %H:%M:%S} "
                         "UTC): another `inspectwatch run` or `tick` is using this database")
        self.owner = owner


holder_is_gone = owner_is_gone  # the name the lock has always used


@dataclass
class DbLock:
    """The named lock ``name`` in ``db``, held by ``owner`` once :meth:`acquire` succeeded."""

    db: Database
    name: str = SCHEDULER_LOCK
    owner: str = ""
    stale_after: timedelta = DEFAULT_STALE_AFTER

    def __post_init__(self) -> None:
        self.owner = self.owner or make_owner()

    def acquire(self, now: datetime | None = None) -> None:
        """Take the lock, or take over a stale one; raise :class:`LockHeld` otherwise."""
        now = now or utcnow()
        if self._insert(now):
            return
        with self.db.session() as session:
            row = session.get(Lock, self.name)
            if row is None:  # released between our insert and our read
                if self._insert(now):
                    return
                raise LockHeld(self.name, "a process that just took it", now)
            owner, beat = row.owner, row.heartbeat_at
        if owner == self.owner:
            self.heartbeat(now)
            return
        if beat > now - self.stale_after and not holder_is_gone(owner):
            raise LockHeld(self.name, owner, beat)
        if not self._swap(owner, beat, now):
            raise LockHeld(self.name, "a process that took it over first", now)
        log.warning("took over stale lock %r from %s (last heartbeat %s UTC)", self.name, owner, beat)

    def _insert(self, now: datetime) -> bool:
        with self.db.session() as session:
            session.add(Lock(name=self.name, owner=self.owner, heartbeat_at=now))
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return False
        return True

    def _swap(self, old_owner: str, old_beat: datetime, now: datetime) -> bool:
        with self.db.session() as session:
            result = session.execute(
                update(Lock)
                .where(Lock.name == self.name, Lock.owner == old_owner, Lock.heartbeat_at == old_beat)
                .values(owner=self.owner, heartbeat_at=now)
            )
            session.commit()
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def heartbeat(self, now: datetime | None = None) -> bool:
        """Refresh our heartbeat; False when the lock is no longer ours (taken over)."""
        with self.db.session() as session:
            result = session.execute(
                update(Lock).where(Lock.name == self.name, Lock.owner == self.owner)
                .values(heartbeat_at=now or utcnow())
            )
            session.commit()
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def release(self) -> None:
        """Give the lock up (only if it is still ours)."""
        with self.db.session() as session:
            session.execute(delete(Lock).where(Lock.name == self.name, Lock.owner == self.owner))
            session.commit()

    def holder(self) -> tuple[str, datetime] | None:
        """(owner, last heartbeat) of whoever holds the lock now, or None."""
        with self.db.session() as session:
            row = session.execute(select(Lock.owner, Lock.heartbeat_at).where(Lock.name == self.name)).first()
        return (row[0], row[1]) if row else None


class Heartbeat:
    """A thread refreshing a lock's heartbeat; calls ``on_lost`` if the lock was taken from us."""

    def __init__(self, lock: DbLock, interval: float, on_lost: object = None) -> None:
        self.lock = lock
        self.interval = interval
        self.on_lost = on_lost
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lock-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.interval + 5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                ours = self.lock.heartbeat()
            except Exception:  # a database hiccup: try again at the next beat
                log.exception("lock heartbeat failed")
                continue
            if not ours:
                self.lost = True
                log.error("lock %r was taken over by another process; stopping", self.lock.name)
                if callable(self.on_lost):
                    self.on_lost()
                return
