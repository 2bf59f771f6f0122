"""When digests are due (fixed clocks, several time zones) and queueing matches into the ledger."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from samples import SAMPLE_TOPICS, sample_config, seeded_database
from sqlalchemy import select

from core.config import SubscriberConfig
from core.db.engine import utcnow
from core.db.models import Delivery, SubscriberRow
from core.records import Article, Official, Visit
from core.store import save_article
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.schedule import is_due, next_slot
from notifier.subscribers import import_subscribers


@pytest.mark.parametrize(("frequency", "timezone", "after", "expected"), [
    # 08:00 Shanghai is 00:00 UTC
    ("daily", "Asia/Shanghai", datetime(2023, 3, 29, 23, 0), datetime(2023, 3, 30, 0, 0)),
    ("daily", "Asia/Shanghai", datetime(2023, 3, 30, 0, 0), datetime(2023, 3, 31, 0, 0)),
    # 08:00 Berlin: CET (+1) before 26 March 2023, CEST (+2) after
    ("daily", "Europe/Berlin", datetime(2023, 3, 25, 12, 0), datetime(2023, 3, 26, 6, 0)),
    ("daily", "Europe/Berlin", datetime(2023, 3, 24, 12, 0), datetime(2023, 3, 25, 7, 0)),
    # 08:00 New York (EDT, -4)
    ("daily", "America/New_York", datetime(2023, 3, 30, 11, 0), datetime(2023, 3, 30, 12, 0)),
    # weekly on Friday 08:00 Shanghai; 30 March 2023 is a Thursday
    ("weekly", "Asia/Shanghai", datetime(2023, 3, 30, 1, 0), datetime(2023, 3, 31, 0, 0)),
    ("weekly", "Asia/Shanghai", datetime(2023, 3, 31, 0, 0), datetime(2023, 4, 7, 0, 0)),
    ("immediate", "Asia/Shanghai", datetime(2023, 3, 30, 1, 0), None),
])
def test_next_slot(frequency, timezone, after, expected):
    assert next_slot(frequency, "08:00", "fri", timezone, after) == expected


def _row(frequency, next_at, status="active"):
    return SubscriberRow(email="a@example.org", frequency=frequency, next_digest_at=next_at, status=status)


def test_is_due():
    at = datetime(2023, 3, 30, 0, 0)
    assert is_due(_row("immediate", None), at)
    assert is_due(_row("daily", at), at)
    assert not is_due(_row("daily", at), at - timedelta(seconds=1))
    assert is_due(_row("daily", at), at - timedelta(hours=5), force=True)
    assert not is_due(_row("daily", at, status="unsubscribed"), at, force=True)
    assert not is_due(_row("immediate", None, status="bouncing"), at)


@pytest.fixture
def db(tmp_path):
    database = seeded_database(f"sqlite:///{tmp_path / 'sched.db'}")
    yield database
    database.close()


def _ledger(db):
    with db.session() as session:
        return sorted((d.subscriber_id, d.visit_id, d.state) for d in session.scalars(select(Delivery)))


def test_queue_is_idempotent_and_reads_only_new_visits(db):
    now = utcnow()
    import_subscribers(db, [SubscriberConfig(email="a@example.org", watches=["topic:carbon"]),
                            SubscriberConfig(email="b@example.org", watches=["org:steel", "Laiwu"])], now=now)
    assert queue_new_matches(db, SAMPLE_TOPICS, now) == 3
    assert queue_new_matches(db, SAMPLE_TOPICS, now) == 0
    assert len(_ledger(db)) == 3
    with db.session() as session:
        query = select(Delivery).where(Delivery.subscriber_id == 2)
        watches = {d.visit_id: d.watch for d in session.scalars(query)}
        assert list(watches.values()) == ["org:steel\nLaiwu"]  # both watches recorded on one row
        assert {s.matched_visit_id for s in session.scalars(select(SubscriberRow))} == {3}
    save_article(db, Article(url="https://x.example/new", title="Yu Haitian visits Laiwu graphite plant",
                             text="", source="s", visits=[Visit(officials=[Official("Yu Haitian")],
                                                                regions=["Laiwu District"])]))
    assert queue_new_matches(db, SAMPLE_TOPICS, now) == 2  # graphite (topic:carbon) and Laiwu
    assert len(_ledger(db)) == 5


def test_new_subscriber_does_not_get_the_old_archive(db):
    later = utcnow() + timedelta(days=30)
    import_subscribers(db, [SubscriberConfig(email="a@example.org", watches=["topic:carbon"])], now=later)
    assert queue_new_matches(db, SAMPLE_TOPICS, later) == 0


def test_daily_digest_waits_for_send_at_in_the_subscribers_zone(db, tmp_path):
    created = datetime(2023, 3, 29, 12, 0)  # 20:00 in Shanghai
    subscribers = [SubscriberConfig(email="sh@example.org", watches=["carbon"], timezone="Asia/Shanghai"),
                   SubscriberConfig(email="ny@example.org", watches=["carbon"], timezone="America/New_York")]
    import_subscribers(db, subscribers, now=created)
    with db.session() as session, session.begin():  # the sample visits count as new for them
        for row in session.scalars(select(SubscriberRow)):
            row.created_at = utcnow()
    queue_new_matches(db, SAMPLE_TOPICS, created)
    config = sample_config(tmp_path)
    outbox = tmp_path / "outbox"

    def run(at):
        report = send_due_digests(db, config, at, outbox=outbox, secret="s")
        return [d.email for d in report.digests]

    assert run(datetime(2023, 3, 29, 23, 59)) == []                    # 07:59 in Shanghai
    assert run(datetime(2023, 3, 30, 0, 0)) == ["sh@example.org"]      # 08:00 in Shanghai
    assert run(datetime(2023, 3, 30, 1, 0)) == []                      # already delivered
    assert run(datetime(2023, 3, 30, 11, 59)) == []                    # 07:59 in New York
    assert run(datetime(2023, 3, 30, 12, 0)) == ["ny@example.org"]     # 08:00 in New York
    assert len(list(outbox.glob("*.eml"))) == 2
    with db.session() as session:
        sh = session.scalar(select(SubscriberRow).where(SubscriberRow.email == "sh@example.org"))
        assert sh.next_digest_at == datetime(2023, 3, 31, 0, 0)
        assert sh.last_digest_at == datetime(2023, 3, 30, 0, 0)


def test_a_quiet_slot_moves_on_to_the_next_one(db, tmp_path):
    created = datetime(2023, 3, 29, 12, 0)
    import_subscribers(db, [SubscriberConfig(email="q@example.org", watches=["nothing-matches-this"])],
                       now=created)
    config = sample_config(tmp_path)
    report = send_due_digests(db, config, datetime(2023, 3, 30, 0, 5), secret="s", outbox=tmp_path)
    assert report.digests == []
    with db.session() as session:
        row = session.scalar(select(SubscriberRow))
        assert row.next_digest_at == datetime(2023, 3, 31, 0, 0)
