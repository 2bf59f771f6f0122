"""Digests built by forked workers, and messages handed to SMTP as a Wire.

A run with many digests due builds them in worker processes
(notifier.parallel) while the courier thread sends; the result must be the
same digests as building them in one process, and a failing worker must
stop the run without losing or repeating anything.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import smtplib
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from core.config import SubscriberConfig
from core.db.engine import utcnow
from core.db.models import Delivery, SubscriberRow
from core.mail import Mailer, MessageRejected, to_wire
from notifier.delivery import DigestRun
from notifier.digests import queue_new_matches, send_due_digests
from notifier.message import build_message
from notifier.parallel import WorkerError, forked_map, worker_count
from notifier.render import RenderedDigest
from notifier.testing import SAMPLE_TOPICS, RecordingHandler, local_smtp, sample_config, seeded_database
from notifier.unsubscribe import UnsubscribeLinks

SECRET = "test-secret"
NOW = datetime(2023, 3, 30, 1, 0)
WATCHES = [["topic:carbon"], ["place:Pingyin"], ["org:steel"], ["official:\"Liu Qiang\""], ["Xiaolizhuang"],
           ["topic:carbon", "place:Changqing"]]


def _database(path, count):
    db = seeded_database(f"sqlite:///{path}")
    from notifier.subscribers import import_subscribers

    import_subscribers(db, [SubscriberConfig(email=f"u{i:02d}@example.org", watches=WATCHES[i % len(WATCHES)],
                                             frequency="immediate") for i in range(count)], now=utcnow())
    queue_new_matches(db, SAMPLE_TOPICS, NOW)
    return db


def _parts(received):
    message = received.message()
    text, html = (part.get_content() for part in message.iter_parts())
    return message["Subject"], message["List-Unsubscribe"], text, html


def _ledger(db):
    with db.session() as session:
        query = select(Delivery.subscriber_id, Delivery.visit_id, Delivery.state)
        return sorted(session.execute(query).all())


def test_worker_count_forks_only_for_many_digests():
    assert worker_count(3) == 0
    assert worker_count(1000, limit=1) in (0, 1)


def test_forked_map_keeps_the_order_and_reports_a_failure():
    assert list(forked_map(lambda n: n * n, list(range(50)), 3)) == [n * n for n in range(50)]

    def fails_at_seven(n: int) -> int:
        if n == 7:
            raise ValueError("seven")
        return n

    results = forked_map(fails_at_seven, list(range(20)), 2)
    assert [next(results) for _ in range(7)] == list(range(7))
    with pytest.raises(WorkerError, match="ValueError: seven"):
        next(results)


def test_forked_workers_send_the_same_digests_as_one_process(tmp_path):
    received = {}
    for workers in (0, 2):
        db = _database(tmp_path / f"w{workers}.db", 30)
        with local_smtp() as (port, handler):
            report = send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET,
                                      workers=workers)
        assert (report.digests_sent, report.failures, report.errors) == (30, 0, [])
        assert [d.email for d in report.digests] == [f"u{i:02d}@example.org" for i in range(30)]
        assert {state for _s, _v, state in _ledger(db)} == {"sent"}
        received[workers] = {m.rcpt_tos[0]: _parts(m) for m in handler.messages}
        assert len(handler.messages) == 30
        db.close()
    assert received[0] == received[2]


def test_a_failing_worker_stops_the_run_and_loses_nothing(tmp_path, monkeypatch):
    db = _database(tmp_path / "fail.db", 30)
    render = DigestRun._render

    def broken(self, subscriber, items):
        if subscriber.email == "u11@example.org":
            raise RuntimeError("template exploded")
        return render(self, subscriber, items)

    monkeypatch.setattr(DigestRun, "_render", broken)
    with local_smtp() as (port, handler), pytest.raises(WorkerError, match="template exploded"):
        send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET, workers=2)
    with db.session() as session:
        emails = dict(session.execute(select(SubscriberRow.id, SubscriberRow.email)).all())
    sent = {emails[s] for s, _v, state in _ledger(db) if state == "sent"}
    pending = {emails[s] for s, _v, state in _ledger(db) if state == "pending"}
    assert sent == {f"u{i:02d}@example.org" for i in range(11)}
    assert sorted(m.rcpt_tos[0] for m in handler.messages) == sorted(sent)
    assert pending == {f"u{i:02d}@example.org" for i in range(11, 30)}
    db.close()


def _message(to):
    rendered = RenderedDigest("1 new inspection: Longshan Carbon", "Text part\n", "<p>HTML part</p>\n")
    links = UnsubscribeLinks(https="https://iw.example.org/u?t=abc",
                             mailto="mailto:u@iw.example.org?subject=t")
    return build_message(rendered, sender="inspectwatch <digest@iw.example.org>", to=to, links=links, now=NOW)


@pytest.mark.parametrize("to", ["ana@example.org", "安娜@例子.中国"])  # a digest goes to one plain address
def test_a_wire_carries_what_send_message_transmits(tmp_path, to):
    message = _message(to)
    message.set_boundary("b")  # send_message flattens a copy: a boundary it picked would be lost
    with local_smtp(smtputf8=True) as (port, handler):
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.send_message(message)
        with Mailer(sample_config(tmp_path, smtp_port=port).settings.smtp) as mailer:
            mailer.send(to_wire(message))
    standard, ours = handler.messages
    assert (ours.mail_from, ours.rcpt_tos) == (standard.mail_from, standard.rcpt_tos)
    assert ours.data == standard.data


def test_a_non_ascii_address_needs_smtputf8(tmp_path):
    message = to_wire(_message("安娜@例子.中国"))
    with local_smtp() as (port, handler):
        mailer = Mailer(sample_config(tmp_path, smtp_port=port).settings.smtp)
        with mailer, pytest.raises(MessageRejected, match="SMTPUTF8"):
            mailer.send(message)
    assert handler.messages == []


ORPHAN_PARENT = """
import os, sys, time
from notifier.parallel import forked_map

