"""The store, the deliveries ledger and the migrations on SQLite and on a real PostgreSQL server.

Each test runs twice through the ``db_url`` fixture (tests/conftest.py). The daemon lock
(tests/test_lock.py), the daemon's job store (tests/test_daemon.py) and `tick`
(tests/test_tick.py) run on both as well.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from samples import SAMPLE_TOPICS, sample_articles, sample_config
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from core.config import SubscriberConfig
from core.db.engine import Database, utcnow
from core.db.models import ArticleRow, Delivery, VisitRow
from core.store import save_article
from core.stored_visits import load_visits
from jobs.demo.smtp import local_smtp
from notifier import ledger
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.subscribers import import_subscribers


@pytest.fixture
def db(db_url):
    database = Database(db_url)
    yield database
    database.close()


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_migration_is_applied_on_start_and_only_once(db_url):
    Database(db_url).close()
    db = Database(db_url)  # second start: nothing to do
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert {"articles", "visits", "deliveries", "locks", "crawl_runs", "subscribers"} <= tables
        with db.session() as session:
            assert session.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    finally:
        db.close()


def test_store_upserts_by_url_and_keeps_visit_ids(db):
    first = sample_articles()[0]
    assert save_article(db, first) == "new"
    ids = [v.id for v in load_visits(db)]
    assert save_article(db, first) == "unchanged"
    changed = dataclasses.replace(first, title=first.title + " (updated)")
    assert save_article(db, changed) == "updated"
    assert count(db, ArticleRow) == 1
    assert [v.id for v in load_visits(db)] == ids


def test_store_keeps_chinese_text_intact(db):
    chinese = sample_articles()[2]
    save_article(db, chinese)
    stored = load_visits(db)[0]
    assert stored.title == "刘强到平阴县、长清区调研"
    assert stored.visit.stops[0].name == "平阴龙山炭素有限公司"


def test_ledger_queues_each_pair_once(db):
    for article in sample_articles():
        save_article(db, article)
    import_subscribers(db, [SubscriberConfig(email="a@example.org", frequency="immediate",
                                             watches=["carbon"])])
    now = utcnow()
    # The seed visit's Chinese and English reports are one event: one row for the pair.
    assert queue_new_matches(db, SAMPLE_TOPICS, now) == 1
    assert queue_new_matches(db, SAMPLE_TOPICS, now) == 0
    with db.session() as session, session.begin():
        rows = [(r.subscriber_id, r.visit_id, "again") for r in session.scalars(select(Delivery))]
        assert ledger.add_pending(session, rows, now) == 0  # ON CONFLICT DO NOTHING on both backends
    with pytest.raises(IntegrityError), db.session() as session, session.begin():
        session.add(Delivery(subscriber_id=rows[0][0], visit_id=rows[0][1], created_at=now))
    assert count(db, Delivery) == 1


def test_digest_is_sent_once_and_retried_after_an_outage(db, tmp_path):
    for article in sample_articles():
        save_article(db, article)
    import_subscribers(db, [SubscriberConfig(email="b@example.org", frequency="immediate",
                                             watches=["carbon OR steel"])])
    now = utcnow()
    queue_new_matches(db, SAMPLE_TOPICS, now)
    down = sample_config(tmp_path, smtp_port=1)  # nothing listens on port 1
    report = send_due_digests(db, down, now, secret="s")
    assert report.digests_sent == 0 and count(db, Delivery) == 2  # the seed event once, the steel visit
    with local_smtp() as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        later = now + timedelta(hours=1)  # past the back-off
        assert send_due_digests(db, config, later, secret="s").digests_sent == 1
        assert send_due_digests(db, config, later, secret="s").digests_sent == 0
    assert handler.count == 1
    with db.session() as session:
        states = set(session.scalars(select(Delivery.state)))
    assert states == {"sent"}
    assert count(db, VisitRow) == 3
