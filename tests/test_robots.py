"""robots.txt as RFC 9309 reads it: 5xx or unreachable forbids the whole site, 4xx allows everything.

Real crawls of a loopback site whose robots.txt answers 503, times out, answers 404, or disallows.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sites import generic
from sites.content import stories
from sites.harness import FAST, articles, config, source
from sites.server import Call, Page, Site, serve

from core.crawl_runs import SourceRunStats
from crawler.runner import crawl_sources


@dataclass
class RobotsSite(Site):
    """A site whose robots.txt answers with ``robots_page`` (after ``robots_delay`` seconds)."""

    robots_page: Page | None = None
    robots_delay: float = 0.0

    def answer(self, call: Call, full_path: str) -> Page | None:
        if call.path == "/robots.txt" and self.robots_page is not None:
            time.sleep(self.robots_delay)
            return self.robots_page
        return super().answer(call, full_path)


def warned_of_robots(caplog: pytest.LogCaptureFixture) -> bool:
    """Whether robots.txt handling warned on its own, besides the run's failure that names the reason."""
    return any(r.name == "crawler.robots" and r.levelno >= logging.WARNING for r in caplog.records)


def crawl(tmp_path: Path, robots: Page, delay: float = 0.0) -> tuple[SourceRunStats, RobotsSite, str]:
    site = RobotsSite(robots_page=robots, robots_delay=delay)
    site.pages = generic.build(items=stories(3, "zh")).pages
    with serve(site):
        sources = [source("robots", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)]
        cfg = config(tmp_path, sources, download_timeout=1.0)
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        [run] = crawl_sources(cfg, db_url, overrides=FAST)
    return run, site, db_url


@pytest.mark.parametrize("status", [500, 503])
def test_robots_5xx_forbids_the_whole_site(tmp_path: Path, status: int,
                                           caplog: pytest.LogCaptureFixture) -> None:
    run, site, db_url = crawl(tmp_path, Page(b"User-agent: *\nAllow: /\n", "text/plain", status=status))
    assert {h.path for h in site.hits} == {"/robots.txt"}  # asked (with retries), and nothing else
    assert articles(db_url) == [] and run.list_pages == 0 and run.errors == 1
    expected = (f"{site.base}/robots.txt is unreachable (it answered {status}): "
                "assuming complete disallow (RFC 9309)")
    assert run.status == "failed" and run.message == expected
    assert not warned_of_robots(caplog)


def test_robots_timeout_forbids_the_whole_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    run, site, db_url = crawl(tmp_path, Page(b"User-agent: *\nAllow: /\n", "text/plain"), delay=1.5)
    assert {h.path for h in site.hits} <= {"/robots.txt"}
    assert articles(db_url) == [] and run.list_pages == 0 and run.errors == 1
    assert run.status == "failed" and run.message == (
        f"{site.base}/robots.txt is unreachable (timed out connecting to {site.base.split('//')[1]}): "
        "assuming complete disallow (RFC 9309)")
    assert not warned_of_robots(caplog)


def test_robots_4xx_allows_everything(tmp_path: Path) -> None:
    run, site, db_url = crawl(tmp_path, Page(b"User-agent: *\nDisallow: /\n", "text/plain", status=404))
    assert run.status == "ok" and run.list_pages == 1
    assert len(articles(db_url)) == 3


def test_robots_rules_still_obeyed(tmp_path: Path) -> None:
    run, site, db_url = crawl(tmp_path, Page(b"User-agent: *\nDisallow: /news/show.php\n", "text/plain"))
    assert run.list_pages == 1 and articles(db_url) == []
    assert site.count("/news/show.php") == 0