def big(n):
    open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
    return b"x" * (4 << 20)  # more than a widened pipe holds: the worker waits in send()

results = forked_map(big, list(range(8)), 2)
next(results)
print("ready", flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie (an orphan's new parent may not reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers are used on Linux only")
def test_workers_exit_when_the_run_is_killed(tmp_path):
    """kill -9 of the process running forked_map, while its workers wait on full pipes: none survives."""
    marks = tmp_path / "workers"
    marks.mkdir()
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_PARENT, str(marks)], stdout=subprocess.PIPE,
                              cwd=Path(__file__).resolve().parents[1], text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        workers = [int(p.name) for p in marks.iterdir()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], "digest workers outlived the killed run"


class StalledSmtp(RecordingHandler):
    """Takes the first message and never answers: the run waits while its workers build ahead."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        await asyncio.sleep(60)
        return "451 too late"


@pytest.mark.skipif(worker_count(80) == 0, reason="digests are built in forked workers only with 2+ CPUs")
def test_kill9_of_a_digest_run_leaves_no_worker(tmp_path):
    """`inspectwatch digest` with forked workers, killed with SIGKILL mid-run: no worker survives."""
    from test_daemon import BIN, SECRET, add_subscribers, write_config

    db_url = f"sqlite:///{tmp_path / 'digest.db'}"
    seeded_database(db_url).close()
    # enough digests that the workers' 1 MB pipes fill while the server stalls (a digest is ~10 KB)
    add_subscribers(db_url, [f"r{i:03d}@example.org" for i in range(400)], ["topic:carbon OR Pingyin"])
    with local_smtp(StalledSmtp()) as (port, handler):
        config = write_config(tmp_path / "config", site_url="http://127.0.0.1:9", smtp_port=port,
                              sources={"demo-en": "1h"})
        env = {**os.environ, "INSPECTWATCH_SECRET": SECRET}
        run = subprocess.Popen([str(BIN), "--config", str(config), "--db", db_url, "digest"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while handler.count == 0 and run.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1)  # the workers build ahead until their pipes are full
            workers = [pid for pid in _group(run.pid) if pid != run.pid]
            assert handler.count == 1 and workers, "no digest run with workers to kill"
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            deadline = time.monotonic() + 10
            while _group(run.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            survivors = _group(run.pid)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
    assert survivors == [], f"digest workers outlived the killed run: {survivors}"


def _group(pgid: int) -> list[int]:
    """The live (not zombie) processes of process group ``pgid``."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            state, _ppid, group = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()[:3]
        except (OSError, ValueError):
            continue
        if int(group) == pgid and state != "Z":
            found.append(int(entry))
    return found
