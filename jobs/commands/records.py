"""`inspectwatch records`: browse and export stored visit records."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from datetime import date, datetime

import click

from core.cli_app import App, UsageError, pass_app
from core.stored_visits import StoredVisit, load_visits

CSV_FIELDS = ("id", "date", "officials", "accompanying", "regions", "stops", "topics", "emphasized",
              "url", "title", "published", "source", "event")


def _names(people: list[object]) -> str:
    return "; ".join(getattr(p, "name", str(p)) for p in people)


def _csv_row(record: StoredVisit) -> dict[str, object]:
    visit = record.visit
    return {
        "id": record.id, "date": visit.date or "", "officials": _names(list(visit.officials)),
        "accompanying": _names(list(visit.accompanying)), "regions": "; ".join(visit.regions),
        "stops": "; ".join(f"{s.name} ({s.kind})" for s in visit.stops),
        "topics": "; ".join(visit.topics), "emphasized": " | ".join(visit.emphasized),
        "url": record.url, "title": record.title, "published": record.published or "",
        "source": record.source, "event": record.event,
    }


def _write_json(records: list[StoredVisit]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def _write_csv(records: list[StoredVisit]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(_csv_row(record))


def _events(records: list[StoredVisit]) -> list[list[StoredVisit]]:
    """The records by event (the reports of one inspection), in the order of each event's first."""
    groups: dict[int, list[StoredVisit]] = {}
    for record in records:
        groups.setdefault(record.event, []).append(record)
    return list(groups.values())


def _write_table(records: list[StoredVisit]) -> None:
    """One row per event, as a digest shows it: the first report, and every report's source."""
    from rich.console import Console  # only the table needs rich
    from rich.table import Table

    events = _events(records)
    title = f"{len(records)} visit(s)" + (f" of {len(events)} event(s)" if len(events) < len(records) else "")
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("date", "officials", "regions", "stops", "sources"):
        table.add_column(column, overflow="fold")
    for reports in events:
        record, visit = reports[0], reports[0].visit
        table.add_row(visit.date or record.published or "?", _names(list(visit.officials)),
                      "; ".join(visit.regions), "; ".join(s.name for s in visit.stops),
                      " · ".join(dict.fromkeys(r.source for r in reports)))
    Console(markup=False, emoji=False, highlight=False).print(table)  # stored text is data, not markup


WRITERS: dict[str, Callable[[list[StoredVisit]], None]] = {
    "table": _write_table, "json": _write_json, "csv": _write_csv,
}


def _matching(app: App, records: list[StoredVisit], expression: str) -> list[StoredVisit]:
    from notifier.matching import filter_visits
    from notifier.watches import WatchSyntaxError, parse_watch, validate_watches

    topics = app.config.topic_keywords() if app.config_dir.is_dir() else None
    try:
        parse_watch(expression)
    except WatchSyntaxError as exc:
        raise UsageError(f"--match: {exc}") from None
    problems = validate_watches([expression], topics)
    if problems:  # unknown topics, in the same words as check-config and `subscribers add`
        raise UsageError("--match: " + "; ".join(problems))
    return filter_visits(records, expression, topics or {})


@click.command("records")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only visits on or after this date (visit date or publication date).")
@click.option("--match", "expression", metavar="EXPR", help="Only visits matching this watch expression.")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="table", show_default=True,
              help="table for people (one row per event); json is JSON Lines, one visit a line, with "
                   "its event; csv for spreadsheets.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many visits, newest first.")
@pass_app
def records(app: App, since: datetime | None, expression: str | None, fmt: str, limit: int | None) -> None:
    """Browse and export stored visit records, newest first.

    \b
    Examples:
        inspectwatch records --since 2023-03-01 --match 'org:carbon'
        inspectwatch records --format json > visits.jsonl
    """
    found = load_visits(app.existing_db, since=date(since.year, since.month, since.day) if since else None)
    if expression:
        found = _matching(app, found, expression)
    WRITERS[fmt](found[:limit] if limit else found)
