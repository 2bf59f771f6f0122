"""Due sources crawled together: one crawl process per batch, one crawler per domain, a hung source
stopped alone at crawl.crawl_timeout while the others finish; the daemon's crawl jobs batch."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sites import generic, hanweb
from sites.harness import FAST, config, source
from sites.server import Site, serve

from core.config import Config, SourceConfig
from core.crawl_runs import last_crawl_starts
from core.db.engine import Database
from crawler import runner
from crawler.child import source_groups
from crawler.runner import crawl_sources
from jobs import daemon as daemon_module
from jobs.daemon import Daemon, DaemonOptions, crawl_job
from jobs.job_specs import crawled_lately
from jobs.work import Runtime, run_crawls

SMALL = 12  # articles per site


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    with ExitStack() as stack:
        yield {
            # each on its own loopback address: Scrapy's per-domain limit is per host, whatever the port
            "one": stack.enter_context(serve(lambda b: hanweb.build(b, count=SMALL), "127.0.0.2")),
            "two": stack.enter_context(serve(lambda b: hanweb.build(b, count=SMALL, language="en",
                                                                    header_charset=None), "127.0.0.3")),
            "three": stack.enter_context(serve(lambda b: generic.build(b, count=SMALL), "127.0.0.4")),
        }


def sources_of(sites: dict[str, Site]) -> list[SourceConfig]:
    return [source("one", "hanweb", hanweb.start_url(sites["one"].base)),
            source("two", "hanweb", hanweb.start_url(sites["two"].base), "en"),
            source("three", "generic", generic.start_url(sites["three"].base), "zh", generic.SELECTORS)]


def test_a_hung_source_times_out_alone_and_the_rest_of_its_batch_is_recorded_ok(
        tmp_path: Path, sites: dict[str, Site]) -> None:
    with serve(lambda b: hanweb.build(b, count=SMALL, delay=90), "127.0.0.5") as hung:  # silent for 90 s
        cfg = config(tmp_path, [*sources_of(sites), source("hung", "hanweb", hanweb.start_url(hung.base))],
                     crawl_timeout=15.0, download_timeout=20.0)  # the others need a few seconds
        runs = {r.source: r for r in crawl_sources(cfg, f"sqlite:///{tmp_path / 'db.sqlite'}",
                                                   overrides=FAST)}
    for name in ("one", "two", "three"):
        run = runs[name]
        assert (run.status, run.articles_new, run.message) == ("ok", SMALL, None), run
    assert runs["hung"].status == "failed"
    assert "timed out after 15s (crawl.crawl_timeout)" in (runs["hung"].message or ""), runs["hung"]
    for site in sites.values():
        assert site.max_active <= 2  # politeness per host holds inside the batch


def test_sources_sharing_a_domain_share_one_crawler() -> None:
    a = source("a", "hanweb", "http://www.city.gov.cn/col/1/index.html")
    b = source("b", "trs", "http://news.example.org/")
    c = source("c", "trs", "http://city.gov.cn/col/2/index.html")  # Same domain as a, without www.
    d = source("d", "feed", "https://news.example.org/feed")  # b's host, another scheme
    e = source("e", "feed", "http://127.0.0.1:8001/feed")
    f = source("f", "feed", "http://127.0.0.1:8002/feed")  # e's host, another port: one per-host limit
    groups = sorted([s.name for s in group] for group in source_groups([a, b, c, d, e, f]))
    assert groups == [["a", "c"], ["b", "d"], ["e", "f"]]


BUILD_AT_ONCE = """
import threading
from core.gazetteer import gazetteer
start = threading.Barrier(8)
built = []
def first_article():
    start.wait()
    built.append(id(gazetteer()))
