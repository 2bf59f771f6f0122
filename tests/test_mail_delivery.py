"""Digests delivered to a real aiosmtpd server on loopback: structure, headers, ledger, failures."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.message import EmailMessage

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import SAMPLE_TOPICS, sample_config, seeded_database
from sites.server import free_port
from sqlalchemy import select, update

from core.addresses import AddressError
from core.config import SubscriberConfig
from core.db.engine import utcnow
from core.db.models import Delivery, SubscriberRow
from core.records import Article, Visit
from core.store import save_article
from jobs.cli import cli
from jobs.demo.smtp import RecordingHandler, local_smtp
from notifier.delivery import send_due_digests
from notifier.ledger import MAX_ATTEMPTS
from notifier.match_queue import queue_new_matches
from notifier.message import build_message
from notifier.subscribers import import_subscribers
from notifier.unsubscribe import SecretMissing, read_token

SECRET = "test-secret"
NOW = datetime(2023, 3, 30, 1, 0)


@pytest.fixture
def db(tmp_path):
    database = seeded_database(f"sqlite:///{tmp_path / 'mail.db'}")
    yield database
    database.close()


def subscribe(db, *entries):
    import_subscribers(db, [SubscriberConfig(email=e, watches=w, frequency="immediate") for e, w in entries],
                       now=utcnow())
    return queue_new_matches(db, SAMPLE_TOPICS, NOW)


def states(db):
    with db.session() as session:
        rows = session.scalars(select(Delivery))
        return sorted((d.subscriber_id, d.visit_id, d.state, d.attempts) for d in rows)


def test_digest_structure_headers_and_content(db, tmp_path):
    subscribe(db, ("ana@example.org", ["topic:carbon", "place:Pingyin"]), ("bo@example.org", ["org:steel"]))
    with local_smtp() as (port, handler):
        report = send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET)
    assert (report.digests_sent, report.visits_delivered, report.failures) == (2, 3, 0)
    by_rcpt = {m.rcpt_tos[0]: m for m in handler.messages}
    ana = by_rcpt["ana@example.org"].message()
    assert ana.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in ana.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in ana.iter_parts())
    assert ana["Subject"] == "Liu Qiang inspected Longshan Carbon (Pingyin)"  # one event, two reports
    assert ana["From"] == "inspectwatch <digest@iw.example.org>" and ana["To"] == "ana@example.org"
    assert ana["Message-ID"].endswith("@iw.example.org>") and ana["Date"]
    assert ana["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = [v.strip(" <>") for v in ana["List-Unsubscribe"].split(",")]
    assert https.startswith("https://iw.example.org/unsubscribe?token=") and mailto.startswith("mailto:")
    assert read_token(SECRET, https.split("token=")[1]).email == "ana@example.org"
    html = ana.get_body(("html",)).get_content()
    text = ana.get_body(("plain",)).get_content()
    assert ".visit h4 a {" not in html  # CSS inlined:
    assert re.search('class="visit" lang="en" id="visit-[0-9]+" style="margin: 8px 0 16px', html)
    assert "max-width: 640px" in html
    for part in (re.sub("<[^>]+>", "", html), text):  # Chinese and English side by side, only the matches
        assert "刘强到平阴县、长清区调研" in part and "Liu Qiang conducts investigations" in part
        assert "Yu Haitian" not in part
    for term in ("Pingyin", "炭素", "graphite"):
        assert re.search(f"<mark[^>]*>{term}</mark>", html), term
    # the English edition and the Chinese original are one event: their matches are joined
    assert "Matches your watches “carbon”: carbon, graphite, 炭素; “place:Pingyin”: Pingyin, 平阴县" in (
        " ".join(text.split()))
    bo = by_rcpt["bo@example.org"].message()
    assert bo["Subject"] == "Yu Haitian inspected Laiwu Steel (Laiwu)"
    assert states(db) == [(1, 1, "sent", 0), (1, 3, "sent", 0), (2, 2, "sent", 0)]


def test_each_reader_gets_the_digest_in_their_language(db, tmp_path):
    """``language`` zh gives Chinese labels, dates and subject; without it, a first watch written in
    Chinese does; an English watch keeps English."""
    import_subscribers(db, [
        SubscriberConfig(email="zh@example.org", watches=["place:Pingyin"], frequency="immediate",
                         language="zh"),
        SubscriberConfig(email="cjk@example.org", watches=["official:刘强"], frequency="immediate"),
        SubscriberConfig(email="en@example.org", watches=["official:刘强"], frequency="immediate",
                         language="en"),
    ], now=utcnow())
    queue_new_matches(db, SAMPLE_TOPICS, NOW)
    with local_smtp() as (port, handler):
        send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET)
    by_rcpt = {m.rcpt_tos[0]: m.message() for m in handler.messages}
    for address in ("zh@example.org", "cjk@example.org"):
        message = by_rcpt[address]
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "调研" in message["Subject"] and "== 2023年3月29日 星期三 ==" in text
        assert "陪同" in text and "Accompanied by" not in text and '<html lang="zh">' in html
        assert "Asia/Shanghai (UTC+8)" in text and "CST" not in text
        assert "&lang=zh>" in message["List-Unsubscribe"]  # the unsubscribe pages speak Chinese too
    english = by_rcpt["en@example.org"]
    assert english["Subject"] == "Liu Qiang inspected Longshan Carbon (Pingyin)"
    assert "== Wednesday, 29 March 2023 ==" in english.get_body(("plain",)).get_content()


def test_nothing_matching_no_email_and_nothing_sent_twice(db, tmp_path):
    subscribe(db, ("ana@example.org", ["topic:carbon"]), ("cy@example.org", ["mining"]))
    with local_smtp() as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        send_due_digests(db, config, NOW, secret=SECRET)
        again = send_due_digests(db, config, NOW + timedelta(minutes=5), secret=SECRET)
    assert [m.rcpt_tos for m in handler.messages] == [["ana@example.org"]]
    assert again.digests_sent == 0


def test_server_down_then_up_loses_nothing_and_doubles_nothing(db, tmp_path):
    subscribe(db, ("ana@example.org", ["topic:carbon"]), ("bo@example.org", ["steel"]))
    port = free_port()
    config = sample_config(tmp_path, smtp_port=port)
    down = send_due_digests(db, config, NOW, secret=SECRET)
    assert (down.digests_sent, down.failures, down.deferred) == (0, 1, 1)
    assert "cannot connect" in down.errors[0]
    assert states(db) == [(1, 1, "pending", 1), (1, 3, "pending", 1), (2, 2, "pending", 0)]
    with local_smtp(port=port) as (_, handler):
        early = send_due_digests(db, config, NOW + timedelta(minutes=1), secret=SECRET)  # ana backs off
        later = send_due_digests(db, config, NOW + timedelta(minutes=6), secret=SECRET)
        last = send_due_digests(db, config, NOW + timedelta(hours=1), secret=SECRET)
    assert [d.email for d in early.digests] == ["bo@example.org"]
    assert [d.email for d in later.digests] == ["ana@example.org"]
    assert last.digests == []
    assert sorted(m.rcpt_tos[0] for m in handler.messages) == ["ana@example.org", "bo@example.org"]
    assert [s[2] for s in states(db)] == ["sent", "sent", "sent"]


def test_temporary_failures_back_off_then_give_up(db, tmp_path):
    subscribe(db, ("ana@example.org", ["steel"]))
    at = NOW
    with local_smtp(RecordingHandler(defer="451 4.3.0 try again later")) as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            report = send_due_digests(db, config, at, secret=SECRET)
            assert report.failures == 1 and "451" in report.errors[0]
            with db.session() as session:
                row = session.scalar(select(Delivery))
            assert row.attempts == attempt
            assert send_due_digests(db, config, at + timedelta(seconds=1), secret=SECRET).digests == []
            at = (row.next_attempt_at or at) + timedelta(seconds=1)
    assert row.state == "failed" and report.gave_up == 1
    assert handler.messages == []


def test_permanent_recipient_failure_marks_subscriber_bouncing(db, tmp_path):
    subscribe(db, ("gone@example.org", ["steel"]), ("bo@example.org", ["Laiwu"]))
    handler = RecordingHandler(refuse={"gone@example.org": "550 5.1.1 no such user"})
    with local_smtp(handler) as (port, _):
        report = send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET)
    assert (report.bounced, report.digests_sent) == (1, 1)  # the connection went on to the next one
    with db.session() as session:
        statuses = {s.email: s.status for s in session.scalars(select(SubscriberRow))}
    assert statuses == {"gone@example.org": "bouncing", "bo@example.org": "active"}
    assert [m.rcpt_tos for m in handler.messages] == [["bo@example.org"]]



def test_a_bad_address_in_the_database_holds_up_no_one_else(db, tmp_path):
    """Addresses stored before the rule (an old database) are marked invalid; the others get theirs."""
    subscribe(db, ("ana@example.org", ["carbon"]), ("bad1@example.org", ["carbon"]),
              ("bad2@example.org", ["steel"]), ("cy@example.org", ["steel"]))
    bad = {"bad1@example.org": "a,b@example.org", "bad2@example.org": "a:victim@example.com"}
    with db.session() as session, session.begin():
        for old, new in bad.items():
            session.execute(update(SubscriberRow).where(SubscriberRow.email == old).values(email=new))
    with local_smtp() as (port, handler):
        report = send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET)
    assert [m.rcpt_tos for m in handler.messages] == [["ana@example.org"], ["cy@example.org"]]
    assert (report.digests_sent, report.failures) == (2, 0)
    assert len(report.errors) == 2 and all("marked invalid" in e for e in report.errors)
    with db.session() as session:
        statuses = {s.email: s.status for s in session.scalars(select(SubscriberRow))}
        left = {d.subscriber_id for d in session.scalars(select(Delivery).where(Delivery.state == "pending"))}
    assert statuses == {"ana@example.org": "active", "a,b@example.org": "invalid",
                        "a:victim@example.com": "invalid", "cy@example.org": "active"}
    assert left == {2, 3}  # their visits wait for a corrected address
    listing = CliRunner().invoke(cli, ["--config", str(tmp_path), "--db", db.url, "subscribers", "list",
                                       "--status", "invalid"])
    assert listing.exit_code == 0, listing.output
    assert "a,b@example.org  [invalid]" in listing.output
    assert "a:victim@example.com  [invalid]" in listing.output
    status = CliRunner().invoke(cli, ["--config", str(tmp_path), "--db", db.url, "status"])
    assert status.exit_code == 0, status.output
    assert re.search(r"a,b@example\.org\s+.?\s*invalid", status.output), status.output


def test_previewing_an_invalid_stored_address_is_an_error_not_a_traceback(db, tmp_path):
    from notifier.delivery import preview_digest

    subscribe(db, ("bo@example.org", ["steel"]))
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).values(email="a:victim@example.com"))
    with pytest.raises(LookupError, match="'a:victim@example.com': invalid address"):
        preview_digest(db, sample_config(tmp_path), "a:victim@example.com", NOW, tmp_path / "p.html")
    assert not (tmp_path / "p.html").exists()

@pytest.mark.parametrize("to", ["a:victim@example.com", "a,b@example.org", "Ana <ana@example.org>",
                                "ana@example.org, bo@example.org"])
def test_a_message_goes_to_one_valid_address_or_is_not_built(to):
    from tests.test_digest_render import NOW as RENDER_NOW
    from tests.test_digest_render import render_digest, sample_context

    context, links = sample_context()
    with pytest.raises(AddressError, match="expected one email address"):
        build_message(render_digest(context), sender="inspectwatch <digest@iw.example.org>", to=to,
                      links=links, now=RENDER_NOW)

def test_scraped_text_cannot_inject_headers_or_html(db, tmp_path):
    save_article(db, Article(url="javascript:alert(1)", source="evil\r\nX-Evil: 1", language="en",
                             title="Steel plant visit\r\nBcc: x@y.example <script>alert(1)</script>", text="",
                             visits=[Visit(regions=["Laiwu District"],
                                           emphasized=["<img src=x onerror=1>"])]))
    subscribe(db, ("ana@example.org", ['"plant visit"']))
    with local_smtp() as (port, handler):
        send_due_digests(db, sample_config(tmp_path, smtp_port=port), NOW, secret=SECRET)
    received = handler.messages[0]
    assert received.rcpt_tos == ["ana@example.org"]
    headers = received.data.split(b"\r\n\r\n", 1)[0].decode()
    assert "\nBcc:" not in headers and "\nX-Evil" not in headers
    message = received.message()
    assert message["Bcc"] is None
    assert message["Subject"] == "Inspection at Laiwu District"
    html = message.get_body(("html",)).get_content()
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "javascript:" not in html


def test_outbox_copy_to_and_missing_secret(db, tmp_path, monkeypatch):
    subscribe(db, ("ana@example.org", ["steel"]))
    config = sample_config(tmp_path)
    monkeypatch.delenv("INSPECTWATCH_SECRET", raising=False)
    dry = send_due_digests(db, config, NOW, dry_run=True)  # no secret needed to list
    assert [(d.email, d.visits) for d in dry.digests] == [("ana@example.org", 1)]
    with pytest.raises(SecretMissing, match="INSPECTWATCH_SECRET"):
        send_due_digests(db, config, NOW, outbox=tmp_path / "out")
    report = send_due_digests(db, config, NOW, outbox=tmp_path / "out", secret=SECRET,
                              copy_to=tmp_path / "copy")
    assert report.digests_sent == 1
    assert [p.name for p in sorted((tmp_path / "out").iterdir())] == ["0001-ana@example.org.eml"]
    assert sorted(p.name for p in (tmp_path / "copy").iterdir()) == ["1-ana@example.org.eml",
                                                                    "1-ana@example.org.html"]


def test_force_sends_daily_subscribers_now(db, tmp_path):
    import_subscribers(db, [SubscriberConfig(email="ana@example.org", watches=["steel"], frequency="weekly")],
                       now=utcnow())
    queue_new_matches(db, SAMPLE_TOPICS, NOW)
    with local_smtp() as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        assert send_due_digests(db, config, NOW, secret=SECRET).digests_sent == 0
        assert send_due_digests(db, config, NOW, secret=SECRET, force=True).digests_sent == 1
    assert len(handler.messages) == 1


LONG_LINE = "carbon " * 40
BODIES = ["short ascii\n", "短的中文\n", LONG_LINE + "\n" + "x" * 200 + " \n\tend\t",
          "中文很长的一行" * 30 + "\nsecond line", "<p style=\"a: b;\">" + "é=" * 90 + "</p>\r\n" * 12,
          "a line\n.\n. \nFrom here\n" + "=" * 100, ""]


def _both(text: str, subtype: str) -> tuple[EmailMessage, EmailMessage]:
    """The same two-part message built with build_message's content manager and with the standard one."""
    from notifier.message import MAIL_POLICY, TEXT_CONTENT

    ours, theirs = EmailMessage(policy=MAIL_POLICY), EmailMessage(policy=MAIL_POLICY)
    ours["Subject"] = theirs["Subject"] = "长的主题 " * 20
    ours.set_content(text, subtype=subtype, charset="utf-8", content_manager=TEXT_CONTENT)
    theirs.set_content(text, subtype=subtype, charset="utf-8")
    ours.add_alternative(text[::-1], subtype="html", charset="utf-8", content_manager=TEXT_CONTENT)
    theirs.add_alternative(text[::-1], subtype="html", charset="utf-8")
    return ours, theirs


