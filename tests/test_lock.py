"""The scheduler lock held in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from datetime import timedelta

import pytest

from core.db.engine import Database, utcnow
from jobs.lock import DbLock, Heartbeat, LockHeld, holder_is_gone


@pytest.fixture
def db(db_url):
    database = Database(db_url)
    yield database
    database.close()


def test_second_holder_is_refused_until_release(db):
    first, second = DbLock(db), DbLock(db)
    first.acquire()
    with pytest.raises(LockHeld, match="another `inspectwatch run` or `tick`"):
        second.acquire()
    first.release()
    second.acquire()
    assert db and second.holder()[0] == second.owner


def test_stale_lock_is_taken_over_and_old_owner_notices(db):
    old = DbLock(db, owner="elsewhere:1:aaaa", stale_after=timedelta(seconds=30))
    old.acquire(now=utcnow() - timedelta(seconds=31))
    new = DbLock(db, stale_after=timedelta(seconds=30))
    new.acquire()
    assert new.holder()[0] == new.owner
    assert old.heartbeat() is False  # the old owner learns it lost the lock
    old.release()  # and cannot release someone else's lock
    assert new.holder()[0] == new.owner


def test_fresh_lock_on_other_host_is_respected(db):
    DbLock(db, owner="otherhost:4242:bbbb").acquire()
    with pytest.raises(LockHeld, match="otherhost:4242"):
        DbLock(db).acquire()


def test_dead_holder_on_this_host_is_taken_over_at_once(db):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    owner = f"{socket.gethostname()}:{dead.stdout.strip()}:cccc"
    assert holder_is_gone(owner)
    DbLock(db, owner=owner).acquire()
    DbLock(db).acquire()  # heartbeat is fresh, but its process is gone


def test_live_holder_on_this_host_is_respected(db):
    assert not holder_is_gone(f"{socket.gethostname()}:1:dddd") or os.getpid() == 1
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        DbLock(db, owner=f"{socket.gethostname()}:{sleeper.pid}:eeee").acquire()
        with pytest.raises(LockHeld):
            DbLock(db).acquire()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_racing_takeovers_of_a_stale_lock_have_one_winner(db):
    DbLock(db, owner="gone:1:ffff").acquire(now=utcnow() - timedelta(hours=1))
    winners, losers = [], []
    barrier = threading.Barrier(6)

    def contend() -> None:
        lock = DbLock(db, stale_after=timedelta(seconds=10))
        barrier.wait()
        try:
            lock.acquire()
            winners.append(lock.owner)
        except LockHeld:
            losers.append(lock.owner)

    threads = [threading.Thread(target=contend) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1 and len(losers) == 5
    assert DbLock(db).holder()[0] == winners[0]


def test_heartbeat_keeps_lock_fresh_and_reports_loss(db):
    lock = DbLock(db)
    lock.acquire(now=utcnow() - timedelta(seconds=50))
    lost = threading.Event()
    beat = Heartbeat(lock, 0.05, lost.set)
    beat.start()
    try:
        threading.Event().wait(0.3)
        assert lock.holder()[1] > utcnow() - timedelta(seconds=5)
        lock.release()
        DbLock(db, owner="thief:1:gggg").acquire()
        assert lost.wait(5)
        assert beat.lost
    finally:
        beat.stop()
