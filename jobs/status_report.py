"""What ``inspectwatch status`` reports, as data: each source's health, last run and next due
time, each subscriber's digests and back-off, and (with ``crawl.backend = "scrapyd"``) each
Scrapyd node's state; and the two ways of writing it.

:func:`gather` reads the database and the config (configured sources that were never
crawled are listed too); :func:`as_text` lays the report out in lines of at most 78
characters, wrapped, never cut, so it reads the same on a terminal and in a log;
:func:`as_json` is for machines.
"""

from __future__ import annotations

import textwrap
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select

from core.config import Config
from core.crawl_runs import SourceRunStats, last_crawl_starts, recent_runs, succeeded_sources
from core.db.engine import Database, utcnow
from core.db.models import Delivery, SubscriberRow
from crawler.source_health import health_label
from jobs.job_specs import crawl_due_at

WIDTH = 78
FIGURES = ("list_pages", "not_modified", "list_items", "articles_new", "articles_updated", "visits_new",
           "parse_failures", "errors")
SHORT = {"list_pages": "lists", "not_modified": "304", "list_items": "links", "articles_new": "new",
         "articles_updated": "upd", "visits_new": "visits", "parse_failures": "fail", "errors": "err"}


@dataclass
class RunReport:
    status: str
    started_at: datetime
    seconds: float | None
    figures: dict[str, int]
    message: str | None


@dataclass
class SourceReport:
    name: str
    cms: str
    language: str
    enabled: bool
    health: str
    next_due: datetime | None  # None: due now (never crawled) or disabled
    runs: list[RunReport] = field(default_factory=list)  # newest first


@dataclass
class DigestReport:
    email: str
    status: str
    frequency: str
    last_sent: datetime | None
    next_digest: datetime | None
    pending: int
    failed: int
    retry_at: datetime | None  # the earliest retry of a row in back-off


@dataclass
class NodeReport:
    url: str
    state: str  # "up" or "down"
    detail: str  # its jobs, or why it cannot be asked


@dataclass
class StatusReport:
    now: datetime
    sources: list[SourceReport]
    digests: list[DigestReport]
    nodes: list[NodeReport] = field(default_factory=list)  # Scrapyd nodes, asked now


def _run(stats: SourceRunStats) -> RunReport:
    seconds = (stats.finished_at - stats.started_at).total_seconds() if stats.finished_at else None
    return RunReport(stats.status, stats.started_at, seconds, {f: getattr(stats, f) for f in FIGURES},
                     stats.message)


def _sources(db: Database, config: Config, per_source: int) -> list[SourceReport]:
    stored = {source.name: (source, runs) for source, runs in recent_runs(db, per_source)}
    succeeded, starts = succeeded_sources(db), last_crawl_starts(db)
    configured = {s.name: s for s in config.sources}
    out = []
    for name in sorted(set(configured) | set(stored)):
        conf = configured.get(name)
        source, runs = stored.get(name, (None, []))
        health = health_label(source, runs, name in succeeded) if source is not None else "not crawled yet"
        if conf is None:
            health = "not in sources.toml any more"
        elif not conf.enabled:
            health = f"disabled; {health}"
        due = crawl_due_at(conf, starts.get(name)) if conf is not None and conf.enabled else None
        out.append(SourceReport(
            name=name, cms=conf.cms if conf else (source.cms if source else "?"),
            language=conf.language if conf else (source.language if source else "?"),
            enabled=bool(conf and conf.enabled), health=health,
            next_due=due.replace(tzinfo=None) if due else None, runs=[_run(r) for r in runs]))
    return out


