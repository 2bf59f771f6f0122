"""`inspectwatch status` an operator can read: every configured source (crawled or not) with its
last run's start, duration, result and figures, its next due time; each digest's retry time; lines
that fit 80 columns and are wrapped, never cut; ``--format json`` for machines."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from sites import generic
from sites.server import serve
from test_crawl_failures import run, setup, source_toml

from core.db.engine import Database, utcnow
from core.db.models import Delivery, SubscriberRow, VisitRow
from core.records import Article, Official, Visit
from core.store import save_article
from crawler.source_health import NO_LINKS


def add_backed_off_delivery(db_url: str, retry_at: datetime) -> None:
    db = Database(db_url)
    now = utcnow()
    try:
        visit = Visit(date="2023-03-30", officials=[Official("Li Wenhua", "Mayor")])
        save_article(db, Article(url="http://x.cn/a.html", title="t", text="text", source="good",
                                 visits=[visit]))
        with db.session() as session, session.begin():
            sub = SubscriberRow(email="reader@example.org", watches=["Li"], created_at=now, updated_at=now)
            session.add(sub)
            session.flush()
            row = session.query(VisitRow).first()
            assert row is not None
            session.add(Delivery(subscriber_id=sub.id, visit_id=row.id, state="pending", attempts=2,
                                 created_at=now, next_attempt_at=retry_at))
    finally:
        db.close()


def test_status_lists_every_source_with_its_last_run_and_next_due_time(tmp_path: Path) -> None:
    with serve(generic.build) as site:
        args = setup(tmp_path / "config", [
            source_toml("good", generic.start_url(site.base)),
            source_toml("nolinks", generic.start_url(site.base), links="ul.no-such-list a"),
            source_toml("fresh", generic.start_url(site.base)),
        ])
        crawled = run(*args, "crawl", "--source", "good", "--source", "nolinks")
    assert crawled.returncode == 1, crawled.stderr
    retry_at = (utcnow() + timedelta(hours=2)).replace(microsecond=0)
    add_backed_off_delivery(args[-1], retry_at)

    text = run(*args, "status")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert max(len(line) for line in lines) <= 78, [line for line in lines if len(line) > 78]
    assert "fresh (generic, zh): not crawled yet" in lines and lines[lines.index(
        "fresh (generic, zh): not crawled yet") + 1] == "    due now"
    good = lines.index("good (generic, zh): healthy")
    assert lines[good + 1].startswith("    next due ")
    assert lines[good + 2].startswith("    ok: started ") and lines[good + 2].endswith(" s)")
    assert "links 36" in lines[good + 3] or "links 12" in lines[good + 3]
    assert NO_LINKS in " ".join(text.stdout.split())  # wrapped, not cut
    assert f"retry at {retry_at:%Y-%m-%d %H:%M} UTC" in text.stdout

    machine = run(*args, "status", "--format", "json")
    report = json.loads(machine.stdout)
    sources = {s["name"]: s for s in report["sources"]}
    assert set(sources) == {"good", "nolinks", "fresh"} and sources["fresh"]["runs"] == []
    last = sources["good"]["runs"][0]
    assert last["status"] == "ok" and last["seconds"] is not None and last["figures"]["list_items"] > 0
    started = datetime.fromisoformat(last["started_at"].removesuffix("Z"))
    due = datetime.fromisoformat(sources["good"]["next_due"].removesuffix("Z"))
    assert abs((due - started) - timedelta(hours=1)) < timedelta(seconds=1)
    assert sources["nolinks"]["health"] == "never succeeded"
    assert sources["nolinks"]["runs"][0]["message"] == NO_LINKS
    [digest] = report["digests"]
    assert digest["retry_at"] == retry_at.isoformat() + "Z" and digest["pending"] == 1
