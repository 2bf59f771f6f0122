"""What the scheduler runs and when: job specs and triggers built from config and database.

Every job has a stable id (``crawl:<source>``, ``digest:<slot>``,
``digest:sweep``) so that re-adding it on the next start replaces it instead of
duplicating it. When a job is next due comes from the database, never from
the scheduler's memory: a source is due when the next fire time of its
schedule after its last crawl start has come (or it has never been crawled).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import select

from core.config import Config, SourceConfig
from core.crawl_schedule import parse_schedule
from core.db.engine import Database
from core.db.models import SubscriberRow

CRAWL_JOB = "jobs.daemon:crawl_job"
DIGEST_JOB = "jobs.daemon:digest_job"
MIN_GRACE = 30


@dataclass(frozen=True)
class JobSpec:
    """One job as handed to ``scheduler.add_job``."""

    id: str
    func: str
    trigger: BaseTrigger
    args: tuple[Any, ...] = ()
    next_run_time: datetime | None = None
    misfire_grace_time: int = MIN_GRACE
    name: str = ""
    kwargs: dict[str, Any] = field(default_factory=dict)

    def add_job_kwargs(self) -> dict[str, Any]:
        options: dict[str, Any] = dict(
            func=self.func, trigger=self.trigger, args=self.args, id=self.id, name=self.name or self.id,
            replace_existing=True, coalesce=True, max_instances=1,
            misfire_grace_time=self.misfire_grace_time,
        )
        if self.next_run_time is not None:
            options["next_run_time"] = self.next_run_time
        return options


def aware(moment: datetime) -> datetime:
    """A stored (naive UTC) time as an aware UTC datetime."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def crawl_trigger(source: SourceConfig, jitter: float = 0) -> BaseTrigger:
    """The source's schedule as a trigger, in the source's time zone."""
    schedule = parse_schedule(source.schedule)
    tz = ZoneInfo(source.timezone)
    jitter_s = int(jitter) or None
    if schedule.interval is not None:
        return IntervalTrigger(seconds=int(schedule.interval.total_seconds()), timezone=tz, jitter=jitter_s)
    assert schedule.cron is not None
    trigger = CronTrigger.from_crontab(schedule.cron, timezone=tz)
    trigger.jitter = jitter_s
    return trigger


def period_seconds(trigger: BaseTrigger, now: datetime) -> int:
    """Roughly how long between two fire times, at least MIN_GRACE (the misfire grace of the job)."""
    return max(MIN_GRACE, int(fire_interval(trigger, now)))


def fire_interval(trigger: BaseTrigger, now: datetime) -> float:
    """Seconds between two fire times of ``trigger`` after ``now`` (an hour if it has no two)."""
    if isinstance(trigger, IntervalTrigger):
        return float(trigger.interval_length)
    first = trigger.get_next_fire_time(None, now)
    second = trigger.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
    if first is None or second is None:
        return 3600.0
    return (second - first).total_seconds()


def crawl_due_at(source: SourceConfig, last_start: datetime | None) -> datetime | None:
    """When the source is next due after its last crawl start; None if never crawled (due now)."""
    if last_start is None:
        return None
    start = aware(last_start)
    schedule = parse_schedule(source.schedule)
    if schedule.interval is not None:
        return start + schedule.interval
    trigger = crawl_trigger(source)
    return trigger.get_next_fire_time(None, start + timedelta(seconds=1))


def is_due(source: SourceConfig, last_start: datetime | None, now: datetime) -> bool:
    due_at = crawl_due_at(source, last_start)
    return due_at is None or due_at <= aware(now)


def crawled_lately(source: SourceConfig, last_start: datetime | None, now: datetime) -> bool:
    """True when the source's last crawl started less than half its period ago: another job's
    batch took it along (its own job then has nothing to do)."""
    if last_start is None:
        return False
    half = fire_interval(crawl_trigger(source), aware(now)) / 2
    return aware(now) - aware(last_start) < timedelta(seconds=half)


def crawl_batch(config: Config, starts: dict[str, datetime], first: str, now: datetime) -> list[str]:
    """What a crawl job for ``first`` crawls: ``first``, then the other enabled sources due at ``now``
    (by the database), ``crawl.max_parallel_sources`` at most, in one crawl process."""
    limit = config.settings.crawl.max_parallel_sources
    others = [s.name for s in config.sources if s.enabled and s.name != first
              and is_due(s, starts.get(s.name), now)]
    return [first, *others][:limit]


def crawl_specs(config: Config, starts: dict[str, datetime], now: datetime,
                jitter: float = 0) -> list[JobSpec]:
    """One crawl job per enabled source; next run at its database due time (now if overdue)."""
    specs = []
    for source in config.sources:
        if not source.enabled:
            continue
        trigger = crawl_trigger(source, jitter)
        due_at = crawl_due_at(source, starts.get(source.name))
        next_run = aware(now) if due_at is None or due_at <= aware(now) else due_at
        specs.append(JobSpec(id=f"crawl:{source.name}", func=CRAWL_JOB, trigger=trigger,
                             args=(source.name,), next_run_time=next_run,
                             misfire_grace_time=period_seconds(trigger, aware(now)),
                             name=f"crawl {source.name} ({source.schedule}, {source.timezone})"))
    return specs


@dataclass(frozen=True, order=True)
class DigestSlot:
    """When daily or weekly digests go out: a time of day (and weekday) in a time zone."""

    frequency: str
    send_at: str
    timezone: str
    weekday: str = ""

    @property
    def job_id(self) -> str:
        day = f"{self.weekday}:" if self.frequency == "weekly" else ""
        return f"digest:{self.frequency}:{day}{self.send_at}:{self.timezone}"

    def trigger(self) -> CronTrigger:
        hour, minute = self.send_at.split(":")
        day_of_week = self.weekday if self.frequency == "weekly" else "*"
        return CronTrigger(hour=int(hour), minute=int(minute), day_of_week=day_of_week,
                           timezone=ZoneInfo(self.timezone))


def digest_slots(db: Database) -> list[DigestSlot]:
    """The distinct send times of active daily and weekly subscribers."""
    query = select(SubscriberRow.frequency, SubscriberRow.send_at, SubscriberRow.timezone,
                   SubscriberRow.weekday).where(SubscriberRow.status == "active",
                                                SubscriberRow.frequency.in_(("daily", "weekly")))
    with db.session() as session:
        rows = session.execute(query).all()
    return sorted({DigestSlot(f, s, tz, w if f == "weekly" else "") for f, s, tz, w in rows})


def digest_specs(slots: Iterable[DigestSlot], now: datetime, sweep_seconds: int) -> list[JobSpec]:
    """A job per digest slot, and the sweep: due digests and retries, first run at once."""
    specs = [JobSpec(id="digest:sweep", func=DIGEST_JOB, trigger=IntervalTrigger(seconds=sweep_seconds),
                     args=("sweep",), next_run_time=aware(now),
                     misfire_grace_time=max(MIN_GRACE, sweep_seconds),
                     name=f"digest sweep (every {sweep_seconds}s: due digests, retries)")]
    for slot in slots:
        trigger = slot.trigger()
        grace = 6 * 3600 if slot.frequency == "daily" else 24 * 3600
        specs.append(JobSpec(id=slot.job_id, func=DIGEST_JOB, trigger=trigger, args=(slot.job_id,),
                             misfire_grace_time=grace, name=f"{slot.frequency} digests at {slot.send_at} "
                             f"{slot.weekday} {slot.timezone}".replace("  ", " ")))
    return specs
