"""Signing up with double opt-in: the form, the confirmation mail (aiosmtpd), the Confirm button,
token purposes and expiry, CSRF, rate limits, and one flow over a real uvicorn on loopback."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from itsdangerous import TimestampSigner
from sqlalchemy import update
from starlette.testclient import TestClient
from test_daemon import wait_for

from core.config import Settings, SmtpSettings
from core.db.engine import Database, utcnow
from core.db.models import SubscriberRow
from jobs.cli import cli
from jobs.demo.smtp import RecordingHandler, local_smtp
from notifier.subscribers import add_subscriber, list_subscribers, make_entry
from notifier.tokens import make_link_token
from notifier.unsubscribe import make_token
from notifier.web.app import WebContext, create_app
from notifier.web.database import open_web_database
from notifier.web.limits import WebLimits
from notifier.web.server import start_server

SECRET = "signup-test-secret"
FORM = {"email": "new@example.org", "watches": "carbon\norg:steel", "frequency": "daily", "send_at": "09:30",
        "weekday": "mon", "timezone": "Europe/Berlin", "language": "zh"}


@pytest.fixture
def smtp() -> Iterator[tuple[int, RecordingHandler]]:
    with local_smtp() as server:
        yield server


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'signup.db'}")
    yield database
    database.close()


def settings_for(port: int) -> Settings:
    return Settings(smtp=SmtpSettings(host="127.0.0.1", port=port, sender="iw <iw@example.org>"),
                    digest={"base_url": "https://iw.example.org/"})  # type: ignore[arg-type]


def make_client(db: Database, port: int, limits: WebLimits | None = None) -> TestClient:
    web_db = open_web_database(db.url, 500)
    web = WebContext(web_db, SECRET, limits or WebLimits(), settings=settings_for(port))
    return TestClient(create_app(web), raise_server_exceptions=False, base_url="https://iw.example.org")


@pytest.fixture
def client(db: Database, smtp: tuple[int, RecordingHandler]) -> Iterator[TestClient]:
    with make_client(db, smtp[0]) as test_client:
        yield test_client


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, page
    return found.group(1)


def sign_up(client: TestClient, **changes: str) -> httpx.Response:
    token = csrf_of(client.get("/subscribe").text)
    return client.post("/subscribe", data={**FORM, "csrf": token, **changes})


def statuses(db: Database) -> dict[str, str]:
    return {row.email: row.status for row in list_subscribers(db)}


def link_in(handler: RecordingHandler, index: int = -1) -> str:
    body = handler.messages[index].message().get_content()
    found = re.search(r"https://iw\.example\.org(/\S+)", body)
    assert found, body
    return found.group(1)


def test_sign_up_mails_a_link_and_only_the_button_confirms(db: Database, client: TestClient,
                                                          smtp: tuple[int, RecordingHandler]) -> None:
    reply = sign_up(client)
    assert reply.status_code == 200 and "Check your inbox" in reply.text
    assert statuses(db) == {"new@example.org": "pending"}
    [row] = list_subscribers(db)
    assert (row.watches, row.send_at, row.timezone, row.language) == (
        ["carbon", "org:steel"], "09:30", "Europe/Berlin", "zh")
    mail = smtp[1].messages[0].message()
    assert mail["To"] == "new@example.org" and "Confirm" in mail["Subject"]
    confirm = link_in(smtp[1])
    assert confirm.startswith("/confirm/")
    page = client.get(confirm)
    assert page.status_code == 200 and 'method="post"' in page.text and "new@example.org" in page.text
    assert statuses(db) == {"new@example.org": "pending"}  # a mail scanner's GET confirms nothing
    done = client.post(confirm, data={"csrf": csrf_of(page.text)})
    assert done.status_code == 200 and "new@example.org will receive digests" in done.text
    assert statuses(db) == {"new@example.org": "active"}
    assert re.search(r'href="/manage/[^"]+"', done.text)
    assert len(smtp[1].messages) == 1


def test_the_page_is_the_same_whether_or_not_the_address_is_known(db: Database, client: TestClient,
                                                                 smtp: tuple[int, RecordingHandler]) -> None:
    add_subscriber(db, make_entry("known@example.org", ["steel"]))
    unknown = sign_up(client, email="unknown@example.org")
    known = sign_up(client, email="known@example.org")
    assert (known.status_code, known.text) == (unknown.status_code, unknown.text)
    assert statuses(db) == {"known@example.org": "active", "unknown@example.org": "pending"}
    [to_unknown, to_known] = [m.message() for m in smtp[1].messages]
    assert to_unknown["To"] == "unknown@example.org" and link_in(smtp[1], 0).startswith("/confirm/")
    assert to_known["To"] == "known@example.org" and link_in(smtp[1], 1).startswith("/manage/")
    assert [row.watches for row in list_subscribers(db) if row.email == "known@example.org"] == [["steel"]]


def test_bad_watches_and_addresses_are_shown_inline_and_escaped(db: Database, client: TestClient,
                                                               smtp: tuple[int, RecordingHandler]) -> None:
    reply = sign_up(client, email="not-an-address", watches='carbon\n(steel "<script>')
    assert reply.status_code == 400
    assert "email:" in reply.text and "&lt;script&gt;" in reply.text and "<script>" not in reply.text
    assert re.search(r"<pre>watch .*\n.*\n\s*\^</pre>", reply.text), reply.text  # the caret under the fault
    assert "not-an-address" in reply.text  # what was typed is kept for correcting
    assert statuses(db) == {} and smtp[1].messages == []


def test_a_form_without_its_csrf_token_changes_nothing(db: Database, client: TestClient,
                                                       smtp: tuple[int, RecordingHandler]) -> None:
    client.get("/subscribe")
    assert client.post("/subscribe", data=FORM).status_code == 403
    assert client.post("/subscribe", data={**FORM, "csrf": "0" * 64}).status_code == 403
    other = TestClient(client.app, base_url="https://iw.example.org")  # a token from another browser
    foreign = csrf_of(other.get("/subscribe").text)
    assert client.post("/subscribe", data={**FORM, "csrf": foreign}).status_code == 403
    assert statuses(db) == {} and smtp[1].messages == []


def test_forged_expired_and_wrong_purpose_tokens_are_refused(db: Database, client: TestClient,
                                                            smtp: tuple[int, RecordingHandler],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    sign_up(client)
    [row] = list_subscribers(db)
    now = time.time()
    eight_days_ago = int(now - timedelta(days=8).total_seconds())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: eight_days_ago)
    expired = make_link_token(SECRET, "confirm", row.id, row.email)
    monkeypatch.undo()
    tokens = {
        "forged": make_link_token("not-the-secret", "confirm", row.id, row.email),
        "manage": make_link_token(SECRET, "manage", row.id, row.email),
        "feed": make_link_token(SECRET, "feed", row.id, row.email),
        "unsubscribe": make_token(SECRET, row.id, row.email),
        "expired": expired,
    }
    csrf = csrf_of(client.get("/subscribe").text)
    for name, token in tokens.items():
        assert client.get(f"/confirm/{token}").status_code == 403, name
        assert client.post(f"/confirm/{token}", data={"csrf": csrf}).status_code == 403, name
    nobody = make_link_token(SECRET, "confirm", row.id + 1, row.email)  # signed by us, names no subscriber
    assert client.post(f"/confirm/{nobody}", data={"csrf": csrf}).status_code == 403
    assert statuses(db) == {"new@example.org": "pending"}


def test_rate_limits_per_address_send_no_more_mail_and_per_client_answer_429(
        db: Database, smtp: tuple[int, RecordingHandler]) -> None:
    limits = WebLimits(signup_per_client="4/hour", signup_per_address="2/day")
    with make_client(db, smtp[0], limits) as client:
        pages = [sign_up(client).text for _ in range(3)]
        assert pages[0] == pages[1] == pages[2]  # the third is not told apart
        assert len(smtp[1].messages) == 2
        assert sign_up(client, email="fourth@example.org").status_code == 200
        refused = sign_up(client, email="fifth@example.org")
        assert refused.status_code == 429 and refused.headers["Retry-After"] == "3600"
    assert sorted(statuses(db)) == ["fourth@example.org", "new@example.org"]


def test_sign_ups_never_confirmed_go_after_seven_days(db: Database, client: TestClient) -> None:
    sign_up(client, email="old@example.org")
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).values(updated_at=utcnow() - timedelta(days=8)))
    sign_up(client, email="new@example.org")
    assert statuses(db) == {"new@example.org": "pending"}


def test_sign_up_and_confirm_over_a_real_server(db: Database, smtp: tuple[int, RecordingHandler]) -> None:
    server = start_server(db, SECRET, "127.0.0.1", 0, settings=settings_for(smtp[0]))
    try:
        with httpx.Client(base_url=server.url, timeout=30) as browser:
            form = browser.get("/subscribe")
            assert form.headers["set-cookie"].startswith("iw_csrf=") and "samesite=strict" in (
                form.headers["set-cookie"].lower())
            reply = browser.post("/subscribe", data={**FORM, "csrf": csrf_of(form.text)})
            assert reply.status_code == 200
            wait_for(lambda: smtp[1].messages, 30, "the confirmation mail (sent after the answer)")
            confirm = link_in(smtp[1])
            page = browser.get(confirm)
            done = browser.post(confirm, data={"csrf": csrf_of(page.text)})
            assert done.status_code == 200
    finally:
        server.stop()
    assert statuses(db) == {"new@example.org": "active"}


def test_the_operator_sees_web_sign_ups_as_pending(db: Database, client: TestClient) -> None:
    sign_up(client)
    add_subscriber(db, make_entry("known@example.org", ["steel"]))
    listed = CliRunner().invoke(cli, ["--db", db.url, "subscribers", "list", "--status", "pending"])
    assert listed.exit_code == 0, listed.output
    assert "new@example.org  [pending]" in listed.output and "known@example.org" not in listed.output


def test_the_server_removes_stale_sign_ups_without_waiting_for_another(
        db: Database, smtp: tuple[int, RecordingHandler]) -> None:
    with make_client(db, smtp[0]) as client:
        sign_up(client, email="old@example.org")
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).values(updated_at=utcnow() - timedelta(days=8)))
    add_subscriber(db, make_entry("kept@example.org", ["steel"]))
    server = start_server(db, SECRET, "127.0.0.1", 0, settings=settings_for(smtp[0]))
    try:
        wait_for(lambda: "old@example.org" not in statuses(db), 30, "the sweep at start")
    finally:
        server.stop()
    assert statuses(db) == {"kept@example.org": "active"}
