"""Limits on hostile input in a real crawl: a list page with far more links than any portal shows, and
an article of megabytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import generic
from sites.content import stories
from sites.harness import FAST, articles, config, source
from sites.server import Page, serve

from core.config import CrawlSettings
from crawler.article import MAX_TEXT_CHARS
from crawler.runner import crawl_sources


def test_links_per_list_page_are_capped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with serve(lambda base: generic.build(base, count=120, per_page=60)) as site:
        sources = [source("flood", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)]
        cfg = config(tmp_path, sources, max_pages_per_source=2, max_links_per_page=7)
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        [run] = crawl_sources(cfg, db_url, overrides=FAST)
        fetched = site.count("/news/show.php")
    assert run.status == "ok" and run.list_pages == 2
    assert fetched == 14 and len(articles(db_url)) == 14  # 7 from each of the two list pages
    assert "has 60 article links; following the first 7 (crawl.max_links_per_page)" in caplog.text


def test_default_link_cap_is_far_above_a_real_list_page() -> None:
    assert 50 <= CrawlSettings().max_links_per_page <= 500


PARA = ("1日，市委书记王建国到平阴县调研，先后来到山东泉华石墨有限公司、东阿镇南栾湾村。"
        "他强调，要坚持安全生产。")


def test_megabyte_article_is_cut_to_what_extraction_reads(tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    [story] = stories(1, "zh")
    body = "".join(f"<p>{i} {PARA}</p>" for i in range(25_000))
    page = (f'<html><head><meta charset="utf-8"></head><body><h2 class="headline">巨文</h2>'
            f'<span class="pub-date">2023-03-30</span><div class="story">{body}</div></body></html>').encode()
    assert len(page) > 3_000_000
    with serve(lambda base: generic.build(base, items=[story])) as site:
        site.pages[generic.article_path(story)] = Page(page)
        sources = [source("huge", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)]
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        [run] = crawl_sources(config(tmp_path, sources), db_url, overrides=FAST)
    [row] = articles(db_url)
    assert run.status == "ok" and row.title == "巨文"
    assert MAX_TEXT_CHARS - 2_000 <= len(row.body) <= MAX_TEXT_CHARS and row.body.startswith("0 1日")
    assert f"{generic.article_path(story)} has " in caplog.text and "the first" in caplog.text