def _check_encoding(text: str, subtype: str) -> None:
    from email import message_from_bytes
    from email.policy import default

    from core.mail import message_bytes

    ours, theirs = _both(text, subtype)
    parsed = message_from_bytes(message_bytes(ours), policy=default)
    expected = message_from_bytes(theirs.as_bytes(), policy=default)
    for mine, standard, part, want in zip(ours.iter_parts(), theirs.iter_parts(), parsed.iter_parts(),
                                          expected.iter_parts(), strict=True):
        assert mine["Content-Transfer-Encoding"] == standard["Content-Transfer-Encoding"]
        assert part.get_content() == want.get_content()
        if mine["Content-Transfer-Encoding"] == "quoted-printable":
            assert max(len(line) for line in mine.get_payload().splitlines()) <= 76


def test_the_fast_encoder_chooses_like_the_standard_library_and_decodes_to_the_same_text():
    for text in BODIES:
        for subtype in ("plain", "html"):
            _check_encoding(text, subtype)


@given(st.lists(st.sampled_from(["a", "carbon ", " ", "\t", "=", ".", "\n", "\r\n", "中文", "é", "\u3000",
                                 "From ", "x" * 70]), max_size=60).map("".join))
@settings(max_examples=150, deadline=None)
def test_the_fast_encoder_round_trips_any_text(text):
    _check_encoding(text, "html")


