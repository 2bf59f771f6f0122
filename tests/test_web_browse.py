"""`GET /`: recent visits newest first, paged, searched with the watch language; caret errors inline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from core.db.engine import Database
from core.records import Article, Official, Stop, Visit
from core.store import save_article
from notifier.web import browse
from notifier.web.app import WebContext, create_app
from notifier.web.database import open_web_database
from notifier.web.limits import WebLimits

TOPICS = {"steel": ["steel", "钢铁"]}


def article(n: int, *, stop: str = "Acme Plant", official: str = "Li Wei", zh: bool = False) -> Article:
    visit = Visit(date=f"2024-03-{n:02d}", officials=[Official(official, "mayor")],
                  regions=["Pingyin County"], stops=[Stop(stop, "enterprise")],
                  emphasized=["Work must be done well."])
    return Article(url=f"https://news.example.cn/{n}.html", title=f"Visit number {n:02d}", text="...",
                   language="zh" if zh else "en", published=f"2024-03-{n:02d}", source="example-en",
                   visits=[visit])


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'browse.db'}")
    yield database
    database.close()


@pytest.fixture
def client(db: Database) -> Iterator[TestClient]:
    web_db = open_web_database(db.url, 500)
    app = create_app(WebContext(web_db, "secret", WebLimits(), TOPICS))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    web_db.close()


def titles(page: str) -> list[str]:
    return re.findall(r"Visit number (\d\d)", page)


def test_recent_visits_newest_first_with_links_to_their_sources(db: Database, client: TestClient) -> None:
    for n in (3, 1, 2):
        save_article(db, article(n))
    reply = client.get("/")
    assert reply.status_code == 200
    assert titles(reply.text) == ["03", "02", "01"]
    assert 'href="https://news.example.cn/3.html"' in reply.text
    assert "Li Wei" in reply.text and "Acme Plant" in reply.text


def test_pages_hold_a_page_size_each_and_link_to_the_next_and_previous(
        db: Database, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    for n in range(1, 6):
        save_article(db, article(n))
    first, second, last = (client.get(f"/?page={p}").text for p in (1, 2, 3))
    assert (sorted(set(titles(first)), reverse=True), sorted(set(titles(second)), reverse=True)) == (
        ["05", "04"], ["03", "02"])
    assert sorted(set(titles(last))) == ["01"]
    assert 'rel="next" href="/?page=2"' in first and 'rel="prev"' not in first
    assert 'rel="prev" href="/?page=2"' in last and 'rel="next"' not in last
    assert client.get("/?page=abc").status_code == 200  # a bad page number is page 1, not an error


def test_search_takes_the_watch_language_and_pages_its_results(db: Database, client: TestClient,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browse, "PAGE_SIZE", 1)
    monkeypatch.setattr(browse, "SCAN_BATCH", 2)  # matches spread over several reads of the store
    save_article(db, article(1, stop="Pingyin Steel Works"))
    save_article(db, article(2, stop="Longshan Carbon"))
    save_article(db, article(3, stop="Jinan Steel Group", official="Zhang San"))
    save_article(db, article(4, stop="Bakery"))
    first = client.get("/", params={"q": "org:steel"})
    assert first.status_code == 200 and set(titles(first.text)) == {"03"}
    assert "<mark>Steel</mark>" in first.text
    assert 'href="/?q=org%3Asteel&amp;page=2"' in first.text
    second = client.get("/", params={"q": "org:steel", "page": 2})
    assert set(titles(second.text)) == {"01"} and 'rel="next"' not in second.text
    assert set(titles(client.get("/", params={"q": "topic:steel -official:zhang"}).text)) == {"01"}


def test_a_search_that_does_not_parse_shows_the_caret_inline(client: TestClient) -> None:
    reply = client.get("/", params={"q": 'carbon OR (steel "<b>'})
    assert reply.status_code == 400
    error = re.search(r'<div class="error" role="alert">.*?<pre>(.*?)</pre>', reply.text, re.S)
    assert error is not None, reply.text
    lines = error.group(1).split("\n")
    assert "position" in lines[0] and lines[1].strip() == "carbon OR (steel &#34;&lt;b&gt;"
    assert lines[2].rstrip().endswith("^")
    assert "<b>" not in reply.text  # the watch is escaped wherever it is shown


def test_the_reader_language_comes_from_lang_or_accept_language(db: Database, client: TestClient) -> None:
    save_article(db, article(1))
    assert "最近的调研" in client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}).text
    assert "Recent visits" in client.get("/", headers={"Accept-Language": "de-DE,en;q=0.5"}).text
    assert "Recent visits" in client.get("/?lang=en", headers={"Accept-Language": "zh-CN"}).text
    assert '<html lang="zh">' in client.get("/?lang=zh").text
