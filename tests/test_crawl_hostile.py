"""Hostile and broken input: malformed pages, oversize responses, decompression bombs, secrets in logs.

One crawl of one site whose list page links to every kind of bad page.
"""

from __future__ import annotations

import gzip
import logging
import random
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sites import generic
from sites.content import stories
from sites.harness import FAST, articles, config, source
from sites.server import Page, Site, serve

from core.config import SmtpSettings
from core.crawl_runs import SourceRunStats
from crawler.runner import crawl_sources

SECRET = "s3cr3t-Hunter2-smtp"
LIMIT = 64 * 1024
BAD = {
    "truncated": "<html><head><title>半截</title></head><body><h2 class=\"headline\">半截新闻</h2><div cl",
    "empty": "",
    "nobody": "<html><head><title>无正文</title></head></html>",
}


def hostile_site(base: str) -> Site:
    good = stories(3, "zh")
    site = generic.build(base, items=good)
    links = [generic.article_path(s) for s in good] + [f"/bad/{name}.html" for name in
                                                       (*BAD, "garbage", "huge", "bomb", "error", "odd")]
    rows = "".join(f'<li><a href="{href}">条目{i}</a></li>' for i, href in enumerate(links))
    head = '<html><head><meta charset="utf-8"></head><body>'
    listing = f'{head}<ul class="news-list">{rows}</ul></body></html>'
    site.pages["/news/list_1.html"] = Page(listing.encode())
    for name, html in BAD.items():
        site.pages[f"/bad/{name}.html"] = Page(html.encode())
    site.pages["/bad/garbage.html"] = Page(random.Random(7).randbytes(5000), "application/octet-stream")
    site.pages["/bad/huge.html"] = Page(b"<html><body>" + b"<p>x</p>" * (LIMIT // 4) + b"</body></html>")
    site.pages["/bad/bomb.html"] = Page(gzip.compress(b"<p>" + b"\0" * (40 * 1024 * 1024)),
                                        headers={"Content-Encoding": "gzip"})
    site.pages["/bad/error.html"] = Page(b"oops", status=500)
    odd = ("On March 30, Mayor Li Wenhua went to Qinghe County and visited Qinghe Intelligent Equipment "
           "to learn about production. He stressed that the city must keep production safe. ") * 3
    site.pages["/bad/odd.html"] = Page(
        f"<html><head><title>Odd layout</title></head><body><div id='main'><h1>Mayor visits Qinghe</h1>"
        f"<p>Published 2023-03-30</p><p>{odd}</p><p>{odd}</p></div></body></html>".encode())
    return site


@dataclass
class Outcome:
    run: SourceRunStats
    log: str
    db_url: str
    site: Site


class Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcome]:
    tmp = tmp_path_factory.mktemp("hostile")
    mp = pytest.MonkeyPatch()
    mp.setenv("IW_TEST_SMTP_SECRET", SECRET)
    records: list[logging.LogRecord] = []
    collect = Collect(records)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.INFO)  # the crawl logs at INFO: Scrapy's "Overridden settings" included
    root.addHandler(collect)
    try:
        with serve(hostile_site) as site:
            smtp = SmtpSettings(host="127.0.0.1", security="none", allow_plaintext_auth=True,
                                username="robot", password_env="IW_TEST_SMTP_SECRET")
            sources = [source("hostile", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)]
            cfg = config(tmp, sources, smtp=smtp, max_response_bytes=LIMIT)
            db_url = f"sqlite:///{tmp / 'db.sqlite'}"
            [run] = crawl_sources(cfg, db_url, overrides=FAST)
    finally:
        root.removeHandler(collect)
        root.setLevel(level)
        mp.undo()
    yield Outcome(run, "\n".join(r.getMessage() for r in records), db_url, site)


def test_crawl_finishes_and_stores_the_good_pages(outcome: Outcome) -> None:
    assert outcome.run.status == "ok"
    titles = {row.title for row in articles(outcome.db_url)}
    assert {s.title for s in stories(3, "zh")} <= titles


def test_fallback_extraction_when_selectors_miss(outcome: Outcome) -> None:
    odd = [row for row in articles(outcome.db_url) if row.url.endswith("/bad/odd.html")]
    assert len(odd) == 1 and odd[0].title == "Mayor visits Qinghe" and "Qinghe County" in odd[0].body


def test_malformed_pages_are_counted_parse_failures_with_their_url(outcome: Outcome) -> None:
    stored = {row.url.rsplit("/", 1)[1] for row in articles(outcome.db_url)}
    failed = {"empty.html", "nobody.html", "garbage.html", "truncated.html"} - stored
    assert {"empty.html", "nobody.html", "garbage.html"} <= failed
    assert outcome.run.parse_failures == len(failed)
    for name in failed:
        assert f"parse failure at {outcome.site.base}/bad/{name}" in outcome.log


def test_oversize_and_bombs_dropped_counted_logged(outcome: Outcome) -> None:
    assert outcome.run.errors == 3  # huge, bomb, and the 500 after its retries
    assert outcome.log.count("response too large, dropped") == 2
    assert f"{outcome.site.base}/bad/huge.html" in outcome.log
    assert f"{outcome.site.base}/bad/bomb.html" in outcome.log
    assert outcome.site.count("/bad/error.html") == 3  # retried twice


def test_no_secret_in_any_log_line(outcome: Outcome) -> None:
    assert "Overridden settings" in outcome.log
    assert SECRET not in outcome.log


def test_telnet_console_and_remote_control_are_off(outcome: Outcome) -> None:
    assert "Spider opened" in outcome.log  # the INFO log of the crawl is all here
    assert "Telnet console listening" not in outcome.log
    assert "Remote control" not in outcome.log
