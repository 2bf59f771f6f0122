"""Crawls on Scrapyd nodes: ``[crawl] backend = "scrapyd"`` with ``scrapyd_urls``.

:func:`crawl_on_nodes` is what :func:`crawler.runner.crawl_sources` does for this
backend, with the same records: it opens one ``crawl_runs`` row per source (owned by
this pass), asks every node how busy it is (``daemonstatus.json``; a node that does not
answer is skipped and logged), deploys the project egg (:mod:`crawler.egg`) to the
nodes that lack its version (``addversion.json``), and schedules one job per source
(``schedule.json``, spider ``news``, with the source, the run and its owner as spider
arguments and the database URL as a setting), each on the node with the most free
slots (``crawl.scrapyd_slots`` less its running and pending jobs). It then follows the
jobs with ``listjobs.json``. Each job records its own run in the shared database, as a
local crawl process does; a job that ended without recording it (it failed on its node),
a job still unfinished at the deadline (cancelled) and the jobs of a node that stopped
answering are failed runs. Last, as after a local crawl, each source's health is
judged, the admin alerted about newly broken sources, and the figures read back.
"""

from __future__ import annotations

import logging
import math
import os
import time
from dataclasses import dataclass
from datetime import date

from core.config import Config, CrawlSettings, SourceConfig
from core.crawl_runs import INTERRUPTED, SourceRunStats, fail_unfinished, read_runs, start_runs
from core.db.engine import Database
from core.owner import make_owner
from crawler.alerts import alert_broken
from crawler.crawl_context import process_deadline
from crawler.egg import build_egg
from crawler.scrapyd_api import TIMEOUT, Node, NodeError, NodeStatus
from crawler.settings import DB_URL
from crawler.source_health import judge

logger = logging.getLogger(__name__)
PROJECT = "inspectwatch"
SPIDER = "news"
POLL = 1.0  # seconds between two listjobs.json calls to a node
SILENT_FOR = 60.0  # a node that does not answer for this long has lost its jobs


@dataclass
class Job:
    """One source's job on one node."""

    source: str
    run_id: int
    node: Node
    id: str
    done: bool = False
    unlisted_since: float | None = None  # when the node first listed it nowhere (restarted?)


def nodes_of(crawl: CrawlSettings, timeout: float | None = None) -> list[Node]:
    """The configured nodes, with the basic-auth login when one is configured."""
    auth = None
    if crawl.scrapyd_username:
        password = os.environ.get(crawl.scrapyd_password_env or "", "")
        if not password:
            logger.warning("crawl.scrapyd_username is set but crawl.scrapyd_password_env (%s) names no "
                           "variable that is set: no password sent", crawl.scrapyd_password_env)
        auth = (crawl.scrapyd_username, password)
    return [Node(url, timeout or TIMEOUT, auth) for url in crawl.scrapyd_urls]


def node_states(crawl: CrawlSettings, timeout: float = 5.0) -> list[tuple[str, NodeStatus | str]]:
    """Each node with what ``daemonstatus.json`` says, or why it cannot be asked (for ``status``)."""
    states: list[tuple[str, NodeStatus | str]] = []
    for node in nodes_of(crawl, timeout):
        try:
            states.append((node.url, node.status()))
        except NodeError as exc:
            states.append((node.url, exc.reason))
    return states


def free_slots(config: Config, problems: list[str]) -> dict[Node, int]:
    """The nodes that answer, each with its free slots (may be zero or less); the others logged
    and added to ``problems``."""
    free: dict[Node, int] = {}
    slots = config.settings.crawl.scrapyd_slots
    for node in nodes_of(config.settings.crawl):
        try:
            status = node.status()
        except NodeError as exc:
            logger.warning("%s: skipped", exc)
            problems.append(str(exc))
            continue
        free[node] = slots - status.running - status.pending
    return free


def deploy(nodes: list[Node], config: Config, problems: list[str]) -> tuple[str, list[Node]]:
    """The egg's version, and the nodes that have it (sent to those that lacked it); the others
    logged and added to ``problems``."""
    version, egg = build_egg(config.directory)
    ready = []
    for node in nodes:
        try:
            if version not in node.versions(PROJECT):
                spiders = node.add_version(PROJECT, version, egg)
                logger.info("deployed inspectwatch %s to Scrapyd node %s (%d spider)", version, node.url,
                            spiders)
            ready.append(node)
        except NodeError as exc:
            logger.warning("%s: skipped", exc)
            problems.append(str(exc))
    return version, ready


def spread(names: list[str], free: dict[Node, int]) -> list[tuple[str, Node]]:
    """Each source on the node with the most free slots at that moment (the first such node)."""
    left = dict(free)
    placed = []
    for name in names:
        node = max(left, key=lambda n: left[n])
        left[node] -= 1
        placed.append((name, node))
    return placed


def _schedule(version: str, name: str, run_id: int, nodes: list[Node], free: dict[Node, int],
              settings: dict[str, str], args: dict[str, str]) -> tuple[Job | None, str]:
    """Queue ``name``'s job on the first node of ``nodes`` that takes it; (job, "") or (None, why)."""
    why = "no Scrapyd node could be reached"
    for node in nodes:
        job_id = f"{name}-{run_id}"
        try:
            node.schedule(PROJECT, SPIDER, version, job=job_id, settings=settings,
                          args={"source": name, "run": str(run_id), **args})
        except NodeError as exc:
            logger.warning("%s: job for %s not queued there", exc, name)
            why = str(exc)
            continue
        free[node] -= 1
        logger.info("%s: job %s queued on Scrapyd node %s", name, job_id, node.url)
        return Job(name, run_id, node, job_id), ""
    return None, why


