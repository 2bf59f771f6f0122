"""Queueing matches in bounded batches: the same ledger whatever the batch size, each pair once.

Runs on a real SQLite file and on PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

import gc
import sys
from datetime import timedelta

import pytest
from samples import SAMPLE_TOPICS, sample_articles, seeded_database
from sqlalchemy import select

from core.config import SubscriberConfig
from core.db.engine import Database, utcnow
from core.db.models import Delivery, SubscriberRow
from notifier import ledger
from notifier.match_queue import queue_new_matches
from notifier.subscribers import import_subscribers

THRESHOLD = gc.get_threshold()
WATCHES = [["carbon"], ["topic:carbon", "Laiwu"], ["org:steel"], ["刘强"], ["carbon OR steel", "Pingyin"],
           ["nothing-matches-this"], ["official:\"Liu Qiang\""]]


@pytest.fixture
def db(db_url):
    database = seeded_database(db_url)
    now = utcnow()
    import_subscribers(database, [SubscriberConfig(email=f"s{i}@example.org", watches=watches)
                                  for i, watches in enumerate(WATCHES)], now=now)
    yield database
    database.close()


def _ledger(db: Database) -> list[tuple[str, int, str, str]]:
    query = (select(SubscriberRow.email, Delivery.visit_id, Delivery.watch, Delivery.state)
             .join(SubscriberRow, SubscriberRow.id == Delivery.subscriber_id))
    with db.session() as session:
        return sorted(tuple(row) for row in session.execute(query))


def _reference(db_url: str, tmp_path) -> list[tuple[str, int, str, str]]:
    """The ledger one unbounded batch gives, in a database of its own."""
    other = seeded_database(f"sqlite:///{tmp_path / 'reference.db'}")
    import_subscribers(other, [SubscriberConfig(email=f"s{i}@example.org", watches=watches)
                               for i, watches in enumerate(WATCHES)], now=utcnow())
    queue_new_matches(other, SAMPLE_TOPICS, utcnow(), batch=1_000_000)
    try:
        return _ledger(other)
    finally:
        other.close()


@pytest.mark.parametrize("batch", [1, 2, 3, 7])
def test_small_batches_queue_the_same_rows_once(db, db_url, tmp_path, batch):
    expected = _reference(db_url, tmp_path)
    assert len(expected) >= 8  # several batches of every size tried, and a last partial one
    assert queue_new_matches(db, SAMPLE_TOPICS, utcnow(), batch=batch) == len(expected)
    assert _ledger(db) == expected
    assert queue_new_matches(db, SAMPLE_TOPICS, utcnow(), batch=batch) == 0  # a re-run adds nothing
    assert _ledger(db) == expected


def test_rows_sorted_in_many_small_blocks_give_the_same_ledger(db, db_url, tmp_path, monkeypatch):
    """Matched rows are held and sorted SORTED_ROWS at a time: with blocks of about one visit's rows,
    the ledger is still the one a single block gives."""
    from notifier import match_queue

    expected = _reference(db_url, tmp_path)
    monkeypatch.setattr(match_queue, "SORTED_ROWS", 1)
    assert queue_new_matches(db, SAMPLE_TOPICS, utcnow(), batch=1) == len(expected)
    assert _ledger(db) == expected


def test_a_run_cut_short_is_completed_without_a_row_twice(db, db_url, tmp_path):
    """Rows already queued (a run that died after some batches) are skipped and not counted."""
    expected = _reference(db_url, tmp_path)
    ids = {email: sid for sid, email in _subscribers(db)}
    done = [(ids[email], visit_id, watch) for email, visit_id, watch, _state in expected[::2]]
    with db.engine.connect() as connection:
        assert ledger.add_pending(connection, done, utcnow()) == len(done)
        connection.commit()
    assert queue_new_matches(db, SAMPLE_TOPICS, utcnow(), batch=2) == len(expected) - len(done)
    assert _ledger(db) == expected


def test_only_active_subscribers_and_fresh_visits_are_queued(db):
    with db.session() as session, session.begin():
        session.execute(SubscriberRow.__table__.update().where(SubscriberRow.email == "s0@example.org")
                        .values(status="unsubscribed"))
    now = utcnow()
    assert queue_new_matches(db, SAMPLE_TOPICS, now, batch=2) > 0
    emails = {email for email, *_ in _ledger(db)}
    assert "s0@example.org" not in emails and "s1@example.org" in emails


def test_the_first_digest_window_applies_in_batches(db):
    """Visits dated before the window are not queued, whatever the batch size."""
    now = utcnow()
    assert queue_new_matches(db, SAMPLE_TOPICS, now, fresh_days=7, batch=1) == 0  # the samples are of 2023
    assert _ledger(db) == []


def _subscribers(db: Database) -> list[tuple[int, str]]:
    with db.session() as session:
        return [(row.id, row.email) for row in session.execute(select(SubscriberRow.id, SubscriberRow.email))]


def test_watermark_moves_for_every_active_subscriber(db):
    now = utcnow()
    queue_new_matches(db, SAMPLE_TOPICS, now + timedelta(seconds=1), batch=2)
    with db.session() as session:
        marks = set(session.scalars(select(SubscriberRow.matched_visit_id)))
    assert marks == {len(sample_articles())}


def test_the_cycle_collector_does_not_run_while_matches_are_queued_and_runs_again_after(db):
    """A large run makes millions of small objects that reference counting frees; collecting
    cycles among them over and over was a seventh of the CPU at 100,000 subscribers."""
    from notifier import match_queue
    from notifier.matching import WatchIndex

    working = {match_queue._watchers.__code__, WatchIndex.build.__func__.__code__,
               match_queue._matched_rows.__code__, ledger.add_pending.__code__}
    runs: list[bool] = []  # per collection: did it start while matches were read, matched or queued?

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            frame = sys._getframe(1)
            while frame is not None and frame.f_code not in working:
                frame = frame.f_back
            runs.append(frame is not None)

    gc.set_threshold(1)  # a collection at every allocation, where one may run
    gc.callbacks.append(count)
    try:
        assert queue_new_matches(db, SAMPLE_TOPICS, utcnow(), batch=2) > 0
        _ = [[] for _ in range(10)]
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*THRESHOLD)
    assert runs.count(True) == 0
    assert gc.isenabled() and runs.count(False) > 0
