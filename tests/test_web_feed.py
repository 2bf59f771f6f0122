"""`/feed/<token>.atom`: the visits matching a subscriber's watches, read back with feedparser; the
manage and feed links every digest carries."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from itsdangerous import TimestampSigner
from samples import SAMPLE_TOPICS, sample_config, seeded_database
from starlette.testclient import TestClient

from core.config import Settings, SubscriberConfig
from core.db.engine import Database
from core.db.models import SubscriberRow
from core.records import Article, Official, Stop, Visit
from core.store import save_article
from jobs.demo.smtp import local_smtp
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.subscribers import add_subscriber, import_subscribers, list_subscribers, make_entry
from notifier.tokens import make_link_token
from notifier.unsubscribe import make_token
from notifier.web.app import WebContext, create_app
from notifier.web.database import open_web_database
from notifier.web.limits import WebLimits

SECRET = "feed-test-secret"


def article(n: int, stop: str, title: str | None = None) -> Article:
    visit = Visit(date=f"2024-05-{n:02d}", officials=[Official("Li Wei", "Mayor")],
                  regions=["Pingyin County"], stops=[Stop(stop, "enterprise")])
    return Article(url=f"https://news.example.cn/{n}.html", title=title or f"Li Wei visits {stop}",
                   text="...", published=f"2024-05-{n:02d}", source="example-en", visits=[visit])


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'feed.db'}")
    add_subscriber(database, make_entry("ana@example.org", ["org:steel", "carbon"]))
    for n, stop in [(1, "Pingyin Steel Works"), (2, "Bakery"), (3, "Longshan Carbon"), (4, "Jinan Steel")]:
        save_article(database, article(n, stop))
    yield database
    database.close()


@pytest.fixture
def client(db: Database) -> Iterator[TestClient]:
    web_db = open_web_database(db.url, 500)
    settings = Settings(digest={"base_url": "https://iw.example.org"})  # type: ignore[arg-type]
    app = create_app(WebContext(web_db, SECRET, WebLimits(), settings=settings))
    with TestClient(app, base_url="https://iw.example.org") as test_client:
        yield test_client
    web_db.close()


def ana(db: Database) -> SubscriberRow:
    return list_subscribers(db)[0]


def feed_url(db: Database, purpose: str = "feed") -> str:
    row = ana(db)
    return f"/feed/{make_link_token(SECRET, purpose, row.id, row.email)}.atom"  # type: ignore[arg-type]


def test_the_feed_holds_the_matching_visits_newest_first(db: Database, client: TestClient) -> None:
    reply = client.get(feed_url(db))
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(reply.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert [e.title for e in parsed.entries] == [
        "Li Wei visits Jinan Steel", "Li Wei visits Longshan Carbon", "Li Wei visits Pingyin Steel Works"]
    assert parsed.entries[0].link == "https://news.example.cn/4.html"
    assert "Matched: org:steel" in parsed.entries[0].summary and "Mayor" in parsed.entries[0].summary
    assert "ana@example.org" in parsed.feed.title


def test_entry_ids_and_the_feed_url_stay_the_same_across_a_recrawl(db: Database, client: TestClient,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    url = feed_url(db)
    before = feedparser.parse(client.get(url).content)
    save_article(db, article(4, "Jinan Steel", title="Li Wei visits Jinan Steel (updated)"))
    later = int(time.time()) + 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    assert feed_url(db) == url  # a digest an hour later links the same feed (the token carries no time)
    monkeypatch.undo()
    after = feedparser.parse(client.get(url).content)
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert len(set(e.id for e in after.entries)) == 3
    assert after.entries[0].title == "Li Wei visits Jinan Steel (updated)"
    assert after.feed.id == before.feed.id


def test_markup_in_a_title_is_text_in_the_feed(db: Database, client: TestClient) -> None:
    save_article(db, article(5, "Steel <script>alert(1)</script> Co"))
    reply = client.get(feed_url(db))
    assert b"<script>" not in reply.content
    title = feedparser.parse(reply.content).entries[0].title
    assert title == "Li Wei visits Steel <script>alert(1)</script> Co"


def test_other_purposes_and_forged_tokens_get_no_feed(db: Database, client: TestClient) -> None:
    row = ana(db)
    for url in (feed_url(db, "manage"), feed_url(db, "confirm"),
                f"/feed/{make_token(SECRET, row.id, row.email)}.atom",
                f"/feed/{make_link_token('guess', 'feed', row.id, row.email)}.atom", "/feed/x.atom"):
        assert client.get(url).status_code == 403, url


def test_every_digest_links_to_its_manage_page_and_feed(tmp_path: Path) -> None:
    now = datetime(2023, 3, 30, 1, 0)
    database = seeded_database(f"sqlite:///{tmp_path / 'digest.db'}")
    import_subscribers(database, [SubscriberConfig(email="ana@example.org", watches=["carbon"],
                                                   frequency="immediate")], now=now)
    queue_new_matches(database, SAMPLE_TOPICS, now)
    with local_smtp() as (port, handler):
        config = sample_config(tmp_path, smtp_port=port)
        send_due_digests(database, config, now, secret=SECRET)
    [received] = handler.messages
    mail = received.message()
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    manage = re.search(r"https://iw\.example\.org(/manage/\S+)", text)
    feed = re.search(r"https://iw\.example\.org(/feed/\S+\.atom)", text)
    assert manage and feed, text
    assert f'href="https://iw.example.org{manage.group(1)}"' in html
    web_db = open_web_database(database.url, 500)
    app = create_app(WebContext(web_db, SECRET, WebLimits(), SAMPLE_TOPICS, config.settings))
    with TestClient(app, base_url="https://iw.example.org") as client:
        assert "ana@example.org" in client.get(manage.group(1)).text
        entries = feedparser.parse(client.get(feed.group(1)).content).entries
    web_db.close()
    database.close()
    assert entries and all("carbon" in (e.title + e.summary).lower() for e in entries)
