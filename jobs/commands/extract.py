"""`inspectwatch extract`: print visit records as JSON (../shared/eval/FORMAT.md)."""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import click

from core.cli_app import App, UsageError, pass_app


def _topics(app: App) -> Mapping[str, Sequence[str]]:
    """The config's topics when a config directory is there; none otherwise."""
    if not app.config_dir.is_dir():
        return {}
    return app.config.topic_keywords()


def _file_row(path: Path, published: str | None, url: str | None, lang: str | None,
              row_id: str | None) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read: {exc.strerror}") from None
    is_html = path.suffix.lower() in (".html", ".htm") or data.lstrip()[:1] == b"<"
    row: dict[str, Any] = {"id": row_id or path.stem, "url": url, "published": published, "lang": lang}
    if is_html:
        row["html"] = data
    else:
        row["text"] = data.decode("utf-8", errors="replace")
    return row


def _clipped(row: dict[str, Any], where: str) -> dict[str, Any]:
    """The row with its text cut to what extraction reads (a note on stderr says so)."""
    from crawler.article import MAX_TEXT_CHARS, clip

    text = row.get("text")
    if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
        row = {**row, "text": clip(text)}
        click.echo(f"{where}: the text has {len(text):,} characters; extraction reads the first "
                   f"{len(row['text']):,}", err=True)
    return row


class BadLine(ValueError):
    """An input line that is not a FORMAT.md row; the message says what is wrong with it."""


def _decode(raw: bytes, number: int) -> str:
    """A line's text; a UTF-8 BOM on the first line is dropped."""
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None


def _row(line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict) or "id" not in row:
        raise BadLine('expected a JSON object with an "id"')
    if not (row.get("text") or row.get("html")):
        raise BadLine('expected a "text" or "html" key')
    return row


def _line_id(raw: bytes, number: int) -> object:
    try:
        row = json.loads(raw)
    except ValueError:
        return f"line-{number}"
    return row.get("id", f"line-{number}") if isinstance(row, dict) else f"line-{number}"


def _run_jsonl(source: BinaryIO, name: str, topics: Mapping[str, Sequence[str]]) -> int:
    """One output line per input line; a bad line gets an error naming it and an empty result."""
    from crawler.visits import extract_row

    failures = 0
    for number, raw in enumerate(source, 1):
        if not raw.strip():
            continue
        try:
            row = _row(_decode(raw, number).rstrip("\r\n"))
            result = extract_row(_clipped(row, f"{name}:{number}"), topics)
        except Exception as exc:  # one bad line never stops the rest
            failures += 1
            click.echo(f"Error: {name}:{number}: {exc}", err=True)
            result = {"id": _line_id(raw, number), "visits": []}
        click.echo(json.dumps(result, ensure_ascii=False))
    return failures


@click.command("extract")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jsonl", "jsonl", type=click.File("rb"), metavar="FILE",
              help="Read FORMAT.md input lines (text or html); print one result line each.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for relative dates.")
@click.option("--url", help="Where the article came from (its path may carry the date).")
@click.option("--lang", type=click.Choice(["en", "zh"]), help="Language; detected when absent.")
@click.option("--id", "row_id", help="Id echoed in the output (default: the file name's stem).")
@click.option("--indent", type=int, default=None, help="Pretty-print with this indent.")
@pass_app
def extract(app: App, file: Path | None, jsonl: BinaryIO | None, published: str | None, url: str | None,
            lang: str | None, row_id: str | None, indent: int | None) -> None:
    """Print the visit records of one article FILE (.html or .txt), or of every
    line of a JSON Lines file with --jsonl.

    \b
    Examples:
        inspectwatch extract article.html --url https://www.jinan.gov.cn/art/2023/3/30/art_1_2.html
        inspectwatch extract --jsonl articles.jsonl > predictions.jsonl
    """
    if (file is None) == (jsonl is None):
        raise UsageError("give either FILE or --jsonl FILE (one of them)")
    topics = _topics(app)
    if jsonl is not None:
        failures = _run_jsonl(jsonl, jsonl.name, topics)
        if failures:
            click.echo(f"{failures} line(s) could not be read; they got empty results", err=True)
        return
    assert file is not None
    from crawler.visits import extract_row

    result = extract_row(_clipped(_file_row(file, published, url, lang, row_id), str(file)), topics)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=indent) + "\n")
