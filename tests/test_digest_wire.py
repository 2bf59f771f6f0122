"""Messages handed to SMTP as a Wire, and a digest run killed mid-send leaving no process behind."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import smtplib
import subprocess
import time
from datetime import datetime

import pytest
from samples import sample_config, seeded_database
from sqlalchemy import select
from test_crash import live_group

from core.db.engine import Database, utcnow
from core.db.models import Delivery
from core.mail import Mailer, MessageRejected, to_wire
from jobs.demo.smtp import RecordingHandler, local_smtp
from notifier.delivery import send_due_digests
from notifier.message import build_message
from notifier.render import RenderedDigest
from notifier.unsubscribe import UnsubscribeLinks

SECRET = "test-secret"
NOW = datetime(2023, 3, 30, 1, 0)
def _ledger(db):
    with db.session() as session:
        query = select(Delivery.subscriber_id, Delivery.visit_id, Delivery.state)
        return sorted(session.execute(query).all())


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


class StalledSmtp(RecordingHandler):
    """Takes the first message and never answers: the run waits while its workers build ahead."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        await asyncio.sleep(60)
        return "451 too late"


def test_kill9_of_a_digest_run_leaves_no_process(tmp_path):
    """`inspectwatch digest`, killed with SIGKILL while the server holds a message: nothing survives it,
    and the next run sends every digest, repeating at most the one in flight."""
    from test_daemon import BIN, SECRET, add_subscribers, write_config

    db_url = f"sqlite:///{tmp_path / 'digest.db'}"
    seeded_database(db_url).close()
    add_subscribers(db_url, [f"r{i:03d}@example.org" for i in range(20)], ["topic:carbon OR Pingyin"])
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
            assert handler.count == 1, "no digest run to kill"
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            deadline = time.monotonic() + 10
            while live_group(run.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            survivors = live_group(run.pid)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
    assert survivors == [], f"processes outlived the killed run: {survivors}"
    db = Database(db_url)
    with local_smtp() as (port, handler):
        report = send_due_digests(db, sample_config(tmp_path, smtp_port=port), utcnow(), secret=SECRET)
    assert report.digests_sent in (19, 20)  # the one in flight may go again, no other
    assert all(state == "sent" for *_ids, state in _ledger(db))

