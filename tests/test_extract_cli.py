"""`inspectwatch extract` as a subprocess: the seed article, JSON Lines, bad lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "jinan-2023-03-30-liu-qiang-pingyin-changqing.txt"
CLI = [sys.executable, "-m", "jobs.cli", "--config", str(ROOT / "config")]

needs_shared = pytest.mark.skipif(not SEED.exists(), reason=f"{SHARED} is not beside the project")


def extract(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "extract", *args], capture_output=True, text=True, input=stdin,
                          timeout=120, cwd=ROOT)


@needs_shared
def test_seed_file_scores_one_on_every_field(tmp_path: Path) -> None:
    result = extract(str(SEED), "--id", "seed-jinan-2023-03-30")
    assert result.returncode == 0, result.stderr
    pred = tmp_path / "seed.jsonl"
    pred.write_text(result.stdout, encoding="utf-8")
    fields = [f"{f}=1.0" for f in ("detection", "officials", "accompanying", "regions", "stops", "dates")]
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"),
                            str(SHARED / "eval" / "examples.jsonl"), str(pred),
                            *[arg for f in fields for arg in ("--min-f1", f)]],
                           capture_output=True, text=True, timeout=60)
    assert score.returncode == 0, score.stdout + score.stderr
    (visit,) = json.loads(result.stdout)["visits"]
    lead = {"name": "Liu Qiang", "title": "Secretary of the Municipal Party Committee"}
    assert visit["officials"][0] == lead
    assert {s["kind"] for s in visit["stops"]} >= {"enterprise", "project"}


def test_html_file_with_published_and_url(tmp_path: Path) -> None:
    page = tmp_path / "visit.html"
    page.write_text("""<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="Mayor visits Qinghe">
<meta name="PubDate" content="2024-05-14 10:00"></head><body><div class="nav">Home &gt; News</div>
<!--ZJEG_RSS.content.begin--><p>On May 13, Mayor Zhao Mingyuan went to Jiyang District to inspect
Shandong Qinghe Paper Co., Ltd. and the Qinghe wetland restoration project. He emphasized that it is
necessary to keep the river clean.</p><!--ZJEG_RSS.content.end--><div>Print this page</div></body></html>""",
                    encoding="utf-8")
    result = extract(str(page), "--indent", "2")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "visit"
    (visit,) = record["visits"]
    assert visit["date"] == "2024-05-13"
    assert visit["officials"][0]["name"] == "Zhao Mingyuan"
    assert any("Qinghe Paper" in s["name"] for s in visit["stops"])


def test_jsonl_bad_lines_named_and_the_rest_goes_on() -> None:
    lines = [
        json.dumps({"id": "a", "lang": "zh", "published": "2024-03-02",
                    "text": "1日，市委书记王建国到平阴县调研，"
                            "先后来到山东泉华石墨有限公司、东阿镇南栾湾村。"}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "The Standing Committee of the Municipal Party Committee met."}),
    ]
    result = extract("--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in out] == ["a", "line-2", "c", "d"]
    assert out[0]["visits"] and out[0]["visits"][0]["officials"][0]["name"] == "王建国"
    assert out[1]["visits"] == out[2]["visits"] == out[3]["visits"] == []
    assert "<stdin>:2:" in result.stderr and "<stdin>:3:" in result.stderr
    assert '"text" or "html"' in result.stderr


def test_jsonl_invalid_utf8_and_malformed_json_are_named_lines(tmp_path: Path) -> None:
    text = "1日，市委书记王建国到平阴县调研，先后来到山东泉华石墨有限公司。"
    good = json.dumps({"id": "a", "lang": "zh", "published": "2024-03-02", "text": text}, ensure_ascii=False)
    lines = [b"\xef\xbb\xbf" + good.encode(),  # a UTF-8 BOM on the first line is fine
             b'{"id": "b", "text": "caf\xff\xfe"}',
             json.dumps({"id": "c", "text": "Café visit"}, ensure_ascii=False).encode("latin-1"),
             b'{"id": "d", "text": "x",}',
             b"[1, 2",
             good.replace('"a"', '"f"').encode()]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = extract("--jsonl", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in out] == ["a", "line-2", "line-3", "line-4", "line-5", "f"]
    assert out[0]["visits"] and out[5]["visits"] and not any(row["visits"] for row in out[1:5])
    assert result.stderr.splitlines() == [
        f"Error: {path}:2: not valid UTF-8 (byte 0xff at column 25)",
        f"Error: {path}:3: not valid UTF-8 (byte 0xe9 at column 25)",
        f"Error: {path}:4: not valid JSON (Expecting property name enclosed in double quotes at column 25)",
        f"Error: {path}:5: not valid JSON (Expecting ',' delimiter at column 6)",
        "4 line(s) could not be read; they got empty results"]


def test_huge_text_is_cut_to_what_extraction_reads(tmp_path: Path) -> None:
    para = "1日，市委书记王建国到平阴县调研，先后来到山东泉华石墨有限公司、东阿镇南栾湾村。"
    path = tmp_path / "huge.txt"
    path.write_text("\n".join(para for _ in range(12_000)), encoding="utf-8")  # 1.4 MB
    result = extract(str(path), "--lang", "zh", "--published", "2024-03-02")
    assert result.returncode == 0, result.stderr
    note = f"{path}: the text has 491,999 characters; extraction reads the first 99,"
    assert result.stderr.startswith(note)
    assert json.loads(result.stdout)["visits"]


def test_file_and_jsonl_together_is_usage_error(tmp_path: Path) -> None:
    result = extract(str(tmp_path / "a.txt"), "--jsonl", "-", stdin="")
    assert result.returncode == 2 and "Error:" in result.stderr
