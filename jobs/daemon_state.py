"""What the daemon counts while it runs, per job: runs, failures, the last error (shown by the
admin ``/healthz`` of :mod:`jobs.http`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from core.db.engine import utcnow


@dataclass
class JobCounts:
    runs: int = 0
    failures: int = 0
    last_error: str | None = None
    last_end: datetime | None = None


@dataclass
class DaemonState:
    """Figures the daemon keeps while it runs (shown by /healthz)."""

    started_at: datetime = field(default_factory=utcnow)
    running: dict[str, datetime] = field(default_factory=dict)
    counts: dict[str, JobCounts] = field(default_factory=dict)
    missed: int = 0
    guard: threading.Lock = field(default_factory=threading.Lock)

    def begin(self, job_id: str) -> None:
        with self.guard:
            self.running[job_id] = utcnow()

    def end(self, job_id: str, error: str | None = None) -> None:
        with self.guard:
            self.running.pop(job_id, None)
        self.record(job_id, error)

    def record(self, job_id: str, error: str | None = None) -> None:
        """Count one run of ``job_id`` (a source crawled in another job's batch counts for its own)."""
        with self.guard:
            counts = self.counts.setdefault(job_id, JobCounts())
            counts.runs += 1
            counts.last_end = utcnow()
            if error is not None:
                counts.failures += 1
                counts.last_error = error[:500]

    def failures(self) -> int:
        with self.guard:
            return sum(c.failures for c in self.counts.values())
