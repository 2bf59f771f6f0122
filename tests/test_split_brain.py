"""Two senders on one ledger: a daemon paused past its lock's lease and resumed after
another took over must not send what the other sends.

The ledger claims are tested on a real SQLite file; the split brain with two real
daemons (`inspectwatch run`) on one SQLite file, a loopback news site and aiosmtpd,
the first one stopped with SIGSTOP mid-digest and resumed with SIGCONT.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from samples import SAMPLE_TOPICS, seeded_database
from sqlalchemy import func, select, update
from test_crash import SlowSmtp
from test_daemon import (
    BIN,
    BROAD_WATCH,
    SECRET,
    add_subscribers,
    daemon,
    scalar,
    small_site,
    wait_for,
    write_config,
)

from core.db.engine import Database, utcnow
from core.db.models import Delivery
from core.owner import make_owner
from jobs.demo.site import serve_demo_site
from jobs.demo.smtp import local_smtp
from notifier import ledger
from notifier.match_queue import queue_new_matches


def _states(db: Database) -> dict[int, tuple[str, str | None]]:
    with db.session() as session:
        rows = session.execute(select(Delivery.id, Delivery.state, Delivery.claimed_by))
        return {row_id: (state, owner) for row_id, state, owner in rows}


def _queued(tmp_path: Path) -> tuple[Database, list[int]]:
    from core.config import SubscriberConfig
    from notifier.subscribers import import_subscribers

    db = seeded_database(f"sqlite:///{tmp_path / 'ledger.db'}")
    subscriber = SubscriberConfig(email="ana@example.org", watches=["topic:carbon"])
    import_subscribers(db, [subscriber], now=utcnow())
    queue_new_matches(db, SAMPLE_TOPICS, utcnow())
    ids = sorted(_states(db))
    assert len(ids) >= 1
    return db, ids


def test_a_row_claimed_by_one_sender_is_never_sent_by_another(tmp_path):
    db, ids = _queued(tmp_path)
    first, second = make_owner(), make_owner()
    with db.engine.connect() as conn:
        assert ledger.claim(conn, ids, first)
        assert not ledger.claim(conn, ids, second)
        assert ledger.mark_sent(conn, ids, "<b@x>", utcnow(), second) == 0
        assert ledger.mark_sent(conn, ids, "<a@x>", utcnow(), first) == len(ids)
        assert not ledger.claim(conn, ids, second)  # sent: nobody claims it again
        conn.commit()
    assert set(_states(db).values()) == {("sent", first)}
    db.close()


def test_a_claim_is_all_or_nothing_and_a_dead_senders_claims_are_freed(tmp_path):
    db, ids = _queued(tmp_path)
    dead = f"{make_owner().split(':')[0]}:{_dead_pid()}:0000dead"
    mine = make_owner()
    with db.engine.connect() as conn:
        assert ledger.claim(conn, ids[:1], dead)
        assert not ledger.claim(conn, ids, mine)  # one row is someone else's: none is claimed
        assert {owner for _state, owner in _states(db).values()} <= {dead, None}
        assert ledger.free_claims(conn) == 1  # its process is gone
        assert ledger.claim(conn, ids, mine)
        long_ago = utcnow() - timedelta(hours=2)
        conn.execute(update(Delivery).values(claimed_by="elsewhere:1:ffff", claimed_at=long_ago))
        assert ledger.free_claims(conn) == len(ids)  # another host's claim, older than CLAIM_TTL
        conn.commit()
    assert {owner for _state, owner in _states(db).values()} == {None}
    db.close()


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


class PacedSmtp(SlowSmtp):
    """Answers 250 a moment after each message, so a digest run to many recipients lasts long
    enough to be paused half-way."""

    delay = 0.3


def _unclaimed_pending(db_url: str) -> int:
    query = (select(func.count()).select_from(Delivery)
             .where(Delivery.state == "pending", Delivery.claimed_by.is_(None)))
    return int(scalar(db_url, query))


def _not_sent(db_url: str) -> int:
    return int(scalar(db_url, select(func.count()).select_from(Delivery).where(Delivery.state != "sent")))


def test_a_daemon_paused_past_its_lease_sends_nothing_its_successor_sends(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'split.db'}"
    Database(db_url).close()
    emails = [f"reader{i:02d}@example.org" for i in range(40)]
    add_subscribers(db_url, emails, [BROAD_WATCH])
    lease = 5.0
    args = ("--digest-every", "1s", "--lock-stale", str(lease))
    with serve_demo_site(small_site(en=6, zh=0)) as url, local_smtp(PacedSmtp()) as (port, handler):
        config = write_config(tmp_path / "config", site_url=url, smtp_port=port, sources={"demo-en": "1h"})
        env = {**os.environ, "INSPECTWATCH_SECRET": SECRET}
        subprocess.run([str(BIN), "--config", str(config), "--db", db_url, "crawl"], check=True, env=env,
                       capture_output=True)
        with daemon(config, db_url, tmp_path / "a.log", *args) as first:
            wait_for(lambda: handler.count >= 3, 90, "the first daemon sending digests", first.log)
            os.killpg(first.proc.pid, signal.SIGSTOP)
            try:
                time.sleep(lease + 2)  # the first daemon's lease runs out while it is stopped
                with daemon(config, db_url, tmp_path / "b.log", *args) as second:
                    second.wait_healthy()
                    wait_for(lambda: _unclaimed_pending(db_url) == 0, 120,
                             "the second daemon sending the rest", second.log)
                    os.killpg(first.proc.pid, signal.SIGCONT)
                    assert first.proc.wait(60) == 1, first.log.read_text()[-3000:]  # it lost the lock
                    wait_for(lambda: _not_sent(db_url) == 0, 60, "every digest sent", second.log)
                    assert second.terminate() == 0
            finally:
                if first.proc.poll() is None:
                    os.killpg(first.proc.pid, signal.SIGCONT)
    per_recipient = Counter(r for m in handler.messages for r in m.rcpt_tos)
    assert set(per_recipient) == set(emails)
    twice = sorted(r for r, n in per_recipient.items() if n > 1)
    assert twice == [], f"{len(twice)} of {len(emails)} recipients got more than one digest"