def _digests(db: Database, now: datetime) -> list[DigestReport]:
    pending = func.sum(case((Delivery.state == "pending", 1), else_=0))
    failed = func.sum(case((Delivery.state == "failed", 1), else_=0))
    waiting = (Delivery.state == "pending") & (Delivery.next_attempt_at > now)
    retry = func.min(case((waiting, Delivery.next_attempt_at), else_=None))
    query = (select(SubscriberRow, func.max(Delivery.sent_at), pending, failed, retry)
             .outerjoin(Delivery, Delivery.subscriber_id == SubscriberRow.id)
             .group_by(SubscriberRow.id).order_by(SubscriberRow.email))
    with db.session() as session:
        return [DigestReport(row.email, row.status, row.frequency,
                             max(filter(None, (sent, row.last_digest_at)), default=None), row.next_digest_at,
                             int(n_pending or 0), int(n_failed or 0), _naive(retry_at))
                for row, sent, n_pending, n_failed, retry_at in session.execute(query)]


def _naive(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))  # SQLite hands back min() of a CASE as text


def _nodes(config: Config) -> list[NodeReport]:
    if config.settings.crawl.backend != "scrapyd":
        return []
    from crawler.scrapyd_backend import node_states

    out = []
    for url, state in node_states(config.settings.crawl):
        if isinstance(state, str):
            out.append(NodeReport(url, "down", state))
        else:
            jobs = f"{state.pending} pending, {state.running} running, {state.finished} finished jobs"
            out.append(NodeReport(url, "up", jobs))
    return out


def gather(db: Database, config: Config, per_source: int = 1, now: datetime | None = None) -> StatusReport:
    now = now or utcnow()
    return StatusReport(now, _sources(db, config, per_source), _digests(db, now), _nodes(config))


def when(value: datetime | None, never: str = "never") -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else never


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_long_words=True, break_on_hyphens=False) or [indent]


def _run_lines(run: RunReport) -> list[str]:
    took = f" ({run.seconds:.1f} s)" if run.seconds is not None else ""
    lines = _wrap(f"{run.status}: started {when(run.started_at)}{took}", "    ")
    figures = "  ".join(f"{SHORT[k]} {v}" for k, v in run.figures.items())
    lines += _wrap(figures, "      ")
    if run.message:
        lines += _wrap(run.message, "      ")
    return lines


def _source_lines(source: SourceReport, now: datetime) -> list[str]:
    if not source.enabled:
        due = "not scheduled"
    elif source.next_due is None or source.next_due <= now:
        due = "due now"
    else:
        due = f"next due {when(source.next_due)}"
    lines = _wrap(f"{source.name} ({source.cms}, {source.language}): {source.health}", "")
    lines += _wrap(due, "    ")
    for run in source.runs:
        lines += _run_lines(run)
    return lines


def _digest_lines(digest: DigestReport) -> list[str]:
    head = f"{digest.email} [{digest.status}] {digest.frequency}"
    body = f"last sent {when(digest.last_sent)}; pending {digest.pending}, failed {digest.failed}"
    if digest.retry_at is not None:
        body += f"; retry at {when(digest.retry_at)}"
    if digest.status == "active" and digest.next_digest is not None:
        body += f"; next digest {when(digest.next_digest)}"
    return _wrap(head, "") + _wrap(body, "    ")


def as_text(report: StatusReport) -> str:
    lines = [f"sources ({len(report.sources)})"]
    for source in report.sources:
        lines += _source_lines(source, report.now)
    if not report.sources:
        lines.append("  none configured: add some to sources.toml")
    count = len(report.digests)
    lines += ["", f"digests ({count} subscriber{'' if count == 1 else 's'})"]
    for digest in report.digests:
        lines += _digest_lines(digest)
    if report.nodes:
        lines += ["", f"scrapyd nodes ({len(report.nodes)})"]
        for node in report.nodes:
            lines += _wrap(f"{node.url}: {node.state}: {node.detail}", "")
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + "Z"
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def as_json(report: StatusReport) -> dict[str, Any]:
    return {"now": _plain(report.now), "sources": [_plain(asdict(s)) for s in report.sources],
            "digests": [_plain(asdict(d)) for d in report.digests],
            "nodes": [asdict(n) for n in report.nodes]}

