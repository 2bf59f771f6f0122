"""Crash tests: real daemon processes killed with SIGKILL, a real SMTP server taken away,
and a soak of many short scheduled crawls.

Everything runs on loopback: the demo news site (cut down, or slowed down so that a
kill lands mid-crawl) and aiosmtpd. The database is a SQLite file: these tests are
about processes dying, the PostgreSQL paths are covered by test_postgres.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from test_daemon import (
    BROAD_WATCH,
    SlowSite,
    add_subscribers,
    article_count,
    daemon,
    finished_runs,
    free_port,
    scalar,
    small_site,
    wait_for,
    write_config,
)

from core.config import SourceConfig
from core.crawl_runs import mark_interrupted, record_run, start_runs
from core.db.engine import Database, utcnow
from core.db.models import ArticleRow, CrawlRun, Delivery, SubscriberRow, VisitRow
from core.owner import make_owner
from jobs.demo.site import serve_demo_site
from jobs.demo.smtp import Received, RecordingHandler, local_smtp


class SlowSmtp(RecordingHandler):
    """Keeps each message as soon as its data arrived, then takes ``delay`` seconds to say 250:
    a kill in that window is the "message in flight" (the server has it, the ledger does not)."""

    delay = 1.5

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.count += 1
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        await asyncio.sleep(self.delay)
        return "250 Message accepted for delivery"


def sqlite(tmp_path: Path) -> str:
    """A migrated SQLite file (so the test can poll it before the daemon is up)."""
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    Database(url).close()
    return url


def urls_by_recipient(messages: list[Received], urls: list[str]) -> list[tuple[str, frozenset[str]]]:
    """(recipient, article URLs the message carries) per message."""
    found = []
    for received in messages:
        body = received.message().get_body(("plain",))
        content = body.get_content() if body is not None else ""
        found.extend((rcpt, frozenset(u for u in urls if u in content)) for rcpt in received.rcpt_tos)
    return found


def ledger(db_url: str) -> dict[tuple[str, str], str]:
    """(subscriber email, article URL) -> state, for every ledger row."""
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            rows = session.execute(
                select(SubscriberRow.email, ArticleRow.url, Delivery.state)
                .join(SubscriberRow, SubscriberRow.id == Delivery.subscriber_id)
                .join(VisitRow, VisitRow.id == Delivery.visit_id)
                .join(ArticleRow, ArticleRow.id == VisitRow.article_id)).all()
    finally:
        db.close()
    return {(email, url): state for email, url, state in rows}


def all_urls(db_url: str) -> list[str]:
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            return list(session.scalars(select(ArticleRow.url)))
    finally:
        db.close()


def pending(db_url: str) -> int:
    return int(scalar(db_url, select(func.count()).select_from(Delivery).where(Delivery.state != "sent")))


def assert_delivered_once(db_url: str, messages: list[Received], allowed_repeats: int) -> dict[str, int]:
    """Every ledger row is sent and its visit reached its subscriber; at most ``allowed_repeats``
    messages repeat what an earlier message to the same recipient carried."""
    rows = ledger(db_url)
    assert rows and set(rows.values()) == {"sent"}, Counter(rows.values())
    carried = urls_by_recipient(messages, all_urls(db_url))
    seen: Counter[tuple[str, str]] = Counter((rcpt, url) for rcpt, urls in carried for url in urls)
    missing = [pair for pair in rows if seen[pair] == 0]
    assert not missing, f"matched but never received: {missing[:5]}"
    repeated = [urls for rcpt, urls in carried if urls and all(seen[(rcpt, u)] > 1 for u in urls)]
    assert len(repeated) <= 2 * allowed_repeats, repeated  # a repeat counts both copies
    return {"rows": len(rows), "messages": len(messages), "repeated_messages": len(repeated) // 2}


class SlowerSite(SlowSite):
    """A second per article page: 12 pages at 2 per host take about 6 s, so the kill after the
    third stored article lands mid-crawl even on a loaded machine."""

    delay = 1.0


def test_kill9_during_crawl_then_restart_stores_every_article_once(tmp_path):
    site = SlowerSite(columns=small_site(en=12, zh=0).columns)
    db_url = sqlite(tmp_path)
    with serve_demo_site(site) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={"demo-en": "1h"})
        with daemon(config, db_url, tmp_path / "a.log") as proc:
            wait_for(lambda: article_count(db_url) >= 3, 90, "a crawl half-way", proc.log)
            proc.kill9()
        stored_at_kill = article_count(db_url)
        assert 0 < stored_at_kill < site.article_count
        with daemon(config, db_url, tmp_path / "b.log") as proc:
            wait_for(lambda: finished_runs(db_url, "demo-en") >= 2, 120, "the catch-up crawl", proc.log)
            assert proc.terminate() == 0
    statuses = Counter(scalar(db_url, select(func.group_concat(CrawlRun.status))).split(","))
    assert statuses == {"interrupted": 1, "ok": 1}
    assert article_count(db_url) == site.article_count
    assert len(set(all_urls(db_url))) == site.article_count
    print(f"\nkill -9 during crawl: {stored_at_kill} of {site.article_count} articles stored at the kill; "
          f"{article_count(db_url)} after the restart, each once")


def live_group(pgid: int) -> list[int]:
    """The live (not zombie) processes of process group ``pgid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            state, _ppid, group = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()[:3]
        except (OSError, ValueError):
            continue
        if int(group) == pgid and state != "Z":
            found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the children")
