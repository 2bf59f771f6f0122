"""Limits on hostile input in a real crawl: a list page with far more links than any portal shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import generic
from sites.harness import FAST, articles, config, source
from sites.server import serve

from core.config import CrawlSettings
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
