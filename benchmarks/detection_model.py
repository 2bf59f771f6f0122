"""Does a learned model detect visits better than the rules? Measured, not assumed.

    pip install -e '.[experiments]'
    python benchmarks/detection_model.py

For each language, a character n-gram TF-IDF + logistic regression model is trained on
the tuning half of the real labelled files (dev, dev2), cross-validated there (5 folds),
and scored once on the checking half, beside the rules' detection F1 on the same half.
The rules stay in the extractor unless the model beats them on the checking half.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from benchmarks.halves import half_of  # noqa: E402
from crawler.visits import extract_row  # noqa: E402

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import Pipeline, make_pipeline
except ImportError:
    sys.exit("scikit-learn is needed: pip install -e '.[experiments]'")

HEAD = 3000  # characters of each article the model reads


def rows(lang: str) -> list[dict[str, object]]:
    out = []
    for name in (f"dev-{lang}", f"dev2-{lang}"):
        with open(EVAL / f"{name}.jsonl", encoding="utf-8") as lines:
            out += [json.loads(line) for line in lines if line.strip()]
    return out


def model() -> Pipeline:
    return make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2),
        LogisticRegression(C=100, max_iter=2000, class_weight="balanced"))


def compare(lang: str) -> None:
    labelled = rows(lang)
    tune = [r for r in labelled if half_of(str(r["id"])) == "tune"]
    check = [r for r in labelled if half_of(str(r["id"])) == "check"]
    text = [str(r["text"])[:HEAD] for r in tune]
    truth = [bool(r["gold"]["is_visit"]) for r in tune]  # type: ignore[index]
    folds = cross_val_score(model(), text, truth, cv=5, scoring="f1")
    fitted = model().fit(text, truth)
    gold = [bool(r["gold"]["is_visit"]) for r in check]  # type: ignore[index]
    learned = fitted.predict([str(r["text"])[:HEAD] for r in check])
    rules = [bool(extract_row(r)["visits"]) for r in check]
    print(f"{lang}: tuning n={len(tune)}, checking n={len(check)}")
    print(f"  model  5-fold F1 on tuning {folds.min():.3f}/{folds.mean():.3f}/{folds.max():.3f} "
          f"(min/mean/max), checking F1 {f1_score(gold, learned):.3f}")
    print(f"  rules  checking F1 {f1_score(gold, rules):.3f}")


def main() -> None:
    for lang in ("en", "zh"):
        compare(lang)


if __name__ == "__main__":
    main()