def test_kill9_of_the_daemon_alone_leaves_no_crawl_process_behind(tmp_path):
    """Only the daemon is killed (not its process group): its forkserver and crawl process must
    end with it instead of crawling on beside the next daemon's."""
    site = SlowSite(columns=small_site(en=30, zh=0).columns)
    site.delay = 1.5  # a crawl of a minute: an orphan would still be crawling long after the kill
    db_url = sqlite(tmp_path)
    with serve_demo_site(site) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={"demo-en": "1h"})
        with daemon(config, db_url, tmp_path / "a.log") as proc:
            wait_for(lambda: article_count(db_url) >= 2, 90, "a crawl under way", proc.log)
            pid = proc.proc.pid
            children = [child for child in live_group(pid) if child != pid]
            assert children, "no crawl process to orphan"
            os.kill(pid, signal.SIGKILL)
            proc.proc.wait(10)
            deadline = time.monotonic() + 10
            while live_group(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            survivors = live_group(pid)
            if survivors:  # the orphans go with the test
                os.killpg(pid, signal.SIGKILL)
            assert survivors == [], f"processes outlived the killed daemon: {survivors} of {children}"
    stored = article_count(db_url)
    assert stored < site.article_count


def test_a_run_closed_as_interrupted_is_never_rewritten_by_its_crawl_process(tmp_path):
    db_url = sqlite(tmp_path)
    db = Database(db_url, apply_migrations=False)
    source = SourceConfig(name="demo-en", cms="hanweb", language="en", start_urls=["http://127.0.0.1:1/"])
    try:
        owner, other = make_owner(), make_owner()
        runs = start_runs(db, [source], owner)
        record_run(db, runs["demo-en"], {"articles_new": 7}, "ok", None, owner=other)  # not its run
        assert mark_interrupted(db) == 1  # a restarted daemon closes it
        record_run(db, runs["demo-en"], {"articles_new": 9}, "ok", None, owner=owner)  # the orphan, late
        with db.session() as session:
            run = session.get(CrawlRun, runs["demo-en"])
            assert run is not None
            assert (run.status, run.articles_new, run.owner) == ("interrupted", 0, owner)
    finally:
        db.close()


def test_kill9_during_digest_send_repeats_at_most_the_message_in_flight(tmp_path):
    db_url = sqlite(tmp_path)
    emails = [f"reader{i}@example.org" for i in range(6)]
    add_subscribers(db_url, emails, [BROAD_WATCH])
    with serve_demo_site(small_site(en=6, zh=0)) as url, local_smtp(SlowSmtp()) as (port, handler):
        config = write_config(tmp_path / "config", site_url=url, smtp_port=port, sources={"demo-en": "1h"})
        with daemon(config, db_url, tmp_path / "a.log", "--digest-every", "2s") as proc:
            wait_for(lambda: handler.count >= 2, 120, "digests being sent", proc.log)
            proc.kill9()
        at_kill = handler.count
        assert pending(db_url) > 0
        with daemon(config, db_url, tmp_path / "b.log", "--digest-every", "2s") as proc:
            wait_for(lambda: pending(db_url) == 0, 120, "every digest sent", proc.log)
            assert proc.terminate() == 0
        figures = assert_delivered_once(db_url, handler.messages, allowed_repeats=1)
    assert {r for m in handler.messages for r in m.rcpt_tos} == set(emails)
    print(f"\nkill -9 during digest send: {at_kill} messages received at the kill; after restart {figures}")


def test_smtp_down_for_several_runs_then_up_delivers_everything_once(tmp_path):
    db_url = sqlite(tmp_path)
    emails = [f"patient{i}@example.org" for i in range(3)]
    add_subscribers(db_url, emails, [BROAD_WATCH])
    smtp_port = free_port()  # nothing listens here yet
    with serve_demo_site(small_site(en=6, zh=0)) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=smtp_port,
                              sources={"demo-en": "1h"})
        with daemon(config, db_url, tmp_path / "a.log", "--digest-every", "1s") as proc:
            tried = select(func.count()).select_from(Delivery).where(Delivery.attempts >= 1)
            rows = select(func.count()).select_from(Delivery)
            wait_for(lambda: scalar(db_url, tried) == scalar(db_url, rows) and pending(db_url) > 0, 120,
                     "every digest tried against the dead server", proc.log)
            time.sleep(3)  # several more sweeps with the server down
            sweeps = sum(1 for line in proc.log_lines() if line.get("job") == "digest:sweep"
                         and line.get("event") == "end")
            assert sweeps >= 4
            assert scalar(db_url, select(func.count()).select_from(Delivery)
                          .where(Delivery.state != "pending")) == 0  # nothing sent, nothing given up
            with local_smtp(port=smtp_port) as (_port, handler):
                # The ledger backs off 5 minutes after a failed attempt; let that time pass.
                db = Database(db_url, apply_migrations=False)
                with db.session() as session, session.begin():
                    session.execute(update(Delivery).where(Delivery.state == "pending")
                                    .values(next_attempt_at=utcnow()))
                db.close()
                wait_for(lambda: pending(db_url) == 0, 60, "the queued digests", proc.log)
                time.sleep(2)  # more sweeps: nothing may go twice
                assert proc.terminate() == 0
                figures = assert_delivered_once(db_url, handler.messages, allowed_repeats=0)
    assert sorted(r for m in handler.messages for r in m.rcpt_tos) == sorted(emails)
    print(f"\nSMTP down for {sweeps} sweeps, then up: {figures}")


