"""Incremental crawling: backfill with --since, stop at known pages, survive SIGKILL."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from datetime import date
from pathlib import Path

from sites import generic, hanweb
from sites.content import stories
from sites.harness import FAST, article_count, articles, config, source
from sites.server import serve

from core.config import SourceConfig
from core.crawl_runs import start_runs
from core.db.engine import Database
from core.records import Article
from core.store import save_article
from crawler.runner import crawl_sources


def generic_source(base: str) -> SourceConfig:
    return source("city", "generic", generic.start_url(base), "zh", generic.SELECTORS)


def test_since_backfills_to_date_and_stops_paging(tmp_path: Path) -> None:
    with serve(lambda b: generic.build(b, count=60)) as site:
        cfg = config(tmp_path, [generic_source(site.base)], max_pages_per_source=2)
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        [run] = crawl_sources(cfg, db_url, since=date(2023, 3, 10), overrides=FAST)
        lists = [h.path for h in site.hits if "list_" in h.path]
    assert run.status == "ok"
    assert lists == ["/news/list_1.html", "/news/list_2.html", "/news/list_3.html"]  # beyond max_pages
    stored = articles(db_url)
    assert len(stored) == 21
    assert min(r.published for r in stored if r.published) == date(2023, 3, 10)


def test_recrawl_fetches_only_new_articles_and_stops_at_known_page(tmp_path: Path) -> None:
    old, fresh = stories(36, "zh"), stories(3, "zh", newest=date(2023, 4, 2), first=101)
    with serve(lambda b: generic.build(b, items=fresh + old)) as site:
        cfg = config(tmp_path, [generic_source(site.base)])
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        db = Database(db_url)
        for story in old:  # stored by an earlier crawl
            save_article(db, Article(url=site.base + generic.article_path(story), title=story.title,
                                     text=story.text, source="city"))
        db.close()
        [run] = crawl_sources(cfg, db_url, overrides=FAST)
        fetched = [h.path for h in site.hits if "show.php" in h.path]
        lists = [h.path for h in site.hits if "list_" in h.path]
    assert sorted(fetched) == sorted(generic.article_path(s) for s in fresh)
    assert lists == ["/news/list_1.html", "/news/list_2.html"]
    assert (run.articles_new, run.list_pages) == (3, 2)
    assert article_count(db_url) == (39, 39)


def test_after_an_unfinished_run_paging_goes_past_known_pages(tmp_path: Path) -> None:
    """A killed run may have stored all of list page 1 and nothing older: the next run pages on."""
    items = stories(36, "zh")
    with serve(lambda b: generic.build(b, items=items)) as site:
        cfg = config(tmp_path, [generic_source(site.base)])
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        db = Database(db_url)
        for story in items[:12]:  # list page 1, stored by the killed run
            save_article(db, Article(url=site.base + generic.article_path(story), title=story.title,
                                     text=story.text, source="city"))
        start_runs(db, cfg.sources)  # the killed run, left 'running'
        db.close()
        [run] = crawl_sources(cfg, db_url, overrides=FAST)
        fetched = [h.path for h in site.hits if "show.php" in h.path]
        [again] = crawl_sources(cfg, db_url, overrides=FAST)  # after an ok run: stops at page 1
    assert run.status == "ok" and run.articles_new == 24 and run.list_pages == 3, run
    assert sorted(fetched) == sorted(generic.article_path(s) for s in items[12:])
    assert again.status == "ok" and again.articles_new == 0 and again.list_pages + again.not_modified == 1
    assert article_count(db_url) == (36, 36)


def _kill_after(db_url: str, n: int, done: threading.Event) -> None:
    while not done.is_set():
        if article_count(db_url)[0] >= n:
            for child in multiprocessing.active_children():
                if child.name == "inspectwatch-crawl" and child.pid:
                    os.kill(child.pid, signal.SIGKILL)
            return
        done.wait(0.05)


def test_sigkill_then_restart_stores_every_article_exactly_once(tmp_path: Path) -> None:
    # Slow enough that the crawl is still fetching when its fifth article is stored: the worker that
    # stores them loads the extraction first, while the reactor goes on fetching beside it.
    with serve(lambda b: hanweb.build(b, delay=0.3)) as site:
        cfg = config(tmp_path, [source("hw", "hanweb", hanweb.start_url(site.base))])
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        Database(db_url).close()  # the schema, before the watcher polls it
        done = threading.Event()
        watcher = threading.Thread(target=_kill_after, args=(db_url, 5, done))
        watcher.start()
        try:
            [killed] = crawl_sources(cfg, db_url, overrides=FAST)
        finally:
            done.set()
            watcher.join()
        before = {r.url for r in articles(db_url)}
        site.delay = 0
        site.reset()
        [restarted] = crawl_sources(cfg, db_url, overrides=FAST)
        refetched = [h.path for h in site.hits if any(u.endswith(h.path) for u in before)]
    assert killed.status == "failed" and "status -9" in (killed.message or ""), killed
    assert 5 <= len(before) < 36, (len(before), killed)
    assert restarted.status == "ok", restarted
    assert restarted.articles_new == 36 - len(before), (restarted, len(before))
    assert refetched == [], refetched
    assert article_count(db_url) == (36, 36)


def test_timeout_kills_the_crawl_and_records_it_failed(tmp_path: Path) -> None:
    with serve(lambda b: hanweb.build(b, delay=0.5)) as site:
        cfg = config(tmp_path, [source("hw", "hanweb", hanweb.start_url(site.base))], crawl_timeout=1.0)
        [run] = crawl_sources(cfg, f"sqlite:///{tmp_path / 'db.sqlite'}", overrides=FAST)
    assert run.status == "failed"
    assert "timed out after 1s" in (run.message or "")