def schedule_jobs(config: Config, db: Database, run_ids: dict[str, int], owner: str,
                  since: date | None) -> list[Job]:
    """Deploy and queue one job per source; the runs of sources that got no job are failed."""
    problems: list[str] = []
    free = free_slots(config, problems)
    version, ready = deploy(list(free), config, problems)
    free = {node: free[node] for node in ready}
    settings = {DB_URL: config.settings.crawl.scrapyd_database or db.url}
    args = {"owner": owner, **({"since": since.isoformat()} if since else {})}
    jobs: list[Job] = []
    failed: dict[str, str] = {}
    for name, node in spread(list(run_ids), free) if free else []:
        order = [node, *sorted((n for n in free if n is not node), key=lambda n: -free[n])]
        job, why = _schedule(version, name, run_ids[name], order, free, settings, args)
        if job is None:
            failed[name] = why
        else:
            jobs.append(job)
    if not free:
        failed = dict.fromkeys(run_ids, "no Scrapyd node took jobs: " + "; ".join(problems))
    for name, why in failed.items():
        fail_unfinished(db, {name: run_ids[name]}, why)
    return jobs


def deadline_for(config: Config, jobs: list[Job]) -> float:
    """Seconds to wait for ``jobs``: a crawl process's deadline for each round of slots on the
    busiest node."""
    per_node: dict[Node, int] = {}
    for job in jobs:
        per_node[job.node] = per_node.get(job.node, 0) + 1
    rounds = max((math.ceil(n / config.settings.crawl.scrapyd_slots) for n in per_node.values()), default=1)
    return process_deadline(config) * rounds


def _finish(db: Database, job: Job, message: str) -> None:
    job.done = True
    fail_unfinished(db, {job.source: job.run_id}, message)


def poll_node(db: Database, node: Node, jobs: list[Job], lost_after: float = SILENT_FOR) -> None:
    """Close the jobs that ``node`` lists as finished, and those it has not listed at all for
    ``lost_after`` seconds (a restarted Scrapyd forgets its finished jobs); raises NodeError when
    the node does not answer."""
    listed = node.jobs(PROJECT)
    now = time.monotonic()
    for job in jobs:
        if job.id in listed.finished:
            log = listed.log_urls.get(job.id) or "no log kept"
            _finish(db, job, f"the job {job.id} on Scrapyd node {node.url} ended without recording "
                             f"its figures (it failed there; its log: {log})")
        elif job.id in listed.pending or job.id in listed.running:
            job.unlisted_since = None
        elif job.unlisted_since is None:
            job.unlisted_since = now
        elif now - job.unlisted_since >= lost_after:
            _finish(db, job, f"the job {job.id} is no longer listed by Scrapyd node {node.url} (was it "
                             "restarted?) and did not record its figures")


def follow(db: Database, jobs: list[Job], timeout: float, lost_after: float = SILENT_FOR) -> None:
    """Wait for every job to finish on its node; fail the runs of jobs lost or still running at the end."""
    deadline = time.monotonic() + timeout
    heard = {job.node: time.monotonic() for job in jobs}
    while True:
        open_jobs = [job for job in jobs if not job.done]
        if not open_jobs or time.monotonic() >= deadline:
            break
        for node in {job.node for job in open_jobs}:
            mine = [job for job in open_jobs if job.node is node]
            try:
                poll_node(db, node, mine, lost_after)
                heard[node] = time.monotonic()
            except NodeError as exc:
                if time.monotonic() - heard[node] < lost_after:
                    continue
                for job in mine:
                    _finish(db, job, f"{exc}: its job {job.id} is lost (no answer for {lost_after:g}s)")
        if any(not job.done for job in jobs):
            time.sleep(POLL)
    for job in jobs:
        if not job.done:
            _cancel(db, job, timeout)


def _cancel(db: Database, job: Job, timeout: float) -> None:
    try:
        job.node.cancel(PROJECT, job.id)
    except NodeError as exc:
        logger.warning("%s: job %s not cancelled", exc, job.id)
    _finish(db, job, f"the job {job.id} on Scrapyd node {job.node.url} timed out after {timeout:g}s "
                     "and was cancelled")


def crawl_on_nodes(config: Config, db: Database, sources: list[SourceConfig], *,
                   since: date | None = None) -> list[SourceRunStats]:
    """One crawl pass over ``sources`` on the Scrapyd nodes; each source's figures, as a local crawl
    gives them."""
    owner = make_owner()
    run_ids = start_runs(db, sources, owner)
    try:
        jobs = schedule_jobs(config, db, run_ids, owner, since)
        follow(db, jobs, deadline_for(config, jobs))
    finally:
        fail_unfinished(db, run_ids, "interrupted: the scheduler stopped before its Scrapyd jobs ended",
                        INTERRUPTED)
    for name, reason in judge(db, list(run_ids), config.settings.crawl.broken_after_runs):
        alert_broken(db, config.settings, name, reason)
    return read_runs(db, run_ids)
