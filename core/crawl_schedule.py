"""Schedules as written in sources.toml: an interval ("30m", "2h") or a cron line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Schedule:
    """Either ``interval`` (a timedelta) or ``cron`` (a five-field crontab line) is set."""

    interval: timedelta | None = None
    cron: str | None = None


def parse_schedule(value: str) -> Schedule:
    """Parse "30m" / "2h" / "1d" / "45s" or a crontab line such as "0 */2 * * *"."""
    match = _INTERVAL.match(value)
    if match:
        seconds = int(match.group(1)) * _UNITS[match.group(2)]
        if seconds <= 0:
            raise ValueError(f"expected a positive interval; got {value!r}")
        return Schedule(interval=timedelta(seconds=seconds))
    if len(value.split()) == 5:
        from apscheduler.triggers.cron import CronTrigger  # only for cron lines: slow to import

        try:
            CronTrigger.from_crontab(value)
        except ValueError as exc:
            raise ValueError(f"expected a valid cron line; got {value!r} ({exc})") from None
        return Schedule(cron=value)
    raise ValueError(
        f"expected an interval such as '30m', '2h', '1d' or a cron line such as '0 * * * *'; "
        f"got {value!r}"
    )
