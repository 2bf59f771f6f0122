"""The Scrapy project: `scrapy list`, `scrapy crawl news -a source=NAME` and `scrapy shell URL`,
run as real subprocesses from the repository root against a fixture site on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sites import hanweb
from sites.harness import articles
from sites.server import Site, serve
from sqlalchemy import select

from core.db.engine import Database
from core.db.models import CrawlRun, Source

ROOT = Path(__file__).resolve().parent.parent
SCRAPY = Path(sys.executable).parent / "scrapy"


@dataclass
class Project:
    site: Site
    env: dict[str, str]
    db_url: str

    def scrapy(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SCRAPY), *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=180)

    def runs(self) -> list[tuple[str, str, int, str | None, str | None]]:
        db = Database(self.db_url)
        try:
            with db.session() as session:
                rows = session.execute(select(Source.name, CrawlRun.status, CrawlRun.articles_new,
                                              CrawlRun.message, CrawlRun.owner)
                                       .join(Source, CrawlRun.source_id == Source.id).order_by(CrawlRun.id))
                return [tuple(row) for row in rows]  # type: ignore[misc]
        finally:
            db.close()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with serve(lambda base: hanweb.build(base, language="en", header_charset=None)) as site:
        config = tmp_path / "config"
        config.mkdir()
        (config / "inspectwatch.toml").write_text(
            "[crawl]\nallow_private_networks = true\ndelay = 0.0\n", encoding="utf-8")
        (config / "sources.toml").write_text(
            f'[[sources]]\nname = "site-en"\ncms = "hanweb"\nlanguage = "en"\n'
            f'start_urls = ["{hanweb.start_url(site.base)}"]\n\n'
            '[[sources]]\nname = "elsewhere"\ncms = "hanweb"\nstart_urls = ["http://127.0.0.1:9/index.html"]\n',
            encoding="utf-8")
        db_url = f"sqlite:///{tmp_path / 'iw.db'}"
        env = {**os.environ, "INSPECTWATCH_CONFIG": str(config), "INSPECTWATCH_DB": db_url}
        yield Project(site, env, db_url)


def test_scrapy_list_names_the_news_spider(project: Project) -> None:
    result = project.scrapy("list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["news"]


def test_scrapy_crawl_stores_articles_and_records_an_owned_run(project: Project) -> None:
    result = project.scrapy("crawl", "news", "-a", "source=site-en")
    assert result.returncode == 0, result.stderr
    assert len(articles(project.db_url, "site-en")) == 36
    [(name, status, new, message, owner)] = project.runs()  # only the source asked for
    assert (name, status, new, message) == ("site-en", "ok", 36, None)
    assert owner is not None and owner.split(":")[1].isdigit()
    project.site.reset()
    again = project.scrapy("crawl", "news", "-a", "source=site-en")
    assert again.returncode == 0, again.stderr
    assert [r[:3] for r in project.runs()] == [("site-en", "ok", 36), ("site-en", "ok", 0)]
    assert project.site.count("/art/") == 0  # the re-crawl asks for no stored article


def test_scrapy_crawl_of_an_unknown_source_is_a_clear_error(project: Project) -> None:
    result = project.scrapy("crawl", "news", "-a", "source=nope")
    assert result.returncode == 2
    assert "Error: " in result.stderr and "no source named 'nope'" in result.stderr
    assert "Traceback" not in result.stderr
    assert project.runs() == []


def test_scrapy_crawl_with_a_bad_since_names_the_argument(project: Project) -> None:
    result = project.scrapy("crawl", "news", "-a", "source=site-en", "-a", "since=March")
    assert result.returncode == 2
    assert "since='March': expected a date" in result.stderr and "Traceback" not in result.stderr


def test_scrapy_shell_fetches_with_the_project_settings(project: Project) -> None:
    url = hanweb.start_url(project.site.base)
    result = project.scrapy("shell", url, "-c", "(response.status, response.request.headers['User-Agent'])")
    assert result.returncode == 0, result.stderr
    assert "(200, b'inspectwatch/" in result.stdout