def _sample(pid: int) -> tuple[int, int]:
    """(resident memory in kB, open file descriptors) of process ``pid``."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


SOAK_CRAWLS = int(os.environ.get("INSPECTWATCH_SOAK_CRAWLS", "200"))
WARMUP = 4
RSS_BOUND_KB = 5 * 1024
FD_BOUND = 4


@pytest.mark.first  # the longest test: started first when the suite runs in parallel (conftest.py)
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc to measure")
def test_many_scheduled_crawls_keep_memory_and_files_flat(tmp_path):
    """SOAK_CRAWLS short crawls (four sources due every second, crawled one at a time, each in a
    child process forked ready to run, about 0.35 s; INSPECTWATCH_SOAK_CRAWLS sets another count)
    and a digest sweep every second: after WARMUP crawls the daemon's RSS may grow at most
    RSS_BOUND_KB, its open files FD_BOUND."""
    db_url = sqlite(tmp_path)
    with serve_demo_site(small_site(en=1, zh=1)) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={name: "1s" for name in ("demo-en", "demo-zh", "more-en", "more-zh")})
        with daemon(config, db_url, tmp_path / "soak.log", "--digest-every", "1s") as proc:
            wait_for(lambda: finished_runs(db_url) >= WARMUP, 120, "warm-up crawls", proc.log)
            base = _sample(proc.proc.pid)
            samples = [base]
            deadline = time.monotonic() + SOAK_CRAWLS * 15
            while finished_runs(db_url) < SOAK_CRAWLS and time.monotonic() < deadline:
                time.sleep(0.5)
                samples.append(_sample(proc.proc.pid))
            final = _sample(proc.proc.pid)
            health = proc.wait_healthy()
            assert proc.terminate() == 0
    runs = finished_runs(db_url)
    rows = "".join(f"{rss},{files}\n" for rss, files in samples)
    (tmp_path / "soak-samples.csv").write_text("rss_kb,open_files\n" + rows)
    assert runs >= SOAK_CRAWLS
    sweeps = health["counts"]["digest:sweep"]["runs"]
    quarter = max(len(samples) // 4, 1)  # a crawl in flight holds a few pipes: compare like with like
    first, last = samples[:quarter], samples[-quarter:]
    growth_kb = max(s[0] for s in last) - max(s[0] for s in first)
    fd_growth = min(s[1] for s in last) - min(s[1] for s in first)
    print(f"\nsoak: {runs} crawls, {sweeps} digest sweeps; RSS {base[0]} kB after warm-up -> "
          f"{final[0]} kB (peak {max(s[0] for s in samples)} kB, growth {growth_kb} kB); "
          f"open files {base[1]} -> {final[1]}")
    assert health["failures"] == 0, health["counts"]
    assert growth_kb <= RSS_BOUND_KB
    assert fd_growth <= FD_BOUND
