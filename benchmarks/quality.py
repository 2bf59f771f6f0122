"""Quality of the visit extractor on every labelled file, scored by score.py.

    python benchmarks/quality.py [--json] [FILE.jsonl ...]

Runs ``extract_row`` on each gold file (the project's tests/fixtures/gold/ -- en, zh and
the held-out holdout-en, holdout-zh -- then ../shared/eval/examples.jsonl, dev-en.jsonl,
dev-zh.jsonl), writes the
predictions to a temporary file and prints score.py's table per file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from crawler.visits import extract_row  # noqa: E402


def gold_files() -> list[Path]:
    """Every labelled file there is, project's own first."""
    own = ROOT / "tests" / "fixtures" / "gold"
    files = sorted(own.glob("*.jsonl"))
    files += [own / name for name in ("holdout-en.jsonl", "holdout-zh.jsonl") if own / name not in files]
    files += [EVAL / name for name in ("examples.jsonl", "dev-en.jsonl", "dev-zh.jsonl")]
    return [f for f in files if f.exists()]


def predict(gold: Path, out: Path) -> None:
    """Write one prediction line per gold line."""
    with gold.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.dumps(extract_row(json.loads(line)), ensure_ascii=False) + "\n")


def score(gold: Path, pred: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the one scorer on a prediction file."""
    return subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(pred), *extra],
                          capture_output=True, text=True, check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true", help="print score.py's JSON report (misses)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for gold in args.files or gold_files():
            pred = Path(tmp) / f"{gold.stem}.pred.jsonl"
            predict(gold, pred)
            result = score(gold, pred, *(["--json"] if args.json else []))
            print(f"== {gold}")
            print(result.stdout + result.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
