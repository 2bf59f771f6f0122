"""When a subscriber's next digest is due.

Times are stored naive UTC; ``send_at`` and ``weekday`` are read in the
subscriber's own time zone, so 08:00 in Asia/Shanghai and 08:00 in
Europe/Berlin are different instants (and daylight saving is respected).
An immediate subscriber is always due; daily and weekly ones are due once
``now`` reaches ``next_digest_at``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.config import WEEKDAYS
from core.db.models import SubscriberRow


def _to_utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


def next_slot(frequency: str, send_at: str, weekday: str, timezone: str, after: datetime) -> datetime | None:
    """The first scheduled send time strictly after ``after`` (naive UTC); None for immediate."""
    if frequency == "immediate":
        return None
    zone = ZoneInfo(timezone)
    local_after = after.replace(tzinfo=UTC).astimezone(zone)
    hour, minute = (int(part) for part in send_at.split(":"))
    day = local_after.date()
    for offset in range(0, 9):
        candidate_day = day + timedelta(days=offset)
        if frequency == "weekly" and candidate_day.weekday() != WEEKDAYS.index(weekday):
            continue
        candidate = datetime.combine(candidate_day, time(hour, minute), tzinfo=zone)
        if _to_utc(candidate) > after:
            return _to_utc(candidate)
    raise AssertionError("a slot always exists within nine days")  # pragma: no cover


def schedule_next(row: SubscriberRow, after: datetime) -> None:
    """Set ``row.next_digest_at`` to its first slot after ``after``."""
    row.next_digest_at = next_slot(row.frequency, row.send_at, row.weekday, row.timezone, after)


def is_due(row: SubscriberRow, now: datetime, *, force: bool = False) -> bool:
    """Whether ``row`` should get a digest at ``now`` (naive UTC) if anything is pending."""
    if row.status != "active":
        return False
    if force or row.frequency == "immediate":
        return True
    return row.next_digest_at is None or now >= row.next_digest_at
