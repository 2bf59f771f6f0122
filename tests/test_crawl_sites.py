"""Each adapter crawls its fixture site completely over real HTTP; a re-crawl fetches no article.

One crawl (one child process) covers every fixture site, and one re-crawl follows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest
from sites import feed, generic, hanweb, trs, wordpress
from sites.content import Story, stories
from sites.harness import FAST, articles, config, source
from sites.server import Site, serve

from core.crawl_runs import SourceRunStats
from crawler.runner import crawl_sources

FURNITURE = ("打印本页", "关闭窗口", "分享到", "责任编辑", "当前位置", "Print this page", "Share this",
             "Share:", "Editor:", "Home »", "Recent posts")


@dataclass
class Crawl:
    sites: dict[str, Site]
    first: dict[str, SourceRunStats]
    second: dict[str, SourceRunStats]
    first_hits: dict[str, list[str]]
    db_url: str


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    tmp = tmp_path_factory.mktemp("sites")
    with ExitStack() as stack:
        sites = {
            "hanweb-zh": stack.enter_context(serve(hanweb.build)),
            "hanweb-en": stack.enter_context(serve(lambda b: hanweb.build(b, language="en",
                                                                          header_charset=None))),
            "trs-zh": stack.enter_context(serve(trs.build)),
            "wp-en": stack.enter_context(serve(wordpress.build)),
            "feed-en": stack.enter_context(serve(feed.build)),
            "generic-zh": stack.enter_context(serve(generic.build)),
        }
        sources = [
            source("hanweb-zh", "hanweb", hanweb.start_url(sites["hanweb-zh"].base)),
            source("hanweb-en", "hanweb", hanweb.start_url(sites["hanweb-en"].base), "en"),
            source("trs-zh", "trs", trs.start_url(sites["trs-zh"].base)),
            source("wp-en", "wordpress", wordpress.start_url(sites["wp-en"].base), "en"),
            source("feed-en", "feed", feed.start_url(sites["feed-en"].base), "en"),
            source("generic-zh", "generic", generic.start_url(sites["generic-zh"].base), "zh",
                   generic.SELECTORS),
        ]
        cfg = config(tmp, sources)
        db_url = f"sqlite:///{tmp / 'crawl.db'}"
        first = {r.source: r for r in crawl_sources(cfg, db_url, overrides=FAST)}
        hits = {name: [h.path for h in site.hits] for name, site in sites.items()}
        for site in sites.values():
            site.reset()
        second = {r.source: r for r in crawl_sources(cfg, db_url, overrides=FAST)}
        yield Crawl(sites, first, second, hits, db_url)


def by_title(db_url: str, name: str) -> dict[str, object]:
    return {row.title: row for row in articles(db_url, name)}


def expect(name: str) -> list[Story]:
    return stories(36, "en" if name.endswith("-en") else "zh")


NAMES = ["hanweb-zh", "hanweb-en", "trs-zh", "wp-en", "feed-en", "generic-zh"]


@pytest.mark.parametrize("name", NAMES)
def test_every_article_stored_with_title_date_and_clean_text(crawl: Crawl, name: str) -> None:
    stored = by_title(crawl.db_url, name)
    assert len(stored) == 36, sorted(stored)
    for story in expect(name):
        row = stored[story.title]  # exact title: no mojibake
        assert row.published == story.published  # type: ignore[attr-defined]
        body = row.body  # type: ignore[attr-defined]
        for paragraph in story.paragraphs:
            assert paragraph in body
        assert not any(noise in body for noise in FURNITURE), body


@pytest.mark.parametrize("name", NAMES)
def test_first_crawl_figures(crawl: Crawl, name: str) -> None:
    run = crawl.first[name]
    assert run.status == "ok", run.message
    assert run.list_pages == 3
    assert run.list_items == 36
    assert run.articles_new == 36
    assert run.parse_failures == 0 and run.errors == 0
    assert run.bytes > 10_000


@pytest.mark.parametrize("name", NAMES)
def test_second_crawl_fetches_no_article(crawl: Crawl, name: str) -> None:
    run = crawl.second[name]
    assert run.status == "ok"
    assert run.not_modified == 1 and run.list_pages == 0 and run.articles_new == 0
    hits = crawl.sites[name].hits
    assert len(hits) <= 2, hits  # robots.txt and the list page (304)
    assert all(h.path == "/robots.txt" or h.status == 304 for h in hits)


def test_hanweb_pages_by_post_to_dataproxy(crawl: Crawl) -> None:
    posts = [p for p in crawl.first_hits["hanweb-zh"] if "dataproxy.jsp" in p]
    assert posts == [f"{hanweb.PROXY}?startrecord=13&endrecord=24&perpage=12",
                     f"{hanweb.PROXY}?startrecord=25&endrecord=36&perpage=12"]


def test_trs_follows_js_pager_and_joins_multipage_articles(crawl: Crawl) -> None:
    hits = crawl.first_hits["trs-zh"]
    assert {"/xwzx/yw/index.html", "/xwzx/yw/index_1.html", "/xwzx/yw/index_2.html"} <= set(hits)
    assert "/xwzx/yw/index_3.html" not in hits
    assert sum(1 for p in hits if p.endswith("_1.html") and "/t2023" in p) == 3  # stories 10, 20, 30


def test_feed_fetches_pages_only_for_summaries(crawl: Crawl) -> None:
    fetched = [p for p in crawl.first_hits["feed-en"] if p.startswith("/news/")]
    assert len(fetched) == 24  # every third entry carries its full text


def test_visits_extracted_and_counted(crawl: Crawl) -> None:
    assert crawl.first["hanweb-zh"].visits_new > 0
    assert crawl.first["wp-en"].visits_new > 0


def test_at_most_two_requests_at_once_per_domain(crawl: Crawl) -> None:
    assert max(site.max_active for site in crawl.sites.values()) <= 2


def test_user_agent_names_project_and_contact(crawl: Crawl) -> None:
    agents = {h.user_agent for site in crawl.sites.values() for h in site.hits}
    assert agents == {"inspectwatch/0.1 (+https://github.com/inspectwatch/inspectwatch)"}
