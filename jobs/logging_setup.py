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


def setup_logging(log_format: LogFormat = "text", level: int | None = None) -> None:
    """Send logs to stderr in ``log_format``; at least INFO, so every job start and end shows."""
    root = logging.getLogger()
    level = level if level is not None else min(root.level or logging.INFO, logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("apscheduler.scheduler", "apscheduler.executors.default"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def job_fields(**fields: Any) -> dict[str, Any]:
    """``extra=`` for a log call that carries figures."""
    return {"fields": fields}