writers = [threading.Thread(target=first_article) for _ in range(8)]
for writer in writers: writer.start()
for writer in writers: writer.join()
print(len(set(built)))
"""


def test_the_region_tables_are_built_once_when_every_writer_of_a_batch_needs_them_at_once() -> None:
    # Each crawler of a batch extracts on its own writer thread; the first articles of a batch arrive
    # together. A fresh interpreter: the tables are not built yet.
    out = subprocess.run([sys.executable, "-c", BUILD_AT_ONCE], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1"], out.stderr


def owners(db_url: str) -> dict[str, str]:
    from sqlalchemy import select

    from core.db.models import CrawlRun, Source

    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            rows = session.execute(select(Source.name, CrawlRun.owner)
                                   .join(Source, CrawlRun.source_id == Source.id))
            return {name: owner for name, owner in rows}
    finally:
        db.close()


def runtime_for(tmp_path: Path, sources: list[SourceConfig], **crawl: object) -> Runtime:
    cfg: Config = config(tmp_path, sources, delay=0.0, **crawl)
    return Runtime(cfg, Database(f"sqlite:///{tmp_path / 'db.sqlite'}"))


def test_a_crawl_makes_one_crawl_process_per_batch_of_max_parallel_sources(
        tmp_path: Path, sites: dict[str, Site], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PRELOAD", list(runner.PRELOAD))
    runtime = runtime_for(tmp_path, sources_of(sites), max_parallel_sources=2)
    try:
        runs = run_crawls(runtime, ["one", "two", "three"], "test")
        by_owner = owners(runtime.db.url)
    finally:
        runtime.db.close()
    assert [r.status for r in runs] == ["ok", "ok", "ok"]
    assert by_owner["one"] == by_owner["two"] != by_owner["three"]  # a crawl process owns its runs
    # more than one crawl process: each forks with the extraction loaded, instead of loading it
    assert "crawler.preload_extraction" in runner.PRELOAD


def test_a_tick_due_to_crawl_more_than_one_batch_starts_the_crawl_server_with_extraction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PRELOAD", list(runner.PRELOAD))
    sources = [source(name, "feed", f"http://127.0.0.1:8001/{name}") for name in ("a", "b", "c")]
    cfg = config(tmp_path, sources, max_parallel_sources=3)
    runner.start_crawl_server(cfg, 3)
    assert "crawler.preload_extraction" not in runner.PRELOAD
    runner.start_crawl_server(cfg, 4)
    assert "crawler.preload_extraction" in runner.PRELOAD


def test_a_crawl_of_one_batch_loads_extraction_only_in_its_crawl_process(
        tmp_path: Path, sites: dict[str, Site], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PRELOAD", list(runner.PRELOAD))
    runtime = runtime_for(tmp_path, sources_of(sites), max_parallel_sources=3)
    try:
        runs = run_crawls(runtime, ["one", "two", "three"], "test")
    finally:
        runtime.db.close()
    assert [r.status for r in runs] == ["ok", "ok", "ok"]
    assert "crawler.preload_extraction" not in runner.PRELOAD


def test_a_crawl_job_takes_every_due_source_along_and_their_jobs_then_skip(
        tmp_path: Path, sites: dict[str, Site]) -> None:
    runtime = runtime_for(tmp_path, sources_of(sites))
    daemon = Daemon(runtime, DaemonOptions())
    daemon_module._DAEMON = daemon
    try:
        crawl_job("two")
        first = last_crawl_starts(runtime.db)
        crawl_job("one")
        crawl_job("three")
        assert last_crawl_starts(runtime.db) == first  # nothing crawled twice
        by_owner = owners(runtime.db.url)
    finally:
        daemon_module._DAEMON = None
        runtime.db.close()
    assert sorted(first) == ["one", "three", "two"]
    assert len(set(by_owner.values())) == 1  # one crawl process for the three
    assert {job: c.runs for job, c in daemon.state.counts.items() if job.startswith("crawl:")} == {
        "crawl:one": 2, "crawl:two": 1, "crawl:three": 2}  # crawled in two's batch, then skipped
    assert not daemon.state.failures()


@pytest.mark.parametrize(("schedule", "ago", "lately"), [
    ("1s", 0.3, True), ("1s", 2.0, False),  # the misfire grace (30 s) is not the period
    ("1h", 1200, True), ("1h", 2400, False),
    ("*/10 * * * *", 200, True), ("*/10 * * * *", 400, False),
])
def test_a_source_counts_as_crawled_lately_for_half_its_own_period(schedule: str, ago: float,
                                                                    lately: bool) -> None:
    now = datetime(2024, 5, 6, 8, 0, 30)
    src = SourceConfig.model_validate({"name": "s", "cms": "generic", "start_urls": ["http://a.example/"],
                                       "schedule": schedule})
    assert crawled_lately(src, now - timedelta(seconds=ago), now) is lately
