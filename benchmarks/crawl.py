"""Crawl throughput, re-crawl cost and memory, on a 2,000-article fixture site on loopback.

    .venv/bin/python benchmarks/crawl.py [--articles 2000] [--pairs 3]

Both sides run the same way, as plain subprocesses timed from start to exit, in
interleaved pairs (baseline, ours, baseline, ours...), so that neither gets a warmer
machine or a cheaper start:

1. baseline: ``benchmarks/baseline_spider.py``, a `scrapy bench`-style spider (Scrapy's
   default settings, no robots.txt, no throttling, LinkExtractor following every link,
   no processing) over the fixture site;
2. ours: ``inspectwatch crawl`` (robots.txt, AutoThrottle from a zero start delay, 2
   requests per domain, article and visit extraction, SQLite store) over the same site,
   into a new database each pair;
3. re-crawl: ``inspectwatch crawl`` again on the last pair's database, with nothing new.

Prints pages/s of each run, the ratio ours/baseline per pair with its min/median/max
(goal: median >= 0.6), requests made by the re-crawl (goal <= 2 per source), and the
peak RSS of our crawl's processes (goal < 300 MB).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sites import generic  # noqa: E402
from sites.server import serve  # noqa: E402

GOAL_RATIO, GOAL_RECRAWL_REQUESTS, GOAL_RSS_MB = 0.6, 2, 300.0
INSPECTWATCH = Path(sys.executable).with_name("inspectwatch")
BASELINE = ROOT / "benchmarks" / "baseline_spider.py"
SETTINGS = """[crawl]
allow_private_networks = true
delay = 0.0
max_pages_per_source = 10000
"""
SOURCES = """[[sources]]
name = "bench"
cms = "generic"
language = "zh"
start_urls = ["{url}"]
[sources.selectors]
{selectors}
"""


def write_config(directory: Path, url: str) -> Path:
    """A config directory with one generic source on the fixture site."""
    selectors = "\n".join(f'{key} = "{value}"' for key, value in
                          generic.SELECTORS.model_dump(exclude_none=True).items())
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "inspectwatch.toml").write_text(SETTINGS)
    (directory / "sources.toml").write_text(SOURCES.format(url=url, selectors=selectors))
    return directory


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        out += [int(c) for c in children]
        todo += [int(c) for c in children]
    return out


class PeakRss:
    """Polls the peak resident set (VmHWM) of a process and its descendants while it runs."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb = pid, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _poll(self) -> None:
        while not self.done.wait(0.05):
            for pid in [self.pid, *descendants(self.pid)]:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_kb / 1024


def timed(args: list[str]) -> tuple[str, float, float]:
    """Run a command; its stdout, wall seconds and peak RSS (MB) of its process tree."""
    began = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = PeakRss(process.pid)
    out, err = process.communicate(timeout=900)
    seconds, peak = time.monotonic() - began, rss.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {process.returncode}:\n{err}")
    return out, seconds, peak


def ours(config_dir: Path, db_url: str) -> tuple[str, float, float]:
    return timed([str(INSPECTWATCH), "--config", str(config_dir), "--db", db_url, "crawl"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    per_page = 20
    pages_total = args.articles + -(-args.articles // per_page)
    ratios, rss = [], 0.0
    with tempfile.TemporaryDirectory() as tmp, serve(lambda b: generic.build(
            b, count=args.articles, per_page=per_page)) as site:
        url = generic.start_url(site.base)
        config_dir = write_config(Path(tmp) / "config", url)
        print(f"site: {args.articles} articles, {pages_total} pages on loopback")
        for pair in range(args.pairs):
            site.reset()
            out, base_seconds, _ = timed([sys.executable, str(BASELINE), url])
            base_rate = int(out.split()[-1]) / base_seconds
            site.reset()
            db_url = f"sqlite:///{tmp}/bench-{pair}.db"
            _, our_seconds, peak = ours(config_dir, db_url)
            our_rate = len(site.hits) / our_seconds
            rss = max(rss, peak)
            ratios.append(our_rate / base_rate)
            print(f"pair {pair + 1}: baseline {base_rate:.0f} pages/s ({base_seconds:.1f} s), "
                  f"ours {our_rate:.0f} pages/s ({len(site.hits)} requests, {our_seconds:.1f} s), "
                  f"ratio {ratios[-1]:.2f}")
        site.reset()
        ours(config_dir, db_url)
        recrawl_requests = len(site.hits)
    median = statistics.median(ratios)
    print(f"ratio ours/baseline: min {min(ratios):.2f} median {median:.2f} max {max(ratios):.2f} "
          f"(goal: median >= {GOAL_RATIO})")
    print(f"re-crawl: {recrawl_requests} requests for 1 source (goal <= {GOAL_RECRAWL_REQUESTS})")
    print(f"peak RSS of our crawl's processes: {rss:.0f} MB (goal < {GOAL_RSS_MB:.0f} MB)")
    ok = median >= GOAL_RATIO and recrawl_requests <= GOAL_RECRAWL_REQUESTS and 0 < rss < GOAL_RSS_MB
    print("all goals met" if ok else "some goals missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
