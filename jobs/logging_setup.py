"""Log output of the long-running commands: human lines or one JSON object per line.

Job lines carry their figures as ``extra={"fields": {...}}``; the text format
appends them as ``key=value``, the JSON format as top-level keys, so a log
shipper can index ``job``, ``source``, ``visits_new`` without parsing text.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["text", "json"]
OUR_LOGGERS = ("inspectwatch", "jobs", "notifier", "core", "crawler.runner", "crawler.alerts")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields = getattr(record, "fields", None)
    return dict(fields) if isinstance(fields, dict) else {}


class TextFormatter(logging.Formatter):
    """The usual line, then the job's figures as ``key=value``."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = _fields(record)
        if not fields:
            return line
        figures = " ".join(f"{key}={value}" for key, value in fields.items())
        head, sep, tail = line.partition("\n")
        return f"{head} {figures}{sep}{tail}"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, the fields, and exc when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(_fields(record))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup_logging(log_format: LogFormat = "text") -> None:
    """Send logs to stderr in ``log_format``; inspectwatch's own loggers at least at INFO, so
    every job start and end shows, while libraries (Scrapy in the crawl children, Alembic,
    APScheduler) stay at the level ``-v`` chose (WARNING by default)."""
    root = logging.getLogger()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    ours = min(root.getEffectiveLevel(), logging.INFO)
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(ours)


def job_fields(**fields: Any) -> dict[str, Any]:
    """``extra=`` for a log call that carries figures."""
    return {"fields": fields}
