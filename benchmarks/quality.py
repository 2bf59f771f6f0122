"""Quality of the visit extractor on every labelled file, scored by score.py.

    python benchmarks/quality.py [--json] [--half tune|check] [FILE.jsonl ...]

Runs ``extract_row`` on each gold file (the project's tests/fixtures/gold/, then
../shared/eval/examples.jsonl and the real dev files), writes the predictions to a
temporary file and prints score.py's table per file.

The real files (dev-*, dev2-*) are also split into a tuning half and a checking half by a
fixed rule, ``halves.half_of(id)`` (a SHA-1 of the id): rules are tuned on the tuning half
only, and the checking half tells whether they generalise. Each real file prints its two
halves and the per-field gap; a gap above 0.05 is flagged as over-fitting.
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

from benchmarks.halves import REAL_FILES, half_of  # noqa: E402
from crawler.visits import extract_row  # noqa: E402

FIELDS = ("detection", "officials", "accompanying", "regions", "stops", "dates")
GAP = 0.05


def gold_files() -> list[Path]:
    """Every labelled file there is, project's own first."""
    own = ROOT / "tests" / "fixtures" / "gold"
    files = sorted(own.glob("*.jsonl"))
    files += [EVAL / "examples.jsonl"] + [EVAL / f"{name}.jsonl" for name in REAL_FILES]
    return [f for f in files if f.exists()]


def write_rows(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as dst:
        for row in rows:
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")


def predict(gold: Path, out: Path) -> None:
    """Write one prediction line per gold line."""
    write_rows([extract_row(row) for row in read_rows(gold)], out)


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as src:
        return [json.loads(line) for line in src if line.strip()]


def score(gold: Path, pred: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the one scorer on a prediction file."""
    return subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(pred), *extra],
                          capture_output=True, text=True, check=False)


def f1_table(gold: Path, pred: Path) -> dict[str, float]:
    """Per-field F1 from score.py's JSON report."""
    report = json.loads(score(gold, pred, "--json").stdout)
    fields = report.get("fields", report)
    return {f: float(fields[f]["f1"]) for f in FIELDS if f in fields}


def run_halves(gold: Path, tmp: Path, only: str | None, misses: bool = False) -> None:
    """Score the tuning and checking halves of one real file side by side."""
    rows = read_rows(gold)
    scores: dict[str, dict[str, float]] = {}
    for half in ("tune", "check"):
        if only and half != only:
            continue
        part = [row for row in rows if half_of(str(row["id"])) == half]
        g, p = tmp / f"{gold.stem}.{half}.gold.jsonl", tmp / f"{gold.stem}.{half}.pred.jsonl"
        write_rows(part, g)
        write_rows([extract_row(row) for row in part], p)
        scores[half] = f1_table(g, p)
        if misses:
            print(score(g, p, "--json").stdout)
        scores[half]["n"] = len(part)
    print(f"== {gold.name} halves " + "  ".join(f"{h} n={int(s['n'])}" for h, s in scores.items()))
    print(f"{'field':<14}" + "".join(f"{h:>8}" for h in scores) + ("     gap" if len(scores) == 2 else ""))
    for field in FIELDS:
        vals = [scores[h].get(field, 0.0) for h in scores]
        line = f"{field:<14}" + "".join(f"{v:8.3f}" for v in vals)
        if len(vals) == 2:
            gap = vals[0] - vals[1]
            line += f"{gap:8.3f}" + ("  over-fit?" if gap > GAP else "")
        print(line)
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true",
                    help="print score.py's JSON report (misses); with --half, of that half only")
    ap.add_argument("--half", choices=("tune", "check"), help="only this half of the real files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for gold in args.files or gold_files():
            if gold.stem in REAL_FILES:
                run_halves(gold, Path(tmp), args.half, misses=args.json and args.half is not None)
                if args.half:
                    continue
            pred = Path(tmp) / f"{gold.stem}.pred.jsonl"
            predict(gold, pred)
            result = score(gold, pred, *(["--json"] if args.json else []))
            print(f"== {gold}")
            print(result.stdout + result.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
