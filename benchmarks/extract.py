"""Speed and memory of the visit extractor, text input and HTML input.

    python benchmarks/extract.py [--rounds N]

Runs ``extract_row`` over every real labelled file (../shared/eval/examples.jsonl,
dev-*.jsonl, dev2-*.jsonl) in one process: once on their text, once on the same
text wrapped in a simple HTML page. Prints the time the gazetteer and any other
dictionary take to load (goal: under 1 s, once per process), articles per CPU
second (goal: 200/s on one core for text) and the peak RSS (goal: under 250 MB),
with goal ratios.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from core.gazetteer import gazetteer  # noqa: E402
from crawler.visits import extract_row  # noqa: E402

GOAL_TEXT_PER_S = 200.0
GOAL_RSS_MB = 250.0
GOAL_LOAD_S = 1.0
FILES = ("examples.jsonl", "dev-*.jsonl", "dev2-*.jsonl")


def load_rows() -> list[dict[str, Any]]:
    """Every text row of the real labelled files, with the count per file."""
    rows: list[dict[str, Any]] = []
    for pattern in FILES:
        for path in sorted(EVAL.glob(pattern)):
            with path.open(encoding="utf-8") as fh:
                part = [json.loads(line) for line in fh if line.strip()]
            print(f"{path.name}: {len(part)} articles")
            rows += part
    return [r for r in rows if r.get("text")]


def as_html(row: dict[str, Any]) -> dict[str, Any]:
    """The same article as a simple HTML page (title, PubDate meta, paragraphs)."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in str(row["text"]).split("\n") if p.strip())
    title = html.escape(str(row.get("title") or ""))
    meta = f'<meta name="PubDate" content="{row["published"]}">' if row.get("published") else ""
    page = (f'<html><head><meta charset="utf-8"><title>{title}</title>{meta}</head>'
            f'<body><div class="TRS_Editor">{paragraphs}</div></body></html>')
    out = {k: v for k, v in row.items() if k != "text"}
    out["html"] = page
    return out


def cold_start(rows: list[dict[str, Any]]) -> tuple[float, float]:
    """CPU and wall seconds to load the gazetteer and whatever each language loads lazily,
    measured as the gazetteer load plus the first article of each language."""
    start, cpu = time.perf_counter(), time.process_time()
    gazetteer()
    for lang in ("zh", "en"):
        first = next((r for r in rows if r.get("lang") == lang), None)
        if first:
            extract_row(first)
    return time.process_time() - cpu, time.perf_counter() - start


def rate(rows: list[dict[str, Any]], rounds: int) -> float:
    """Articles per CPU second of this process (one core; other load does not count)."""
    start = time.process_time()
    for _ in range(rounds):
        for row in rows:
            extract_row(row)
    return len(rows) * rounds / (time.process_time() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    rows = load_rows()
    if not rows:
        print(f"no labelled files under {EVAL}", file=sys.stderr)
        return 1
    load_s, load_wall = cold_start(rows)
    for row in rows:
        extract_row(row)
    text_rate = rate(rows, args.rounds)
    html_rate = rate([as_html(r) for r in rows], args.rounds)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(rows)} x {args.rounds} rounds")
    print(f"load:       {load_s:8.2f} CPU s       (gazetteer and dictionaries, goal < {GOAL_LOAD_S:.0f} s, "
          f"ratio {load_s / GOAL_LOAD_S:.2f}; {load_wall:.2f} s wall on this machine's load)")
    print(f"text input: {text_rate:8.1f} articles/s  "
          f"(goal {GOAL_TEXT_PER_S:.0f}/s, ratio {text_rate / GOAL_TEXT_PER_S:.2f})")
    print(f"html input: {html_rate:8.1f} articles/s")
    print(f"peak RSS:   {rss_mb:8.1f} MB          "
          f"(goal < {GOAL_RSS_MB:.0f} MB, ratio {rss_mb / GOAL_RSS_MB:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
