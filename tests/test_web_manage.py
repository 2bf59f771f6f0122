"""`/manage/<token>`: a subscriber edits watches and schedule with the link alone; CSRF, token purposes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from core.db.engine import Database
from core.db.models import SubscriberRow
from notifier.subscribers import add_subscriber, list_subscribers, make_entry, remove_subscriber
from notifier.tokens import make_link_token
from notifier.unsubscribe import make_token
from notifier.web.app import WebContext, create_app
from notifier.web.database import open_web_database
from notifier.web.limits import WebLimits

SECRET = "manage-test-secret"
EDIT = {"watches": "steel\nplace:Pingyin", "frequency": "weekly", "send_at": "07:15", "weekday": "fri",
        "timezone": "Asia/Tokyo", "language": "en"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'manage.db'}")
    add_subscriber(database, make_entry("ana@example.org", ["carbon"], send_at="08:00"))
    add_subscriber(database, make_entry("bo@example.org", ["cement"]))
    yield database
    database.close()


@pytest.fixture
def client(db: Database) -> Iterator[TestClient]:
    web_db = open_web_database(db.url, 500)
    with TestClient(create_app(WebContext(web_db, SECRET, WebLimits())), raise_server_exceptions=True) as c:
        yield c
    web_db.close()


def ana(db: Database) -> SubscriberRow:
    return next(row for row in list_subscribers(db) if row.email == "ana@example.org")


def manage_url(db: Database, purpose: str = "manage") -> str:
    row = ana(db)
    return f"/manage/{make_link_token(SECRET, purpose, row.id, row.email)}"  # type: ignore[arg-type]


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, page
    return found.group(1)


def settings(row: SubscriberRow) -> tuple[object, ...]:
    return (row.watches, row.frequency, row.send_at, row.weekday, row.timezone, row.language, row.status)


def test_the_link_shows_the_settings_and_saves_new_ones(db: Database, client: TestClient) -> None:
    url = manage_url(db)
    page = client.get(url)
    assert page.status_code == 200 and "ana@example.org" in page.text
    assert re.search(r"<textarea[^>]*>carbon</textarea>", page.text)
    assert re.search(r'href="/feed/[^"]+\.atom"', page.text) and 'href="/unsubscribe?token=' in page.text
    saved = client.post(url, data={**EDIT, "csrf": csrf_of(page.text), "email": "mallory@example.org"})
    assert saved.status_code == 200 and "Saved" in saved.text
    assert settings(ana(db)) == (["steel", "place:Pingyin"], "weekly", "07:15", "fri", "Asia/Tokyo", "en",
                                 "active")
    assert {row.email for row in list_subscribers(db)} == {"ana@example.org", "bo@example.org"}
    bo = next(row for row in list_subscribers(db) if row.email == "bo@example.org")
    assert bo.watches == ["cement"]


def test_a_post_without_the_csrf_token_changes_nothing(db: Database, client: TestClient) -> None:
    url = manage_url(db)
    before = settings(ana(db))
    client.get(url)
    assert client.post(url, data=EDIT).status_code == 403
    assert client.post(url, data={**EDIT, "csrf": "f" * 64}).status_code == 403
    assert settings(ana(db)) == before


def test_a_watch_that_does_not_parse_comes_back_with_its_caret(db: Database, client: TestClient) -> None:
    url = manage_url(db)
    before = settings(ana(db))
    csrf = csrf_of(client.get(url).text)
    reply = client.post(url, data={**EDIT, "watches": "steel\nsteel OR", "csrf": csrf})
    assert reply.status_code == 400
    assert re.search(r"<pre>watch &#39;steel OR&#39;: .*\n\s+steel OR\n\s+\^</pre>", reply.text), reply.text
    assert "steel\nsteel OR</textarea>" in reply.text
    assert settings(ana(db)) == before


def test_other_purposes_forged_and_outdated_tokens_are_refused(db: Database, client: TestClient) -> None:
    row = ana(db)
    csrf = csrf_of(client.get(manage_url(db)).text)
    before = settings(row)
    refused = {
        "confirm": manage_url(db, "confirm"),
        "feed": manage_url(db, "feed"),
        "unsubscribe": f"/manage/{make_token(SECRET, row.id, row.email)}",
        "forged": f"/manage/{make_link_token('guess', 'manage', row.id, row.email)}",
        "other address": f"/manage/{make_link_token(SECRET, 'manage', row.id, 'bo@example.org')}",
    }
    for name, url in refused.items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, data={**EDIT, "csrf": csrf}).status_code == 403, name
    assert settings(ana(db)) == before


def test_saving_keeps_an_unsubscribed_subscriber_unsubscribed(db: Database, client: TestClient) -> None:
    url = manage_url(db)
    remove_subscriber(db, "ana@example.org")
    page = client.get(url)
    assert "Unsubscribed" in page.text
    assert client.post(url, data={**EDIT, "csrf": csrf_of(page.text)}).status_code == 200
    assert settings(ana(db))[-1] == "unsubscribed"
