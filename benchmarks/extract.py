"""Speed and memory of the visit extractor, text input and HTML input.

    python benchmarks/extract.py [--rounds N]

Runs ``extract_row`` over the dev files (../shared/eval/dev-*.jsonl) in one
process: once on their text, once on the same text wrapped in a simple HTML
page. Prints articles per second (goal: 200/s on one core for text) and the
peak RSS with the gazetteer loaded (goal: under 200 MB), with goal ratios.
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

from crawler.visits import extract_row  # noqa: E402
from crawler.visits.gazetteer import gazetteer  # noqa: E402

GOAL_TEXT_PER_S = 200.0
GOAL_RSS_MB = 200.0


def load_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(EVAL.glob("dev-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
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
        print(f"no dev files under {EVAL}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    gazetteer()
    load_s = time.perf_counter() - start
    for row in rows:
        extract_row(row)
    text_rate = rate(rows, args.rounds)
    html_rate = rate([as_html(r) for r in rows], args.rounds)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(rows)} x {args.rounds} rounds; gazetteer load {load_s:.2f} s")
    print(f"text input: {text_rate:8.1f} articles/s  "
          f"(goal {GOAL_TEXT_PER_S:.0f}/s, ratio {text_rate / GOAL_TEXT_PER_S:.2f})")
    print(f"html input: {html_rate:8.1f} articles/s")
    print(f"peak RSS:   {rss_mb:8.1f} MB          "
          f"(goal < {GOAL_RSS_MB:.0f} MB, ratio {rss_mb / GOAL_RSS_MB:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