def test_message_bytes_are_the_standard_librarys_bytes():
    from core.mail import message_bytes

    for text in BODIES:
        ours, _ = _both(text, "plain")
        data = message_bytes(ours)  # picks the boundary
        assert data == ours.as_bytes(), text


def test_a_new_boundary_that_occurs_in_the_text_is_replaced(monkeypatch):
    import email.generator

    from core.mail import _Generator

    monkeypatch.setattr(email.generator.random, "randrange", lambda _limit: 7)
    boundary = _Generator._make_boundary()
    assert _Generator._make_boundary(b"no dashes here") == boundary
    assert _Generator._make_boundary(f"x\r\n--{boundary}x\r\n".encode()) == boundary  # not a whole line
    assert _Generator._make_boundary(f"x\n--{boundary}\ny".encode()) == boundary + ".0"


def test_a_digest_moves_the_schedule_only_when_nothing_is_left_pending(db, tmp_path):
    from sqlalchemy import update

    from notifier.schedule import next_slot

    import_subscribers(db, [SubscriberConfig(email="ana@example.org", watches=["topic:carbon"],
                                             frequency="daily")], now=utcnow())
    queue_new_matches(db, SAMPLE_TOPICS, NOW)
    with db.session() as session, session.begin():  # one row waits for a retry
        session.execute(update(Delivery).where(Delivery.visit_id == 3)
                        .values(next_attempt_at=NOW + timedelta(hours=2)))
        before = session.scalar(select(SubscriberRow.next_digest_at))

    def subscriber():
        with db.session() as session:
            return session.scalar(select(SubscriberRow))

    with local_smtp() as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        assert send_due_digests(db, config, NOW, secret=SECRET, force=True).visits_delivered == 1
        row = subscriber()
        assert (row.last_digest_at, row.next_digest_at) == (NOW, before)  # a row still pending
        later = NOW + timedelta(hours=3)
        assert send_due_digests(db, config, later, secret=SECRET, force=True).visits_delivered == 1
        row = subscriber()
        assert row.last_digest_at == later
        assert row.next_digest_at == next_slot("daily", row.send_at, row.weekday, row.timezone, later)
    assert len(handler.messages) == 2 and [s[2] for s in states(db)] == ["sent", "sent"]
