"""Crawls on Scrapyd nodes (``[crawl] backend = "scrapyd"``): two real Scrapyd servers on loopback,
each in its own folder with its own scrapyd.conf and port, the PostgreSQL server the tests start,
and real news sites on loopback. `tick` deploys the egg, spreads one job per due source over the
nodes and follows them; the jobs store into PostgreSQL and record their runs."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from sites import hanweb
from sites.harness import articles
from sites.server import free_port, serve
from sqlalchemy import func, select

from core.config import ConfigError, load_config
from core.db.engine import Database
from core.db.models import CrawlRun, Source, VisitRow
from crawler.egg import build_egg
from crawler.runner import crawl_sources, read_runs, start_runs
from crawler.scrapyd_api import Node, NodeError
from crawler.scrapyd_backend import Job, follow
from jobs.status_report import as_json, as_text, gather
from jobs.work import Runtime, tick

PROJECT = "inspectwatch"
LOGIN = ("crawler", "s3cret-for-tests")  # both nodes answer only with Scrapyd's basic auth



@dataclass
class ScrapydNode:
    url: str
    folder: Path
    process: subprocess.Popen[bytes]

    def log(self) -> str:
        return (self.folder / "scrapyd.out").read_text(encoding="utf-8", errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # Scrapyd and the jobs it started
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start_node(folder: Path, max_proc: int = 2) -> ScrapydNode:
    """A Scrapyd server on 127.0.0.1 with its own config, eggs, logs and queues in ``folder``,
    behind basic auth (LOGIN)."""
    folder.mkdir()
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\nmax_proc = {max_proc}\n"
        f"poll_interval = 0.2\neggs_dir = {folder / 'eggs'}\nlogs_dir = {folder / 'logs'}\n"
        f"dbs_dir = {folder / 'dbs'}\njobs_to_keep = 20\nusername = {LOGIN[0]}\npassword = {LOGIN[1]}\n",
        encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTWATCH_")}
    with open(folder / "scrapyd.out", "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    node = ScrapydNode(f"http://127.0.0.1:{port}", folder, process)
    deadline = time.monotonic() + 30
    while True:
        try:
            Node(node.url, timeout=2, auth=LOGIN).status()
            return node
        except NodeError:
            if process.poll() is not None or time.monotonic() > deadline:
                node.stop()
                pytest.fail(f"Scrapyd did not start on {node.url}:\n{node.log()}")
            time.sleep(0.2)


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[list[ScrapydNode]]:
    started: list[ScrapydNode] = []
    try:
        for name in ("node-a", "node-b"):
            started.append(start_node(tmp_path / name))
        yield started
    finally:
        for node in started:
            node.stop()


def write_config(folder: Path, db_url: str, node_urls: list[str], sites: dict[str, str]) -> Path:
    folder.mkdir()
    urls = ", ".join(f'"{u}"' for u in node_urls)
    (folder / "inspectwatch.toml").write_text(
        f'database = "{db_url}"\n\n[crawl]\nallow_private_networks = true\ndelay = 0.0\n'
        f'download_timeout = 10.0\ncrawl_timeout = 120.0\nbackend = "scrapyd"\nscrapyd_urls = [{urls}]\n'
        f'scrapyd_slots = 2\nscrapyd_username = "{LOGIN[0]}"\n'
        'scrapyd_password_env = "IW_TEST_SCRAPYD_PASSWORD"\n',
        encoding="utf-8")
    (folder / "sources.toml").write_text("".join(
        f'[[sources]]\nname = "{name}"\ncms = "hanweb"\nlanguage = "en"\nstart_urls = ["{url}"]\n\n'
        for name, url in sites.items()), encoding="utf-8")
    return folder


def runs(db: Database) -> dict[str, tuple[str, int, str | None]]:
    with db.session() as session:
        rows = session.execute(select(Source.name, CrawlRun.status, CrawlRun.articles_new, CrawlRun.message)
                               .join(Source, CrawlRun.source_id == Source.id))
        return {name: (status, new, message) for name, status, new, message in rows}


def kill_job_when_running(node_urls: list[str], prefix: str, stop: threading.Event) -> list[str]:
    """In a thread: SIGKILL the crawl process of the job whose id starts with ``prefix`` once a node
    runs it (a job that dies on its node, as one killed for memory would)."""
    killed: list[str] = []

    def watch() -> None:
        while not stop.is_set() and not killed:
            for url in node_urls:
                try:
                    answer = Node(url, 2, LOGIN).call("listjobs.json", query={"project": PROJECT})
                except NodeError:
                    continue
                for job in answer.get("running", []):
                    if str(job["id"]).startswith(prefix) and job.get("pid"):
                        time.sleep(1.0)  # past its start: it has opened the run's database
                        os.kill(int(job["pid"]), signal.SIGKILL)
                        killed.append(str(job["id"]))
                        return
            time.sleep(0.1)

    threading.Thread(target=watch, daemon=True).start()
    return killed


@pytest.mark.first
def test_tick_spreads_jobs_over_two_scrapyd_nodes_into_postgres(tmp_path: Path, nodes: list[ScrapydNode],
                                                                postgres_url: str,
                                                                caplog: pytest.LogCaptureFixture,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IW_TEST_SCRAPYD_PASSWORD", LOGIN[1])
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there: a node that is down
    with ExitStack() as stack:
        sites = {f"city-{n}": hanweb.start_url(stack.enter_context(serve(
            lambda base: hanweb.build(base, count=12, language="en", header_charset=None))).base)
            for n in range(4)}
        slow = stack.enter_context(serve(lambda base: hanweb.build(base, count=12, language="en",
                                                                     header_charset=None, delay=1.0)))
        sites["slow"] = hanweb.start_url(slow.base)
        urls = [nodes[0].url, down, nodes[1].url]
        config = load_config(write_config(tmp_path / "config", postgres_url, urls, sites))
        db = Database(postgres_url)
        stack.callback(db.close)
        stop = threading.Event()
        stack.callback(stop.set)
        killed = kill_job_when_running([nodes[0].url, nodes[1].url], "slow-", stop)
        caplog.set_level(logging.INFO)
        report = tick(Runtime(config, db))

    logs = "\n".join(node.log() for node in nodes)
    recorded = runs(db)
    assert killed, f"the slow job never ran:\n{logs}"
    for name in ("city-0", "city-1", "city-2", "city-3"):  # each job stored its articles and its run
        assert recorded[name] == ("ok", 12, None), (name, recorded, logs)
        assert len(articles(postgres_url, name)) == 12
    with db.session() as session:
        assert (session.scalar(select(func.count(VisitRow.id))) or 0) > 0
    status, _, message = recorded["slow"]  # killed on its node: a failed run, said so
    assert status == "failed" and message is not None
    assert f"the job {killed[0]} on Scrapyd node" in message and "ended without recording" in message
    assert report.crawl_failures == [f"slow: failed: {message}"]
    # Jobs went to both live nodes, none to the one that is down, which was skipped and logged.
    version = build_egg(config.directory)[0]  # the code and config deployed: the same egg on both
    assert [Node(n.url, auth=LOGIN).versions(PROJECT) for n in nodes] == [[version], [version]]
    per_node = [Node(n.url, auth=LOGIN).jobs(PROJECT).finished for n in nodes]
    assert all(per_node) and sum(len(j) for j in per_node) == 5, per_node
    assert f"Scrapyd node {down}: cannot be reached" in caplog.text and "skipped" in caplog.text
    # `status` gives one line per node with its state.
    text = as_text(gather(db, config))
    assert f"{nodes[0].url}: up: 0 pending, 0 running, " in text
    assert f"{nodes[1].url}: up: 0 pending, 0 running, " in text
    assert f"{down}: down: cannot be reached" in text
    assert [n["state"] for n in as_json(gather(db, config))["nodes"]] == ["up", "down", "up"]
    with pytest.raises(NodeError, match="HTTP 401 \\(check crawl.scrapyd_username"):
        Node(nodes[0].url).status()  # without the login


def test_a_job_its_node_no_longer_lists_is_a_failed_run(tmp_path: Path) -> None:
    node = start_node(tmp_path / "node")  # a node that knows nothing of the job (as after a restart)
    db = Database(f"sqlite:///{tmp_path / 'iw.db'}")
    try:
        sites = {"city-0": "http://127.0.0.1:9/a.html"}
        config = load_config(write_config(tmp_path / "config", db.url, [node.url], sites))
        run_ids = start_runs(db, config.sources, "owner-1")
        job = Job("city-0", run_ids["city-0"], Node(node.url, auth=LOGIN), "city-0-forgotten")
        follow(db, [job], timeout=60, lost_after=1.0)  # a timeout would say "timed out ... cancelled"
        [run] = read_runs(db, run_ids)
        assert run.status == "failed"
        assert run.message == (f"the job city-0-forgotten is no longer listed by Scrapyd node {node.url} "
                               "(was it restarted?) and did not record its figures")
    finally:
        db.close()
        node.stop()


def test_scrapyd_backend_needs_node_urls(tmp_path: Path) -> None:
    (tmp_path / "inspectwatch.toml").write_text('[crawl]\nbackend = "scrapyd"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    [problem] = caught.value.problems
    assert problem.startswith(f"{tmp_path / 'inspectwatch.toml'}: crawl.scrapyd_urls: expected at least one")


def test_a_scrapyd_url_must_be_a_web_address(tmp_path: Path) -> None:
    (tmp_path / "inspectwatch.toml").write_text(
        '[crawl]\nbackend = "scrapyd"\nscrapyd_urls = ["127.0.0.1:6800"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    [problem] = caught.value.problems
    assert "crawl.scrapyd_urls: expected http:// or https:// URLs of Scrapyd nodes; got '127.0.0.1:6800'" \
        in problem


def test_with_every_node_down_each_run_fails_naming_the_nodes(tmp_path: Path) -> None:
    dead = [f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"]
    db_url = f"sqlite:///{tmp_path / 'iw.db'}"
    sites = {"city-0": "http://127.0.0.1:9/a.html", "city-1": "http://127.0.0.1:9/b.html"}
    config = load_config(write_config(tmp_path / "config", db_url, dead, sites))
    results = crawl_sources(config, db_url)
    assert [(r.source, r.status) for r in results] == [("city-0", "failed"), ("city-1", "failed")]
    for run in results:
        assert run.message is not None and run.message.startswith("no Scrapyd node took jobs: ")
        assert all(f"Scrapyd node {url}: cannot be reached" in run.message for url in dead)
    db = Database(db_url, apply_migrations=False)
    try:
        report = gather(db, config)
    finally:
        db.close()
    assert [(n.url, n.state) for n in report.nodes] == [(dead[0], "down"), (dead[1], "down")]
    assert [s.health for s in report.sources] == ["never succeeded", "never succeeded"]
